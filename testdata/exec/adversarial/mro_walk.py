# expect: violation attribute
# The MRO is readable on a class; the walk's next step is not.
root = int.__mro__[-1]
print(root.__subclasses__())

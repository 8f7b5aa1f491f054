# expect: violation attribute
# __base__ built from pieces is readable on a class (it is object); the
# __subclasses__ built the same way is not.
t = type(())
b = getattr(t, '__ba' + 'se__')
print(b)
print(getattr(b, '__sub' + 'classes__')())

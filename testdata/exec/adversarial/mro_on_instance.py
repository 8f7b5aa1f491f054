# expect: violation attribute
# Only classes answer __mro__; an instance's lookup is refused.
print((1).__mro__)

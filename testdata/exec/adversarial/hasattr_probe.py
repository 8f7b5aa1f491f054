# expect: violation attribute
# hasattr only answers yes or no; reading the attribute is what is denied.
def f():
    pass
if hasattr(f, '__code__'):
    print(getattr(f, '__code__'))

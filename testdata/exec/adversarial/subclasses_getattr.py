# expect: violation attribute
t = type(())
b = getattr(t, '__ba' + 'se__')
print(b)

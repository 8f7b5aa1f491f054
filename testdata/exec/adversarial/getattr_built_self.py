# expect: violation attribute
name = '__se' + 'lf__'
m = getattr(print, name)
print(m)

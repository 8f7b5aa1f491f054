# expect: violation attribute
print(int.__mro__[-1])

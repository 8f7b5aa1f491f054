# expect: violation attribute
print(int.__dict__)

# expect: violation attribute
for c in type(()).__base__.__subclasses__():
    print(c)

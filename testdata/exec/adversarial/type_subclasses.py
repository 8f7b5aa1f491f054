# expect: violation attribute
print(type.__subclasses__(object))

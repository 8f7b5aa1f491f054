# expect: ok
# A user class's own __dict__ (its methods) is harmless to read.
class A:
    x = 1
print(sorted(k for k in A.__dict__ if not k.startswith('_')))
a = A()
a.y = 2
print(a.__dict__)

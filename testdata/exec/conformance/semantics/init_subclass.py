class Base:
    registry = []
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append(cls.__name__)
class A(Base): pass
class B(Base, tag="bee"): pass
class C(B): pass
print(Base.registry, A.tag, B.tag, C.tag)
try:
    class D(object, x=1): pass
except TypeError as e:
    print("TypeError")
class P:
    def __init_subclass__(cls):
        super().__init_subclass__()
        print("sub", cls.__name__)
class Q(P): pass
print(object.__init_subclass__() is None)
try:
    object.__init_subclass__(1)
except TypeError as e: print(e)

class A: pass
class B(A): pass
class C(B): pass
c = C()
print(isinstance(c, A), isinstance(c, B), isinstance(c, (int, A)), isinstance(B(), C), issubclass(C, A), issubclass(A, C), issubclass(bool, int))

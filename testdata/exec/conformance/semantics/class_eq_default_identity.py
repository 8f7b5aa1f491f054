class X: pass
a = X()
print(a == a, a == X(), a != X())

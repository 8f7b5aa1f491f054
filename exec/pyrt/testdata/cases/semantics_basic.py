print(0.1, 0.1+0.2, 1e16, 1e-5, 1234567.0, 12345678.9, float('inf'), float('nan'), -0.0)
print([1.5, 2.25], (0.1,), {1: 0.3})
d = {1: 'a', (2, 3): 'b', 2.0: 'c', True: 'd'}
print(d)
s = {5, 3, 1, 100, 37}
print(s)
class A:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, A) and self.x == o.x
    def __hash__(self): return hash(self.x)
    def __lt__(self, o): return self.x < o.x
    def __add__(self, o): return A(self.x + o.x)
    def __repr__(self): return 'A(%r)' % self.x
print(A(1) == A(1), A(1) < A(2), A(1) + A(2), sorted([A(3), A(1)]))
print(A(1) in {A(1)}, (1, 2) < (1, 3), [1, 2] < [1, 2, 3])
class B(A): pass
print(isinstance(B(1), A), issubclass(B, A), isinstance(True, int))
class MyErr(ValueError):
    def __init__(self, msg, code):
        super(MyErr, self).__init__(msg)
        self.code = code
try:
    raise MyErr("bad", 3)
except ValueError as e:
    print("caught", e, e.code, type(e).__name__)
def gen():
    yield 1
    raise KeyError('k')
try:
    for x in gen(): print(x)
except KeyError as e:
    print('propagated', repr(e))
def outer(n):
    def mid():
        def inner():
            return n + 1
        return inner()
    return mid()
print(outer(5))
print(round(2.5), round(3.5), round(2.675, 2), round(-0.5), round(1234, -2))

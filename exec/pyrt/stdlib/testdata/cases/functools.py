#=== reduce_partial
from functools import reduce, partial
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(operator.add, [], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError", e)
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
print(square(5), partial(power, 2)(10), partial(partial(power, 3), 2)())
p = partial(int, base=2)
print(p("1010"), p.func is int, p.args, p.keywords)
#=== lru_cache
from functools import lru_cache, cache
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), fib.cache_info())
@lru_cache
def sq(x):
    return x * x
print(sq(3), sq(3), sq(4), sq.cache_info())
@lru_cache(maxsize=2)
def ident(x):
    print("computing", x)
    return x
ident(1); ident(2); ident(1); ident(3); ident(2)
print(ident.cache_info())
ident.cache_clear()
print(ident.cache_info())
@cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(20), fact.cache_info().hits, fact.cache_info().misses)
@lru_cache(maxsize=None)
def grid(r, c):
    if r == 0 or c == 0:
        return 1
    return grid(r - 1, c) + grid(r, c - 1)
print(grid(10, 10), fib.__name__)
#=== wraps
from functools import wraps
def deco(f):
    @wraps(f)
    def inner(*a, **k):
        """inner doc"""
        return f(*a, **k) + 1
    return inner
@deco
def g(x):
    """g doc"""
    return x
print(g(1), g.__name__, g.__doc__, g.__wrapped__(1))
#=== cmp_to_key
from functools import cmp_to_key
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda x, y: len(x) - len(y))))
print(sorted(["3", "30", "34", "5", "9"], key=cmp_to_key(lambda a, b: -1 if a + b > b + a else 1)))
#=== total_ordering
from functools import total_ordering
@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) < V(2), V(1) <= V(1), V(3) > V(2), V(2) >= V(3), V(1) == V(1))
print(sorted([V(3), V(1), V(2)])[0].v, max([V(3), V(7), V(2)]).v)
#=== cached_property
from functools import cached_property
class Circle:
    def __init__(self, r):
        self.r = r
        self.calls = 0
    @cached_property
    def area(self):
        self.calls += 1
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, c.calls)
#=== singledispatch
from functools import singledispatch
@singledispatch
def show(x):
    return "obj:" + repr(x)
@show.register(int)
def _(x):
    return "int:" + str(x)
@show.register(list)
def _(x):
    return "list of " + str(len(x))
show.register(str, lambda s: "str:" + s.upper())
class B:
    pass
print(show(3), show(True), show([1, 2]), show("ab"), show(2.5), show(B()) [:5], show.dispatch(bool).__name__)

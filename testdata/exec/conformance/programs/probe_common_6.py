from collections import Counter, defaultdict, deque, OrderedDict
import itertools, math, string
from typing import Optional, Union, Callable, List, Dict, Tuple
c = Counter(a=3, b=1) + Counter(a=1, c=2)
print(c, c - Counter(a=10), c & Counter(a=2, c=5), c | Counter(b=4), Counter("aabbc").most_common(), sorted(c.elements()))
dd = defaultdict(int); dd["x"] += 2
print(dd, repr(defaultdict(list)), deque(range(5), maxlen=3), list(reversed(deque([1, 2]))))
d = {"a": 1, "b": 2, "c": 3}
print(d.keys() & {"a", "z"}, d.keys() - {"a"}, list(d.values()), {**d, "a": 0}, dict(sorted(d.items(), key=lambda kv: -kv[1])), min(d, key=d.get), list(zip(d, d.values())))
print(list(itertools.pairwise([1, 2, 3])), list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 5, 1])), list(itertools.compress("abc", [1, 0, 1])), list(itertools.combinations_with_replacement("ab", 2)), list(itertools.repeat("x", 2)))
print(int("1_000"), float("1_0.5"), f"{1234567:_}", f"{'abc':>{6}}|", f"{3.14159:{'.2f'}}", "{0[1]} {1[k]}".format([5, 6], {"k": 7}), "{:*^11}".format("mid"), format(255, "#06x"), format(-3.5, "+.1e"), format(0.000012345, ".3g"), format(12345678, ",d"))
print(str(1e-5), str(1.0e15), str(1e16), repr(1/7), str(2.5e-308), 1.0 / 3.0 * 3.0, round(1e20), float(10 ** 20), 10 ** 20 / 3, 7 // 2.0, int(1e18) + 1)
print(sorted([3, 1, 2], key=lambda x: -x, reverse=True), sorted(["b", "a"], key=len), sorted([[1, "b"], [1, "a"]]), max([], default=0), min((x for x in []), default=None), sum([], 0.0), math.prod([]), any(x > 1 for x in [0, 2]))
s = "a,b;c d"
print(s.split(",", -1), s.rsplit(None), "  x  y ".split(" "), "abc".split("b", 0), "AbC".lower().islower(), "ß".upper(), "ǅ".lower(), "straße".casefold(), "İ".lower(), len("İ".lower()))
print(list(map(lambda x: x * 2, range(3))), list(filter(lambda x: x % 2, range(6))), [*range(3), *"ab"], {*[1, 2], *[2, 3]}, (lambda *a: a)(*[1, 2], 3))
def fn(a: Optional[int] = None, b: Union[int, str] = 1, c: Callable[[int], int] = abs) -> Dict[str, List[Tuple[int, int]]]:
    return {"r": [(a or 0, c(-2))]}
print(fn(), fn(5), string.Template("$x-${y}").substitute(x=1, y=2))
x = [1, 2, 3]
y = x
y += [4]
t = (1, [2])
t[1].append(3)
print(x, t, x is y, [[0] * 2 for _ in range(2)], [1, 2] * 2, "-".join(str(i) for i in range(3)))

#=== counter_basic
from collections import Counter
c = Counter("abracadabra")
print(c)
print(c["a"], c["z"], len(c), sorted(c), c.most_common(2), c.most_common())
print(Counter([1, 2, 2, 3, 3, 3]), Counter(), Counter(a=2, b=1), Counter({"x": 3}))
print(list(Counter("aabbbc").elements()), c.total())
c.update("aaz")
c.subtract({"b": 5})
print(c)
del c["z"]
print("z" in c, c.get("q"), c.get("a"))
print(Counter("hello") == Counter("olleh"), Counter(a=1) == Counter(a=1, b=0), Counter("ab") != Counter("abc"))
#=== counter_arith
from collections import Counter
a = Counter({"a": 3, "b": 1})
b = Counter({"a": 1, "b": 2})
print(a + b, a - b, a | b, a & b, +Counter(a=-1, b=2), -Counter(a=-1, b=2))
x = Counter(a=1)
x += Counter(a=2, b=-1)
print(x)
words = "the quick brown fox jumps over the lazy dog the end".split()
print(Counter(words).most_common(3))
print(dict(Counter("aab")), sorted(Counter("cba").items()), max(Counter("abbccc").items(), key=lambda kv: kv[1]))
import json
print(json.dumps(Counter("aab")))
#=== defaultdict
from collections import defaultdict
d = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    d[k].append(v)
print(d, d["a"], len(d), "c" in d, d.get("c"), sorted(d.items()))
print(d["c"], d)
n = defaultdict(int)
for ch in "mississippi":
    n[ch] += 1
print(n, dict(n))
s = defaultdict(set)
s[1].add(2)
print(s)
g = defaultdict(lambda: "x")
print(g[5], dict(g))
try:
    defaultdict()["k"]
except KeyError as e:
    print("KeyError", e)
#=== ordereddict
from collections import OrderedDict
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od), list(od.keys()))
od.move_to_end("b")
print(od)
od.move_to_end("c", last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([(1, "x"), (2, "y")]), OrderedDict(a=1) == OrderedDict(a=1))
#=== deque
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
m = deque(maxlen=3)
for i in range(5):
    m.append(i)
print(m, m.maxlen, list(m))
m.appendleft(9)
print(m)
print(deque("abc"), deque(), 2 in deque([1, 2]), deque([1, 2]) == deque([1, 2]))
try:
    deque().pop()
except IndexError as e:
    print("IndexError", e)
q = deque()
q.append((0, 0))
seen = 0
while q:
    x, y = q.popleft()
    seen += 1
    if x < 3:
        q.append((x + 1, y))
print(seen)
#=== namedtuple
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[1], len(p), tuple(p), list(p))
x, y = p
print(x, y, p == (1, 2), p == Point(1, 2), Point._fields)
print(p._replace(x=10), p._asdict(), Point._make([5, 6]))
P3 = namedtuple("P3", "a b c", defaults=[0])
print(P3(1, 2), P3(1, 2, 3), P3(a=1, b=2))
Emp = namedtuple("Emp", "name, age")
print(sorted([Emp("b", 3), Emp("a", 5)]), Emp("z", 1) < Emp("z", 2))
try:
    Point(1)
except TypeError as e:
    print("TypeError", e)
print({Point(1, 2): "v"}[Point(1, 2)])
#=== counter_ties_order
from collections import Counter
c = Counter()
for w in ["pear", "apple", "pear", "fig", "apple", "kiwi", "fig", "date"]:
    c[w] += 1
print(c, c.most_common(2), list(c), [k for k, v in c.most_common() if v == 1])
print(Counter("mississippi").most_common(), Counter([3, 1, 2, 1, 3]).most_common(1))
#=== chainmap
from collections import ChainMap
defaults = {"color": "red", "user": "guest"}
args = {"user": "ann"}
cm = ChainMap(args, defaults)
print(cm["user"], cm["color"], cm.get("x", 0), "color" in cm, len(cm), sorted(cm), dict(cm))
child = cm.new_child()
child["color"] = "blue"
print(child["color"], cm["color"], child.parents["color"])
#=== deque_mutation
from collections import deque
d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print("RuntimeError", e)
d = deque([1, 2, 3])
it = iter(d)
print(next(it), list(d), sum(deque(range(5))), [x * 2 for x in deque([1, 2])])
d.append(4)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
#=== dict_subclasses
from collections import Counter, defaultdict, OrderedDict
import json
c = Counter("aab")
d = defaultdict(int)
d["x"] += 2
o = OrderedDict(a=1)
print(isinstance(c, dict), isinstance(d, dict), isinstance(o, dict), c == {"a": 2, "b": 1}, {"x": 2} == d, o == {"a": 1})
print(json.dumps([c, d, o]), dict(c), list(d.items()), c.copy(), type(c.copy()).__name__, d.copy())
def flatten(x):
    if isinstance(x, dict):
        return sorted(x.keys())
    return x
print(flatten(c), flatten(d), len(c), c.get("zz"), c["zz"], "zz" in c)

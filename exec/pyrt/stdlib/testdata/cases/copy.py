#=== shallow_deep
import copy
a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(a, b, c)
print(b[1] is a[1], c[1] is a[1])
d = {"x": [1], "y": (1, [2])}
e = copy.deepcopy(d)
d["y"][1].append(3)
print(d, e)
t = (1, 2)
print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.deepcopy("s"), copy.copy(5))
shared = [1]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[0])
#=== instances
import copy
class P:
    def __init__(self, xs):
        self.xs = xs
p = P([1, 2])
q = copy.copy(p)
r = copy.deepcopy(p)
p.xs.append(3)
print(q.xs, r.xs, type(r).__name__, q is p)
class C:
    def __init__(self):
        self.v = 1
    def __deepcopy__(self, memo):
        n = C()
        n.v = self.v + 100
        return n
print(copy.deepcopy(C()).v, copy.deepcopy([C()])[0].v)
s = {1, 2}
print(copy.copy(s) == s, copy.deepcopy(s))
#=== containers
import copy
from collections import Counter, OrderedDict, defaultdict, deque
c = Counter("aab")
c2 = copy.copy(c)
c2["z"] += 5
o = OrderedDict(a=[1])
o2 = copy.copy(o)
o2["b"] = 2
o3 = copy.deepcopy(o)
o3["a"].append(9)
d = defaultdict(list, {"k": [1]})
d2 = copy.deepcopy(d)
d2["k"].append(2)
q = deque([1, [2]])
q2 = copy.deepcopy(q)
q2[1].append(3)
print(c, c2, o, o2, o3, d, d2, q, q2)

class Default(dict):
    def __missing__(self, key):
        return 0
d = Default(a=1)
d["b"] += 5
print(d, d["zz"], isinstance(d, dict), type(d).__name__, len(d), "zz" in d)
class Doubler(dict):
    def __setitem__(self, k, v):
        super(Doubler, self).__setitem__(k, v * 2)
    def __getitem__(self, k):
        return super(Doubler, self).__getitem__(k) + 1
x = Doubler()
x["a"] = 5
print(x, x["a"], x.get("a"), list(x.items()))
class Attr(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
    def __setattr__(self, k, v):
        self[k] = v
a = Attr(p=1)
a.q = 2
print(a.p, a.q, a, hasattr(a, "zz"))
class Reg(dict):
    def __init__(self, *args, **kw):
        super(Reg, self).__init__(*args, **kw)
        self.count = len(self)
    def __repr__(self):
        return "Reg(%s)" % dict.__repr__(self)
r = Reg({"k": 1}, m=2)
print(r, r.count, r.keys(), dict(r), sorted(r))
s = {1: 2}
print(dict.get(s, 1), dict.keys(s))

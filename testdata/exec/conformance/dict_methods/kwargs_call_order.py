d = {"x": 0}
d.update(b=1, a=2)
print(d)
e = {"b": 1, "a": 2}
f = {}
f.update(**e)
f.update([("c", 3)], z=4, y=5)
print(f)
print(dict(**e), dict([("z", 1)], **e), dict(e, y=2), dict(q=1, **e))
try:
    dict(a=1, **{"a": 2})
except TypeError as err:
    print(err)
try:
    d.update(a=1, **{"a": 2})
except TypeError as err:
    print(err)
class Mapping:
    def keys(self):
        return ["q", "p"]
    def __getitem__(self, k):
        return k * 2
print(dict(**Mapping()), dict(x=1, **Mapping()))

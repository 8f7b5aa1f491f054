#=== dumps_basic
import json
print(json.dumps({"a": 1, "b": [1, 2, 3], "c": None, "d": True, "e": False, "f": "x"}))
print(json.dumps([1, 2.5, "s", None]))
print(json.dumps("héllo\n\t\"q\" \\ \x01"), json.dumps("héllo", ensure_ascii=False), json.dumps("\U0001f600"))
print(json.dumps(3), json.dumps(3.0), json.dumps(1e20), json.dumps(0.1), json.dumps(1e-7), json.dumps(-0.0), json.dumps(10**30))
print(json.dumps(float("nan")), json.dumps(float("inf")), json.dumps(-float("inf")))
print(json.dumps((1, 2)), json.dumps([]), json.dumps({}), json.dumps([[]], indent=2))
#=== dumps_indent
import json
d = {"name": "x", "items": [1, {"k": [True, None]}], "empty": [], "e2": {}}
print(json.dumps(d, indent=2))
print(json.dumps(d, indent=4, sort_keys=True))
print(json.dumps([1, [2, 3]], indent=0))
print(json.dumps({"a": 1}, indent="\t"))
print(json.dumps(d, separators=(",", ":")))
print(json.dumps({"b": 1, "a": 2, "c": 0}, sort_keys=True))
#=== dumps_default
import json
class P:
    def __init__(self, x):
        self.x = x
print(json.dumps({"p": P(3)}, default=lambda o: {"x": o.x}))
try:
    json.dumps(P(1))
except TypeError as e:
    print("TypeError", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError", e)
l = []
l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print("ValueError", e)
#=== loads
import json
v = json.loads('{"a": [1, 2.5, -3, 1e3, true, false, null], "b": {"c": "d\\u00e9\\n"}, "big": 123456789012345678901234567890}')
print(v["a"], v["b"]["c"], v["big"])
print(json.loads("[]"), json.loads("{}"), json.loads(' "x" '), json.loads("3"), json.loads("-0.5"), json.loads("NaN"))
print(json.loads('"\\ud83d\\ude00"') == "\U0001f600")
print(sorted(json.loads('{"z": 1, "a": 2}').keys()))
print(json.loads('{"a": 1, "a": 2}')["a"])
print(json.loads('[1.5]', parse_float=lambda s: "F" + s))
#=== loads_errors
import json
for s in ["", "[1,]", "{'a': 1}", '{"a" 1}', "[1 2]", "tru", '"abc', '[1] x', '{"a": 1,}', '"\\q"']:
    try:
        json.loads(s)
    except json.JSONDecodeError as e:
        print(repr(s), "->", e)
try:
    json.loads("[")
except ValueError as e:
    print("ValueError", e)
#=== roundtrip
import json
data = {"users": [{"id": 1, "tags": ["a", "b"], "score": 9.5}, {"id": 2, "tags": [], "score": None}]}
s = json.dumps(data)
print(s)
print(json.loads(s) == data)
print(json.dumps(json.loads(s), indent=1))
#=== float_formatting
import json
print(json.dumps([1e16, 1e15, 123456789.123456789, 0.1 + 0.2, 5e-324, 1.7976931348623157e308, -1e-5, 1e-4, 2.5e-5, 100.0, 1.5e300]))
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}), json.dumps({"k": 1}, sort_keys=True, indent=None, separators=(", ", " = ")))
print(json.loads("1e400"), json.loads("-1e400"), json.loads("0.1"), json.loads("12345678901234567890.0"), json.loads("1E2"))
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError", e)
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True))
#=== encoder_classes
import json
from datetime import date
class DateEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, date):
            return o.isoformat()
        return super().default(o)
print(json.dumps({"d": date(2024, 1, 2), "n": 1}, cls=DateEncoder))
print(json.dumps([1, 2], cls=DateEncoder, indent=1))
try:
    json.dumps({"x": {1, 2}}, cls=DateEncoder)
except TypeError as e:
    print("TypeError", e)
print(json.JSONEncoder(sort_keys=True).encode({"b": 1, "a": [2]}), json.JSONDecoder().decode('{"x": [1, 2.5]}'))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))

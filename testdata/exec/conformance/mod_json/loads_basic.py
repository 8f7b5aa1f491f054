import json
s = '{"name": "x", "vals": [1, 2.5, null, true], "nested": {"k": "v"}}'
d = json.loads(s)
print(d, d["vals"][1], type(d["vals"][0]).__name__)

import json
d = {"b": 1, "a": [1, 2]}
print(json.dumps(d, sort_keys=True))
print(json.dumps(d, indent=2))
print(json.dumps("é", ensure_ascii=False), json.dumps(d, separators=(",", ":")))

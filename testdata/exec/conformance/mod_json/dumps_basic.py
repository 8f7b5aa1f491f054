import json
print(json.dumps({"a": 1, "b": [1, 2, None], "c": True, "d": "x"}))
print(json.dumps([1.5, "é", {"k": False}]))

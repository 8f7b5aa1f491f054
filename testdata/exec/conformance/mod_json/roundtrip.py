import json
data = {"list": [1, [2, 3]], "s": "quote\"and\\slash", "n": -0.5}
print(json.loads(json.dumps(data)) == data, json.dumps(data))

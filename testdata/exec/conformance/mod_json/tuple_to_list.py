import json
print(json.dumps((1, 2)), json.dumps({"t": (3,)}))

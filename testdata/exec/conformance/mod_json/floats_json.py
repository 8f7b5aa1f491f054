import json
print(json.dumps([1.0, 0.1, 1e20, 3]), json.loads("[1e2, 2.50, -0]"))

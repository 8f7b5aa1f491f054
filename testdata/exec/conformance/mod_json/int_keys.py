import json
print(json.dumps({1: "a", 2: "b"}), json.loads('{"1": 2}'))

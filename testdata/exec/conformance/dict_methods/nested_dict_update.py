data = {"users": {}}
data["users"]["ann"] = {"age": 3}
data["users"]["ann"]["age"] += 1
print(data)

a = {"x": 1, "y": 2}
b = {"y": 3, 4: "four"}
print({**a, **b})
print({**a, "z": 0})
print({"first": True, **b})

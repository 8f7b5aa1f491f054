from collections import ChainMap
a = {"x": 1}
b = {"x": 2, "y": 3}
cm = ChainMap(a, b)
print(cm["x"], cm["y"], sorted(cm))

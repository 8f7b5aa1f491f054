d = {(1, "a"): "x"}
print(d[(1, "a")], hash((1, 2)) == hash((1, 2)))

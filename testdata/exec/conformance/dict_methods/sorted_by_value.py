scores = {"ann": 3, "bob": 5, "cy": 1}
print(sorted(scores, key=scores.get), sorted(scores.items(), key=lambda kv: -kv[1]))

scores = {"ann": 90, "bob": 72}
for k, v in scores.items():
    print(f"{k}: {v}{'!' if v > 80 else ''}")

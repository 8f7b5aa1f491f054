inventory = {"apples": 3, "pears": 0, "kiwis": 12}
total = sum(inventory.values())
for item, qty in sorted(inventory.items(), key=lambda x: x[1], reverse=True):
    status = "out" if qty == 0 else ("low" if qty < 5 else "ok")
    print(f"{item:<8}{qty:>4}  {status}  {qty / total:.1%}")

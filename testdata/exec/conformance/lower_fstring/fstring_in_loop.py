rows = [("apple", 3, 1.5), ("kiwi", 12, 0.25)]
for name, qty, price in rows:
    print(f"{name:<8}|{qty:>4}|{price:>7.2f}|{qty * price:8.2f}")

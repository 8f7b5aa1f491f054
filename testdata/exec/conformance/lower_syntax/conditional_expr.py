x = 5
print("big" if x > 3 else "small", [i if i % 2 else -i for i in range(5)])

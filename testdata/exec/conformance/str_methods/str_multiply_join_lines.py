lines = ["x" * i for i in range(1, 4)]
print("\n".join(lines))

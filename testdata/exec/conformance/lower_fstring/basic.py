name = "world"
n = 3
print(f"hello {name}, {n} times")
print(f"{n}{n}{n}")

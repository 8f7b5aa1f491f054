parts = ["a", "b"]
print(*parts, *"cd", sep="|")
print([*range(3), *{4: 0}], (*"xy",))

print("a" * 0, "abc" > "abd", "B" < "a", [1, "a"] == [1, "a"])

print("ab" * 3, "a" + "b", "b" in "abc", "abc" < "abd", "Z" < "a", max("hello"), sorted("hello"))

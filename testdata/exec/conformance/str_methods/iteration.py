for i, c in enumerate("hey"):
    print(i, c)
print(list("abc"), tuple("ab"), set("aa") == {"a"})

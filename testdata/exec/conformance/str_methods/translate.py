t = str.maketrans("abc", "xyz")
print("aabbcc".translate(t), "hello".translate(str.maketrans("", "", "l")))

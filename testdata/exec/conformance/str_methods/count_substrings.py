s = "abababa"
print(s.count("aba"), s.count("a", 2), s.count("b", 0, 3))

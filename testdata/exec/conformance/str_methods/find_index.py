s = "hello world"
print(s.find("o"), s.rfind("o"), s.find("z"), s.index("w"), s.rindex("l"), s.find("o", 5), s.count("l"), s.count(""))
try:
    s.index("z")
except ValueError as e:
    print("ValueError", e)

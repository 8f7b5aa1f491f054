s = "naïve café"
print(len(s), s.upper(), s[2], s.encode("utf-8")[:4])

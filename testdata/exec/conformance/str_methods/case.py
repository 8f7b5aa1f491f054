s = "hello World"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), "ß".casefold())

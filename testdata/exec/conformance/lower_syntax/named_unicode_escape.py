print("\N{GREEK SMALL LETTER ALPHA}\N{EM DASH}x")
print(len("\N{BULLET}"))

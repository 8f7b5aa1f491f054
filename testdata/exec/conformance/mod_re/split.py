import re
print(re.split(r"[,;]\s*", "a, b;c"), re.split(r"(\d)", "a1b2c"), re.split(r"\s", "x y", maxsplit=1))

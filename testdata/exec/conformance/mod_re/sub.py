import re
print(re.sub(r"\s+", " ", "a   b \t c"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@home"), re.subn("a", "b", "aaa"))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2"))

import re
for s in ["abc123", "abc", "123", "a_1"]:
    print(s, bool(re.fullmatch(r"[a-z]+\d+", s)))

import re
print(re.findall(r"\bcat\b", "cat catalog bobcat cat."), re.sub(r"\b(\w)", lambda m: m.group(1).upper(), "hello big world"))

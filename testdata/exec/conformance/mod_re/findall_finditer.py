import re
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)=(\d)", "a=1, b=2"))
print([m.start() for m in re.finditer(r"o", "foo boo")])

import re
print(re.escape("a.b*c"), re.findall(re.escape("1+1"), "1+1=2, 1+1"))

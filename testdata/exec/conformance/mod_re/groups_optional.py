import re
m = re.match(r"(a)(b)?(c)", "ac")
print(m.groups(), m.group(2), m.groups("-"), m.lastindex)

import re
m = re.match(r"(\w+) (\w+)", "hello world again")
print(m.group(0), m.group(1), m.group(2), m.groups(), m.span(), m.start(2))
print(re.search(r"\d+", "abc 123 def").group(), re.match(r"\d", "a1"))

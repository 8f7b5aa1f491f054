import re
if (m := re.match(r"(\d+)-(\d+)", "12-34")) is not None:
    print(m.group(1), m.group(2))
print([(last := c) for c in "abc"], last)

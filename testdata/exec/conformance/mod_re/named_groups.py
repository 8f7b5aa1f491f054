import re
m = re.search(r"(?P<year>\d{4})-(?P<month>\d{2})", "date: 2024-03-09")
print(m.group("year"), m["month"], m.groupdict())

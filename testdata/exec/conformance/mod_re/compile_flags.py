import re
p = re.compile(r"^hello", re.IGNORECASE | re.MULTILINE)
print(p.findall("Hello\nhello\nHELLO world"), bool(p.match("HeLLo")), p.pattern)

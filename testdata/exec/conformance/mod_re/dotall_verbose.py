import re
p = re.compile(r"""
    (\d+)   # number
    \s*
    ([a-z]+)  # unit
""", re.VERBOSE)
print(p.findall("10 kg, 5m"), re.findall(r"a.b", "a\nb", re.DOTALL))

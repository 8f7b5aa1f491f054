import re
print(re.findall(r"\d+(?=px)", "10px 20em 30px"), re.sub(r"(?<=a)b", "X", "ab cb ab"))

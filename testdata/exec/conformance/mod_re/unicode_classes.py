import re
print(re.findall(r"\w+", "naïve café ok"), re.findall(r"[^\W\d_]+", "ab12_cd"))

import re
print(re.findall(r"<.*>", "<a><b>"), re.findall(r"<.*?>", "<a><b>"))

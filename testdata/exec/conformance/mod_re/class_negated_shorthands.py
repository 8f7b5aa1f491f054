import re
s = "ab12_cd !?\n\u00e9X"
for p in [r'[^\d_\W]+', r'[\W\d]+', r'[\d\W]+', r'[\Wa]+', r'[a\W]+', r'[\W\S]+', r'[\S\W]+', r'[^\Wa]+', r'[^a\W]+', r'[^\s\S]', r'[\D\W]+', r'[^\W\d_]+', r'[^\S]+', r'[^\D]+']:
    print(p, re.findall(p, s), re.findall(p, s, re.ASCII), re.findall(p, s, re.I))
print(re.sub(r'[^\w\s]', '', "Hello, World! 123"), re.split(r'[\W_]+', "a_b-c d"))

s = "ab" * 20000
c = 0
for i in range(len(s)):
    if s[i] == "a":
        c += 1
print(c, s[-1], s[0], len(s), len("héllo"), "héllo"[1], "héllo"[-1])
try:
    s[40000]
except IndexError as e:
    print(e)

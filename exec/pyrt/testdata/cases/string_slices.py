s = "abcdefghij" * 3
print(s[2:5], s[::-1][:5], s[::3], s[-4:], s[5:2], s[1:20:4], s[-1:-10:-2], s[100:], s[:], s[3:3])
u = "héllo wörld"
print(u[1:4], u[::-1], u[::2], u[-3:])
t = "x" * 30000
n = 0
for i in range(len(t) - 2):
    if t[i:i + 3] == "xxx":
        n += 1
print(n)

a = [10, 20, 30]
print(a[-1], a[-3], a[-2:], a[:-1])
try:
    a[3]
except IndexError as e:
    print("IndexError", e)

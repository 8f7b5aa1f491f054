x = 1
y = "two"
s = ("start "
     f"x={x} "
     "middle "
     f"y={y}")
print(s)

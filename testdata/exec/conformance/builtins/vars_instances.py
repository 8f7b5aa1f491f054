class A:
    kind = "a"
    def __init__(self):
        self.x = 1
        self.y = 2
a = A()
v = vars(a)
v["z"] = 3
print(sorted(vars(a)), a.z, "kind" in vars(A), sorted(k for k in vars(A) if not k.startswith("__")))
try:
    vars(5)
except TypeError as e:
    print("TypeError")

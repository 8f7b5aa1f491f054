class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == "usd":
            return "$" + str(self.v)
        return str(self.v)
m = Money(12)
print(f"{m:usd} {m}")

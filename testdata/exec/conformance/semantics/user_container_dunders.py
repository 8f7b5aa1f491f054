class Bag:
    def __init__(self):
        self.items = {}
    def __setitem__(self, k, v):
        self.items[k] = v
    def __getitem__(self, k):
        return self.items[k]
    def __len__(self):
        return len(self.items)
    def __contains__(self, k):
        return k in self.items
    def __iter__(self):
        return iter(sorted(self.items))
b = Bag()
b["x"] = 1
b["a"] = 2
print(len(b), "x" in b, b["a"], list(b), bool(b))

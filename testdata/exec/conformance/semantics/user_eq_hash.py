class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, K) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
print(K(1) == K(1), K(1) != K(2), len({K(1), K(1), K(2)}), {K(3): "x"}[K(3)])

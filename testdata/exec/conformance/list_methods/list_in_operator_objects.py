class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, P) and o.v == self.v
print(P(1) in [P(1)], [P(2)].index(P(2)), [P(1), P(1)].count(P(1)))

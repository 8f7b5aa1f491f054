class P:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "P(%r)" % self.n
    def __str__(self):
        return "P:" + str(self.n)
p = P("x")
print(p, repr(p), [p], str(p), "%s %r" % (p, p))

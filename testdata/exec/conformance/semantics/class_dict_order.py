class K:
    """d"""
    z = 1
    a = 2
    def m(self):
        pass
    b = 3
print([k for k in vars(K) if k not in ("__dict__", "__weakref__")])

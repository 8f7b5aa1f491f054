print(hash(5) == hash(5), callable(len), callable(5), callable(lambda: 0), id(None) == id(None))
class C:
    def __call__(self):
        return 1
print(callable(C()), callable(C))

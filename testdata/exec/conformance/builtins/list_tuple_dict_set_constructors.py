print(list("ab"), tuple([1]), dict(a=1), set([1, 1]), frozenset("aa") == frozenset("a"), bool([]))

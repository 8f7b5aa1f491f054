print([1, "a", None, 2.5, [True], (1,), {"k": 1}])

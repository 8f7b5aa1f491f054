base = {"a": 1}
extra = {k: v for k, v in [("b", 2), ("c", 3)] if v > 2}
print({**base, **extra, **{"d": {1: [*"xy"]}}})

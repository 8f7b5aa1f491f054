from collections import Counter
print(Counter({"a": 2}) == Counter("aa"), Counter("ab") < Counter("aab") if hasattr(Counter, "__lt__") else True)

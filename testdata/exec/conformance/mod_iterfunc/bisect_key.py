import bisect
a = [(1, "a"), (3, "c")]
print(bisect.bisect_left(a, (2, "")), bisect.bisect_left([1, 2, 3], 2, lo=2))

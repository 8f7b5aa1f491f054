s = {1}
s.update([2, 3], (4,))
s |= {5}
s -= {1}
s &= {2, 3, 5, 7}
print(sorted(s))
s.intersection_update({2, 3})
s.difference_update({3})
print(sorted(s))

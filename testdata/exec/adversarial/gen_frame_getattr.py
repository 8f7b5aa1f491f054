# expect: violation attribute
g = (x for x in [1, 2])
print(getattr(g, 'gi_' + 'frame'))

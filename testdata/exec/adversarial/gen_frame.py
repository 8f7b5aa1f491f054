# expect: violation attribute
g = (x for x in [1, 2])
print(g.gi_frame.f_back)

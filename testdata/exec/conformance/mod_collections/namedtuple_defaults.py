from collections import namedtuple
Row = namedtuple("Row", ["a", "b", "c"], defaults=[0, 1])
print(Row(9), Row(1, 2, 3))

import copy
class Node:
    def __init__(self, v, kids):
        self.v = v
        self.kids = kids
n = Node(1, [Node(2, [])])
m = copy.deepcopy(n)
m.kids[0].v = 99
print(n.kids[0].v, m.kids[0].v, copy.copy(n).kids is n.kids)

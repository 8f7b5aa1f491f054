class Node:
    def __init__(self, val, next=None):
        self.val = val
        self.next = next
class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.val
            cur = cur.next
    def __len__(self):
        return self.size
    def __repr__(self):
        return " -> ".join(str(v) for v in self)
ll = LinkedList()
for i in range(5):
    ll.push(i * i)
print(ll, len(ll), list(ll), sum(ll), 9 in ll, max(ll))
class Shape:
    def area(self):
        raise NotImplementedError
    def __str__(self):
        return "%s(area=%.2f)" % (type(self).__name__, self.area())
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super(Square, self).__init__(s, s)
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
shapes = [Rect(2, 3), Square(4), Circle(1)]
for s in sorted(shapes, key=lambda s: s.area()):
    print(s)
print([type(s).__name__ for s in shapes], [isinstance(s, Rect) for s in shapes])
try:
    Shape().area()
except NotImplementedError:
    print("abstract")
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __mul__(self, other):
        if isinstance(other, (int, float)):
            return Matrix([[x * other for x in r] for r in self.rows])
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    __rmul__ = __mul__
    def __eq__(self, o):
        return self.rows == o.rows
    def __repr__(self):
        return "Matrix(%r)" % (self.rows,)
m = Matrix([[1, 2], [3, 4]])
print(m * m, 2 * m, m * 0.5, m == Matrix([[1, 2], [3, 4]]))

#=== functions
import operator
print(operator.add(1, 2), operator.sub(5, 3), operator.mul(3, 4), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 8))
print(operator.neg(5), operator.pos(-5), operator.abs(-3), operator.not_(0), operator.truth([]), operator.invert(5))
print(operator.eq(1, 1), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.rshift(16, 2))
print(operator.contains([1, 2], 2), operator.getitem("abc", 1), operator.concat([1], [2]), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
d = {}
operator.setitem(d, "k", 1)
print(d)
operator.delitem(d, "k")
print(d, operator.is_(None, None), operator.is_not(1, None))
#=== getters
import operator
from operator import itemgetter, attrgetter, methodcaller
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0)))
print(itemgetter(1, 0)(("x", "y")), itemgetter(slice(1, None))("abc"))
class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = P("ann", 30)
print(attrgetter("name")(p), attrgetter("name", "age")(p))
print(methodcaller("replace", "a", "b")("banana"))
print(itemgetter(1), attrgetter("x", "y"), methodcaller("f", 1))
from functools import reduce
print(reduce(operator.mul, [1, 2, 3, 4]))

#=== infinite
import itertools
from itertools import count, cycle, repeat, islice
print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(1.5, 0.5), 3)))
print(list(islice(cycle("abc"), 7)), list(repeat("x", 3)), list(islice(repeat(0), 4)), list(repeat(1, -1)))
print(list(zip(count(1), "ab")))
#=== accumulate_chain
import itertools, operator
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3, 4], operator.mul)))
print(list(itertools.accumulate([3, 1, 4], max)), list(itertools.accumulate([1, 2], initial=10)), list(itertools.accumulate([])))
print(list(itertools.chain([1, 2], (3,), "ab")), list(itertools.chain.from_iterable([[1], [2, 3], []])))
print(list(itertools.chain()))
#=== filtering
import itertools
print(list(itertools.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(itertools.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(itertools.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(itertools.filterfalse(lambda x: x % 2, range(10))), list(itertools.filterfalse(None, [0, 1, "", "a"])))
print(list(itertools.starmap(pow, [(2, 5), (3, 2)])))
print(list(itertools.islice("ABCDEFG", 2)), list(itertools.islice("ABCDEFG", 2, 4)), list(itertools.islice("ABCDEFG", 2, None)), list(itertools.islice("ABCDEFG", 0, None, 2)))
#=== groupby
import itertools
for k, g in itertools.groupby("AAAABBBCCDAABBB"):
    print(k, list(g))
print([(k, len(list(g))) for k, g in itertools.groupby([1, 1, 2, 3, 3, 3])])
data = sorted(["apple", "avocado", "banana", "blueberry", "cherry"], key=lambda s: s[0])
for k, g in itertools.groupby(data, key=lambda s: s[0]):
    print(k, list(g))
groups = [(k, g) for k, g in itertools.groupby("aabb")]
print([list(g) for k, g in groups])
#=== tee_zip_longest
import itertools
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b))
x, y, z = itertools.tee(iter("ab"), 3)
print(next(x), list(y), list(x), list(z))
print(list(itertools.zip_longest("ABCD", "xy", fillvalue="-")), list(itertools.zip_longest([1, 2], [3])))
print(list(itertools.pairwise("ABCD")), list(itertools.pairwise([1])))
#=== combinatorics
import itertools
print(list(itertools.product("AB", "xy")), list(itertools.product(range(2), repeat=3)))
print(list(itertools.product()), list(itertools.product([], [1])))
print(list(itertools.permutations("ABC")), list(itertools.permutations(range(3), 2)), list(itertools.permutations([1, 2], 3)))
print(list(itertools.combinations("ABCD", 2)), list(itertools.combinations(range(4), 3)), list(itertools.combinations([1], 2)))
print(list(itertools.combinations_with_replacement("ABC", 2)), list(itertools.combinations_with_replacement([], 0)))
print(len(list(itertools.permutations(range(6)))), len(list(itertools.combinations(range(10), 4))))
print(sum(1 for _ in itertools.product(range(3), range(4))))
#=== reprs
import itertools
c = itertools.count(5)
next(c)
print(c, itertools.count(1, 2), itertools.count(0.5), itertools.repeat("x", 3), itertools.repeat(None))

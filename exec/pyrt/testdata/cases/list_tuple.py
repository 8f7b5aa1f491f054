a = [3, 1, 2]
a.append(5)
a.extend((7, 8))
a.insert(0, 0)
a.insert(-1, 9)
a.insert(100, 10)
print(a, a.pop(), a.pop(0), a.pop(-2), a)
a.remove(7)
print(a, a.index(2), a.count(1), a.index(5, 2))
try:
    a.remove(42)
except ValueError as e:
    print("ValueError", e)
try:
    a.index(42)
except ValueError as e:
    print("ValueError", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
b = a.copy()
b.reverse()
print(a, b, sorted(b), sorted(b, reverse=True), b[::-1], b[1:3], b[-1])
b.sort()
print(b)
b.clear()
print(b, len(b))
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: p[1], reverse=True))
words = ["banana", "Apple", "cherry", "apple"]
words.sort(key=str.lower)
print(words, sorted(words, key=len), min(words), max(words, key=len), min([], default="none"), max(3, 7, 5), min("abc"))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), [1, 2] == [1, 2], [2] > [1, 9], (1, "a") < (1, "b"), [[1, 2], [1, 1]] < [[1, 3]])
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max([(1, 2), (1, 3)]), sorted([[3], [1, 2], [1]]))
t = (1, 2, 3, 2)
print(t.index(2), t.count(2), t + (4,), t * 2, len(t), t[1:], 2 in t, tuple([1]), tuple("ab"), ())
try:
    t.index(9)
except ValueError as e:
    print("ValueError", e)
x, *rest = [1, 2, 3]
print(x, rest, list(range(3)), list(range(10, 0, -3)), range(5)[2], range(1, 10, 2)[::-1], list(range(1, 10, 2)[1:3]), len(range(0, 10, 3)), 9 in range(0, 10, 3))
print([i * j for i in range(3) for j in range(3) if i != j], [[0] * 2 for _ in range(2)], list(zip([1, 2], "ab", (True, False))))
print(list(enumerate("ab")), list(enumerate("ab", start=1)), list(enumerate("ab", 5)), list(map(lambda x, y: x + y, [1, 2], [10, 20])), list(filter(None, [0, 1, "", "a"])))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed(range(3))), list(reversed("ab")), any([0, 0, 1]), all([1, 1, 0]), any([]), all([]))
nums = [5, 2, 8]
nums[1:2] = [7, 7]
del nums[0]
print(nums, nums * 2, [1] + [2], nums.__len__() if False else len(nums))
m = [[1, 2], [3, 4]]
print([row[:] for row in m], list(zip(*m)), sum(m, []), [x for row in m for x in row])
stable = [(1, "x"), (0, "y"), (1, "a"), (0, "b")]
print(sorted(stable, key=lambda p: p[0]), sorted(stable, key=lambda p: p[0], reverse=True))
print(list(range(0)), list(range(-3)), list(range(5, 0, -1)), range(3), range(1, 5, 2))
print(str([1, [2, (3, 4.5)], "s", None, True]), repr(("a",)), [1, 2, 3][-1], "x" * 0)

fruits = {"banana", "apple", "cherry", "date", "elderberry", "fig", "grape"}
print(fruits)
print(set("mississippi"), set("hello world"), frozenset(["x", "y", "z"]))
words = "the quick brown fox jumps over the lazy dog".split()
print(set(words), {w[0] for w in words}, set(words) - {"the"}, set(words) & {"fox", "cat", "dog"})
print({("a", 1), ("b", 2)}, {"é", "中", "😀", "a"}, {b"x", b"yz"}, hash("abc"), hash(("a", "b")))
s = set()
for w in words:
    s.add(w.upper())
print(s, sorted(s), s.pop(), len(s))
print({1, "a", 2.5, (1, "b")})

from collections import defaultdict
def group_anagrams(words):
    g = defaultdict(list)
    for w in words:
        g["".join(sorted(w))].append(w)
    return sorted(sorted(v) for v in g.values())
print(group_anagrams(["eat", "tea", "tan", "ate", "nat", "bat"]))

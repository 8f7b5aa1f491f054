#=== dijkstra
import heapq
from collections import defaultdict
def dijkstra(edges, src):
    g = defaultdict(list)
    for u, v, w in edges:
        g[u].append((v, w))
        g[v].append((u, w))
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in g[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dict(sorted(dist.items()))
print(dijkstra([("a", "b", 4), ("a", "c", 1), ("c", "b", 2), ("b", "d", 5), ("c", "d", 8)], "a"))
print(dijkstra([(1, 2, 7), (2, 3, 1), (1, 3, 9)], 1))
#=== bfs_grid
from collections import deque
def shortest(grid):
    rows, cols = len(grid), len(grid[0])
    q = deque([(0, 0, 0)])
    seen = {(0, 0)}
    while q:
        r, c, d = q.popleft()
        if (r, c) == (rows - 1, cols - 1):
            return d
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == "." and (nr, nc) not in seen:
                seen.add((nr, nc))
                q.append((nr, nc, d + 1))
    return -1
print(shortest(["..#", "#..", "..."]), shortest([".#", "#."]))
#=== word_stats
import re
from collections import Counter
text = "It was the best of times, it was the worst of times; it was the age of wisdom."
words = re.findall(r"[a-z']+", text.lower())
freq = Counter(words)
print(freq.most_common(4))
print(sorted(set(words), key=lambda w: (-freq[w], w))[:5])
print(re.sub(r"\b(\w)(\w*)", lambda m: m.group(1).upper() + m.group(2), "hello big world"))
print(" ".join(w.capitalize() for w in re.split(r"[\s,;.]+", text) if w)[:40])
#=== memo_and_combinatorics
from functools import lru_cache
from itertools import combinations, permutations, accumulate, groupby
import math
@lru_cache(maxsize=None)
def ways(n, coins):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])
print(ways(100, (1, 5, 10, 25, 50)), ways.cache_info().currsize > 0)
print([c for c in combinations(range(5), 3) if sum(c) == 6], len(list(permutations("abcd", 2))))
print(list(accumulate([3, 1, 4, 1, 5], max)), [(k, len(list(g))) for k, g in groupby(sorted("aabcccb"))])
print(math.comb(10, 3), math.factorial(10) // (math.factorial(3) * math.factorial(7)), math.gcd(*[12, 18, 24]))
#=== dataclass_inventory
from dataclasses import dataclass, field
from typing import List, Dict, Optional
import json
@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: List[str] = field(default_factory=list)
    def total(self) -> float:
        return round(self.price * self.qty, 2)
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
items = [Item("pen", 1.25, 4), Item("book", 12.5, tags=["paper"]), Item("cup", 3.0, 2)]
print(items[1], sum(i.total() for i in items), max(items, key=lambda i: i.total()).name)
print(json.dumps([i.__dict__ for i in items], sort_keys=True))
print(sorted([Version(1, 2), Version(1), Version(0, 9)]), Version(2) > Version(1, 9))
def find(name: str) -> Optional[Item]:
    for i in items:
        if i.name == name:
            return i
    return None
print(find("cup"), find("ink"))

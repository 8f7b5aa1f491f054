import heapq
graph = {"a": [("b", 1), ("c", 4)], "b": [("c", 2), ("d", 5)], "c": [("d", 1)], "d": []}
dist = {"a": 0}
pq = [(0, "a")]
while pq:
    d, n = heapq.heappop(pq)
    if d > dist.get(n, float("inf")):
        continue
    for m, w in graph[n]:
        nd = d + w
        if nd < dist.get(m, float("inf")):
            dist[m] = nd
            heapq.heappush(pq, (nd, m))
print(sorted(dist.items()))

import heapq
pq = []
heapq.heappush(pq, (2, "b"))
heapq.heappush(pq, (1, "z"))
heapq.heappush(pq, (1, "a"))
print([heapq.heappop(pq) for _ in range(3)])
print(heapq.heappushpop([1, 5], 3), heapq.nlargest(2, ["aa", "b", "ccc"], key=len))

import heapq
h = []
for v in [5, 1, 4, 2]:
    heapq.heappush(h, v)
print(heapq.heappop(h), heapq.heappop(h), h[0])
data = [9, 3, 7, 1]
heapq.heapify(data)
print(data[0], heapq.nsmallest(2, [5, 1, 4]), heapq.nlargest(2, [5, 1, 4]))

#=== heap_ops
import heapq
h = []
for x in [5, 3, 8, 1, 9, 2]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 6]
heapq.heapify(data)
print(data)
print(heapq.heappushpop(data, 0), heapq.heappushpop(data, 5), data)
print(heapq.heapreplace(data, 10), data)
#=== tuples
import heapq
h = []
heapq.heappush(h, (2, "b"))
heapq.heappush(h, (1, "z"))
heapq.heappush(h, (1, "a"))
print(heapq.heappop(h), heapq.heappop(h), h)
#=== n_ops
import heapq
nums = [5, 1, 8, 3, 9, 2, 8]
print(heapq.nlargest(3, nums), heapq.nsmallest(3, nums), heapq.nlargest(0, nums), heapq.nsmallest(10, nums))
words = ["apple", "fig", "banana", "kiwi", "cherry"]
print(heapq.nlargest(2, words, key=len), heapq.nsmallest(2, words, key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])))
print(list(heapq.merge([5, 3], [4, 1], reverse=True)), list(heapq.merge(["a", "ccc"], ["bb"], key=len)))
#=== heap_objects
import heapq
class Task:
    def __init__(self, p, name):
        self.p = p
        self.name = name
    def __lt__(self, other):
        return self.p < other.p
h = []
for p, n in [(3, "c"), (1, "a"), (2, "b")]:
    heapq.heappush(h, Task(p, n))
print([heapq.heappop(h).name for _ in range(3)])
#=== max_heap_helpers
import heapq
h = [3, 1, 4, 1, 5, 9, 2, 6]
heapq._heapify_max(h)
print(h[0], heapq._heappop_max(h), heapq._heappop_max(h), h[0])
print(heapq._heapreplace_max(h, 0), h[0])
#=== merge_lazy
import heapq, itertools
evens = itertools.count(0, 2)
odds = itertools.count(1, 2)
print(list(itertools.islice(heapq.merge(evens, odds), 7)), list(heapq.merge([], [1], [])))

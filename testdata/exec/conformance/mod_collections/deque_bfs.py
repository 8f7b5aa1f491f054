from collections import deque
graph = {1: [2, 3], 2: [4], 3: [4], 4: []}
seen = {1}
q = deque([1])
order = []
while q:
    n = q.popleft()
    order.append(n)
    for m in graph[n]:
        if m not in seen:
            seen.add(m)
            q.append(m)
print(order)

grid = {}
for i in range(2):
    for j in range(2):
        grid[(i, j)] = i + j
print(grid, grid[1, 1])
counts = {}
for n in [3, 1, 3, 2, 3]:
    counts[n] = counts.get(n, 0) + 1
print(counts, max(counts, key=counts.get))

print(sum(range(5), 0.5), sum([0.1] * 10))

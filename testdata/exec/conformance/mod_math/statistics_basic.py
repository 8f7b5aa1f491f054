import statistics
d = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(d), statistics.median(d), statistics.mode(d), statistics.pstdev(d), round(statistics.stdev(d), 6))
print(statistics.median([1, 3, 2, 4]), statistics.variance([1, 2, 3, 4]), statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]))

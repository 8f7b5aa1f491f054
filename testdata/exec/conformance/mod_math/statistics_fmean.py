import statistics
print(statistics.fmean([1, 2, 3.5]), statistics.mean([1.5, 2.5]), statistics.multimode("aabbc"))

import collections
def remove_duplicates(numbers):
    c = collections.Counter(numbers)
    return [n for n in numbers if c[n] <= 1]
print(remove_duplicates([1, 2, 3, 2, 4]))

def mad(numbers):
    mean = sum(numbers) / len(numbers)
    return sum(abs(x - mean) for x in numbers) / len(numbers)
print(mad([1.0, 2.0, 3.0, 4.0]))

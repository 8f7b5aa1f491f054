def intersperse(numbers, delimeter):
    if not numbers:
        return []
    result = []
    for n in numbers[:-1]:
        result.append(n)
        result.append(delimeter)
    result.append(numbers[-1])
    return result
print(intersperse([1, 2, 3], 4), intersperse([], 7))

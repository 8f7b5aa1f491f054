def sum_product(numbers):
    s, p = 0, 1
    for n in numbers:
        s += n
        p *= n
    return s, p
print(sum_product([]), sum_product([1, 2, 3, 4]))

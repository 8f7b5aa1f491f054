def candidate(a, b):
    return a * b + 1
def check(candidate):
    assert candidate(2, 3) == 7
    assert candidate(0, 5) == 1
    assert candidate(-1, 1) == 0
check(candidate)
print("all tests passed")

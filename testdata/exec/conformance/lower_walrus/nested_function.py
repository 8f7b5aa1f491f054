def outer():
    count = 0
    def bump():
        nonlocal count
        (count := count + 1)
        return count
    bump()
    bump()
    return count
print(outer())

# expect: limit output
print('x' * 10**6)

# expect: limit output
print('x' * 10**7)

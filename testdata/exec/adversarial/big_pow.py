# expect: limit time
x = 7 ** 10**9

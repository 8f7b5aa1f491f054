# expect: violation builtin
print(*open('CANARY'))

# expect: violation builtin
print(list(map(eval, ['2*2'])))

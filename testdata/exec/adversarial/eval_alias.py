# expect: violation builtin
e = eval
print(e('1+1'))

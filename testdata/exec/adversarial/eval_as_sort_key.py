# expect: violation builtin
print(sorted(['1+1'], key=eval))

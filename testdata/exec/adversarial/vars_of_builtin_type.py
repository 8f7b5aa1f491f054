# expect: violation builtin
# A built-in type's dict holds the method tables every run shares.
table = vars(int)
print(table)

# expect: violation builtin
# CPython reads ｅｖａｌ as eval (NFKC); so does the sandbox, which refuses it.
print(ｅｖａｌ('1+1'))

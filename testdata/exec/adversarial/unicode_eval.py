# expect: error|violation
print(ｅｖａｌ('1+1'))

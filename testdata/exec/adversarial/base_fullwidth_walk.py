# expect: violation attribute
# An NFKC look-alike spelling is the same attribute to the guard.
root = ().__class__.__base__
print(root.__ｓｕｂｃｌａｓｓｅｓ__())

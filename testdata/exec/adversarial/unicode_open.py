# expect: error|violation
print(ｏｐｅｎ('CANARY').read())

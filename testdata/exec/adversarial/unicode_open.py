# expect: violation builtin
# ｏｐｅｎ is open after NFKC, and open is refused without a virtual file system.
print(ｏｐｅｎ('CANARY').read())

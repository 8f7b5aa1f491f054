# expect: violation attribute
import collections
print(collections.__builtins__)

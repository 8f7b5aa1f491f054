# expect: violation import
import builtins
print(builtins.open('CANARY').read())

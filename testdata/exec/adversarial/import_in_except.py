# expect: violation import
try:
    import os
except BaseException:
    pass
print('after')

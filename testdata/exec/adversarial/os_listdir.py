# expect: violation import
import os
print(os.listdir('/'))

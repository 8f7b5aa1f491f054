# expect: violation attribute
import math
print(math.__loader__)

# expect: violation attribute
import math
print(math.__dict__)

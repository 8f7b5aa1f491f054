x = 1
y = x + 1
import os
print("never")

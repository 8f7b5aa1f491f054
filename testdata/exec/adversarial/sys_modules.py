# expect: violation import
import sys
print(sys.modules['os'])

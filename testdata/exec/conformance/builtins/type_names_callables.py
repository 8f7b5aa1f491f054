class K:
    def m(self):
        return 1
print(type(print).__name__, repr(len), type(len), type(K().m).__name__, type(lambda: 0).__name__, repr(type(lambda: 0)), type(abs) == type(len))
import math
print(type(math.sqrt).__name__, type(math).__name__, callable(print))

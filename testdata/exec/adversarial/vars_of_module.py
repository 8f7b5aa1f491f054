# expect: violation builtin
# A module's __dict__ is its globals; vars() must not reach it.
import math
ns = vars(math)
print(ns["__builtins__"])

# expect: violation builtin
import math as __stelp_attr__

import math
import sys  # expect: SP301

x = ().__class__.__bases__[0].__subclasses__()  # expect: SP201, SP214
g = f.__globals__["os"]  # expect: SP201
c = (lambda: 0).__code__  # expect: SP201
getattr(f, "__glob" + "als__")  # expect: SP201
"{0.__class__.__mro__}".format(x)  # expect: SP203
"{.__init__.__globals__[os]}".format(x)  # expect: SP203
template = "{0.__class__}"
template.format(x)  # expect: SP203
frame = sys._getframe(1)  # expect: SP202
frame.f_back.f_globals  # expect: SP202
getattr(obj, attr_name)  # expect: SP204
setattr(math, "sqrt", None)  # expect: SP205
math.pi = 3  # expect: SP205
globals()  # expect: SP206
globals()["__builtins__"]  # expect: SP206, SP207
__builtins__.open  # expect: SP207
locals().__dict__["__builtins__"]["eval"]("1")  # expect: SP101, SP206, SP207
obj.__class__ = int  # expect: SP209
n = 3 - str(4)  # expect: SP210
m = "0" + 1  # expect: SP210
k = len("ab") < "c"  # expect: SP210
q = "total: " + str(5)
r = 5 * "ab"
fmt = "%d items" % 3
getattr(obj, "name")  # expect: SP212
type(obj).__name__
obj.__dict__
"{0} and {1}".format(a, b)
"{name.upper}".format(name=s)
none_sum = None + 1  # expect: SP210
merged = [1] + "a"  # expect: SP210
count = len(5)  # expect: SP210
bad = int("abc")  # expect: SP210
fine = int("12") + float(" 3.5 ") + int("ff", 16)
lists = [1] + [2]


def confused(b):
    depth = 0
    depth -= int(b)
    if depth == str(depth):  # expect: SP210
        return depth + "x"  # expect: SP210
    word = "a"
    word += "b"
    return word == "ab"
setattr(obj, "__class__", int)  # expect: SP209
object.__setattr__(obj, "__class__", int)  # expect: SP209
obj.__setattr__("__class__", int)  # expect: SP209
__stelp_tick__ = lambda *a: None  # expect: SP211
__stelp_walrus__(f, 1)  # expect: SP211
x.__stelp_iter__  # expect: SP211
getattr(__builtins__, "__stelp_" + "tick__")  # expect: SP207, SP211
g["__stelp_trace__"]  # expect: SP211
__ｓｔｅｌｐ_tick__()  # expect: SP211
stelp_tick = 1
getattr(user, "email")  # expect: SP212
getattr(user, "email", None)
getattr(user, "class")
getattr(user, "two words")
getattr(a + b, "real")  # expect: SP212
# An always-raising operation inside a try that handles its exception is a
# deliberate, handled error; a handler for another exception, or code in the
# handler itself, is still flagged, and "always False" comparisons are not
# errors a handler could catch.
try:
    handled = int("x")
except ValueError:
    handled = 0
try:
    handled_tuple = "a" + 1
except (KeyError, builtins.TypeError):
    handled_tuple = None
try:
    handled_broad = len(5)
except Exception as err:
    handled_broad = err
try:
    wrong_handler = "a" + 1  # expect: SP210
except ValueError:
    pass
try:
    pass
except TypeError:
    in_handler = "a" + 1  # expect: SP210
try:
    never_equal = 3 == "3"  # expect: SP210
except Exception:
    pass
def nested_scope():
    try:
        def inner():
            return "a" + 1  # expect: SP210
    except TypeError:
        pass
arabic_indic = int("٣٤") + float("١.٥")  # digits of other scripts are numbers too
# Class-hierarchy reads warn (SP214); the escape's next step is SP201.
names = [k.__name__ for k in Shape.__mro__]  # expect: SP214
base = type(obj).__base__  # expect: SP214
getattr(Shape, "__m" + "ro__")  # expect: SP214
Shape.__ｂａｓｅｓ__  # expect: SP214
().__class__.__mro__[-1].__subclasses__()  # expect: SP201, SP214
issubclass(Shape, Base)

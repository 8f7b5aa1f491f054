import builtins as b  # expect: SP301
import base64  # expect: SP302
from importlib import import_module as im  # expect: SP301

f = b.__dict__.get("ev" + "al")
f("1")  # expect: SP101
g = vars(b)["exec"]  # expect: SP206
g("x=1")  # expect: SP102
k = "lave"[::-1]
getattr(b, k)("2")  # expect: SP101
getattr(b, "%s%s" % ("ev", "al"))("3")  # expect: SP101
getattr(b, "{}{}".format("ex", "ec"))("4")  # expect: SP102
getattr(b, bytes([101, 118, 97, 108]).decode())("5")  # expect: SP101
getattr(b, base64.b64decode("ZXZhbA==").decode())("6")  # expect: SP101
getattr(b, f"{'ev'}al")("7")  # expect: SP101
getattr(b, "EVAL".lower())("8")  # expect: SP101
(lambda: 0).__globals__["__builtins__"]  # expect: SP201, SP207
e = eval if flag else len
e("9")  # expect: SP101
sorted(xs, key=eval)  # expect: SP101
im("os").system("ls")  # expect: SP105, SP401
c = __import__
c("subprocess").run(["id"])  # expect: SP104, SP402
ｅｘｅｃ("10")  # expect: SP102
o = __import__("o" + "s")  # expect: SP104
o.system("id")  # expect: SP401
getattr(b, "".join(map(chr, [101, 118, 97, 108])))("11")  # expect: SP101
table = {"run": eval, "n": len}
table["run"]("12")  # expect: SP101
table["n"]("13")


class Runner:
    go = exec


Runner.go("14")  # expect: SP102

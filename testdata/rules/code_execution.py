import ast  # expect: SP302
import builtins  # expect: SP301
import importlib  # expect: SP301
from builtins import eval as ev  # expect: SP301

x = eval("1+1")  # expect: SP101
run = eval
run("2")  # expect: SP101
ev("3")  # expect: SP101
getattr(__builtins__, "ev" + "al")("4")  # expect: SP101, SP207
getattr(builtins, "".join(["e", "v", "a", "l"]))("5")  # expect: SP101
builtins.__dict__["lave"[::-1]]("6")  # expect: SP101
ｅｖａｌ("7")  # expect: SP101
exec("y = 1")  # expect: SP102
compile("1", "<s>", "eval")  # expect: SP103
__import__("os").system("ls")  # expect: SP104, SP401
importlib.import_module("subprocess")  # expect: SP105
list(map(eval, ["1", "2"]))  # expect: SP101
name = "ex" + "ec"
getattr(builtins, name)("z = 2")  # expect: SP102
s = input()
eval(s)  # expect: SP101
f"{eval('1')}"  # expect: SP101
e = chr(101) + chr(118) + "al"
getattr(builtins, e)("8")  # expect: SP101

# look-alikes stay clean
ast.literal_eval("[1, 2]")
import re
re.compile(r"\d+")


class Model:
    def eval(self):
        return self

    def exec(self, q):
        return q


m = Model()
m.eval()
m.exec("x")
text = "eval(x) and exec(y) in a string"
# eval(x) in a comment
breakpoint()  # expect: SP106

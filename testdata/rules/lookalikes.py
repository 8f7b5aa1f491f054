# Nothing in this file may be flagged: look-alikes of unsafe constructs.
import ast  # expect: SP302 (ast is not on the default allowlist: the policy decides)
import re
import math
from typing import List

ast.literal_eval("[1, 2, 3]")
pattern = re.compile(r"\d+")


class Model:
    def eval(self):
        return self

    def exec(self, query):
        return query

    def compile(self):
        return 1

    def open(self):
        return self.eval()


def exec(query):
    return query


model = Model()
model.eval()
model.compile()
model.open()
exec("not the builtin: a user function shadows it")
text = "eval(x); os.system('rm -rf /'); __import__('os')"
doc = """
while True:
    pass
"""
# eval(input()) in a comment never counts
values = [0] * 10
zeros = [0] * (10**3)
n = 2**64
for i in range(1000):
    pass


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def walk(tree):
    return [walk(child) for child in tree]


def loop(xs: List[int]) -> int:
    i = 0
    while i < len(xs):
        i += 1
    while True:
        if i > 10:
            return i
        i += 1


def digest(s):
    return "%s-%d" % (s, len(s))


print(type(model).__name__, math.pi)
print("__builtins__ is a name in CPython")
label = ["__builtins__", "__globals__"]

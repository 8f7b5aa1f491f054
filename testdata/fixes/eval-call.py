# run: the original and the fixed program print the same
def correct_bracketing(brackets):
    depth = 0
    for b in brackets:
        if b == "<":
            depth = eval("depth + 1")  # inlined
        else:
            depth = eval('depth - 1')
        if depth < 0:
            return False
    return eval("depth == 0")


def scaled(n):
    return eval("n * 2") * 3 + eval("  n  ")  # precedence kept with parentheses


print(correct_bracketing("<<>>"), correct_bracketing("><"))
print(scaled(4))
print(eval("[1, 2, 3]"), eval(r"'a\tb'"), eval("'x' if True else 'y'"))
print(len(eval("(1, 2)")))
values = [eval("i * i") for i in range(4)]
print(eval(f"{{1: 2}}[1] + {8}"))  # an f-string whose only interpolation is a constant
print(values)


def user_code(s):
    return eval(s)  # computed: only the unsafe ast.literal_eval fix


def namespaced(s):
    return eval("x + 1", {"x": 1})  # explicit namespace: no fix


def via_alias():
    run = eval
    return run("1 + 1")  # eval only through an alias: the inline is unsafe

# run: the original and the fixed program print the same
exec("total = 0")
exec("""
for i in range(5):
    total += i
""")
print(total)


def report(values):
    exec("print('values:', values)")  # reads only: same inside a function
    exec('values.append(len(values))')
    return values


def assign_in_function(n):
    result = None
    exec("result = n % 3")  # unsafe: the assignment now takes effect
    return result


def log_of(j):
    exec("import math; print(round(math.log(j), 3))")  # binds math, which nothing else reads


def by_name(n):
    exec("r = n * 2")  # unsafe: locals() sees the binding either way, but written out it is a real local
    return locals().get("r")


counter = 0


def bump():
    exec("counter += 1")  # no fix: written out, counter would be an unbound local (SP213)


print(report([1, 2]))
log_of(8)


def computed(code):
    exec(code)  # computed code: no fix

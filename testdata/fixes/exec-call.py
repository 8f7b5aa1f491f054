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


print(report([1, 2]))


def computed(code):
    exec(code)  # computed code: no fix

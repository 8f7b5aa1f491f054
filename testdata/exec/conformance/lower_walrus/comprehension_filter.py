def f(x):
    return x * x - 10
def run(data):
    return [y for x in data if (y := f(x)) > 0]
print(run(range(6)))

def make_adder(n):
    def add(x):
        return x + n
    return add
print(make_adder(3)(4), make_adder(10)(1))

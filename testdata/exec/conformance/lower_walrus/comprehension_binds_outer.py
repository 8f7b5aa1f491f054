def run(data):
    found = [y := x * 2 for x in data]
    return found, y
print(run([1, 2, 3]))

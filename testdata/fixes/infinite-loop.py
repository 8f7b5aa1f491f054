# run: the original and the fixed program print the same
def take(items, n):
    out = []
    it = iter(items)
    while True:
        out.append(next_or_stop(it, out, n))


def next_or_stop(it, out, n):
    if len(out) >= n:
        raise ValueError("have " + str(len(out)))
    return next(it)


def spin():
    count = 0
    while 1:  # nested loops keep their own indentation
        count += 1
        while True: count += 1


try:
    take([1, 2, 3, 4], 2)
except ValueError as e:
    print("stopped:", e)

# run: the original and the fixed program print the same
def parse(s):
    while True:
        try:
            return int(s)
        except Exception:
            pass


print(parse("42") + 1)

# expect: limit steps
# A generator that answers close() (GeneratorExit at its yield) with an
# endless loop is still under the step budget, and so is one that catches
# every exception around the loop.
def g():
    try:
        yield 1
    except BaseException:
        while True:
            try:
                pass
            except BaseException:
                pass

it = g()
next(it)
it.close()
print("unreachable")

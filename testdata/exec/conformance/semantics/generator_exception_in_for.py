def gen():
    yield 1
    raise RuntimeError("boom")
try:
    for x in gen():
        print("got", x)
except RuntimeError as e:
    print("caught", e)

def validate(x):
    if not isinstance(x, int):
        raise TypeError("expected int, got %s" % type(x).__name__)
    if x < 0:
        raise ValueError("negative: %d" % x)
    return x
for v in [1, -1, "a", 2.5]:
    try:
        print("ok", validate(v))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
    finally:
        print("checked", repr(v))
def parse(s):
    try:
        return int(s)
    except ValueError:
        return None
print([parse(s) for s in ["1", "x", "3", ""]])
class Retry(Exception):
    pass
attempts = 0
while True:
    try:
        attempts += 1
        if attempts < 3:
            raise Retry("attempt %d" % attempts)
        break
    except Retry as e:
        print("retry", e)
print("done after", attempts)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
try:
    raise KeyError("missing")
except LookupError as e:
    print(repr(e), e.args)
def risky():
    return [][0]
try:
    risky()
except IndexError as e:
    print("IndexError:", e)
try:
    None.foo
except AttributeError as e:
    print("AttributeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    int("12a")
except ValueError as e:
    print("ValueError:", e)
try:
    undefined_name
except NameError as e:
    print("NameError:", e)
try:
    [1, 2].index(3)
except ValueError as e:
    print("ValueError:", e)
try:
    {"a": 1}["b"]
except KeyError as e:
    print("KeyError:", e)
try:
    (1, 2)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    x = 1 + None
except TypeError as e:
    print("TypeError:", e)
try:
    "abc"[10]
except IndexError as e:
    print("IndexError:", e)
try:
    import nonexistent_mod
except ImportError as e:
    print("ImportError")

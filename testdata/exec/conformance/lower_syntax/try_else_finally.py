def f(x):
    try:
        r = 10 // x
    except ZeroDivisionError as e:
        return "err " + str(e)
    else:
        return "ok " + str(r)
    finally:
        print("finally", x)
print(f(2))
print(f(0))

import itertools
import time  # expect: SP302
import sys  # expect: SP301


def spin():
    while True:  # expect: SP801
        pass


def stuck(ready):
    while not ready:  # expect: SP802
        pass
    done = False
    while not done:  # expect: SP801
        pass


def counted(n):
    i = 0
    while i < n:
        i += 1
    while True:
        if i > 3:
            break
        i += 1
    while 1 == 1:  # expect: SP801
        i += 1
        if i == i:
            i -= 1
        else:
            break


def gen():
    while True:
        yield 1


def endless():
    for i in itertools.count():  # expect: SP803
        print(i)
    for x in iter(int, 1):  # expect: SP803
        pass
    items = [1]
    for x in items:
        items.append(x)  # expect: SP803


def f(n):
    return n + f(n - 1)  # expect: SP804


def g(n):
    if n <= 0:
        return 0
    return g(n - 1)


def modp(n, p):
    if n > 1000:
        modp(n, p)  # expect: SP805
    return 1


h = lambda n: h(n - 1)  # expect: SP804
big = [0] * 10**9  # expect: SP806
big2 = [1] * int(1e20)  # expect: SP806
s = "a" * (10**10)  # expect: SP806
b = bytearray(10**10)  # expect: SP806
grid = [[0] * 10**4 for _ in range(10**4)]  # expect: SP806
x = 7**10**9  # expect: SP807
ok = 2**100
for _ in range(10**8):  # expect: SP808
    pass
total = sum(range(10**9))  # expect: SP808
for i in range(100):
    pass
time.sleep(3600)  # expect: SP810
time.sleep(0.1)
sys.setrecursionlimit(10**6)  # expect: SP811


def retry(s):
    while True:  # expect: SP812
        try:
            return int(s)
        except Exception:
            pass


def doubling():
    s = "x"
    for _ in range(100):
        s += s  # expect: SP806
import re

re.match(r"(a+)+$", text)  # expect: SP813
re.compile(r"^(\w+\s?)*$")  # expect: SP813
re.match(r"a+$", text)
re.split(r"[.?!]\s*", text)


def either(n):
    return either(n + 1) if n > 0 else either(n - 1)  # expect: SP804


def ping(n):
    return pong(n) + 1  # expect: SP804


def pong(n):
    return ping(n - 1)


def even(n):
    if n == 0:
        return True
    return odd(n - 1)


def odd(n):
    if n == 0:
        return False
    return even(n - 1)


def away(n):
    while n > 0:  # expect: SP802
        n += 1
    while n < 10:
        n += 1
    while n >= 0:
        n -= 2


def scaled(n):
    buf = [0] * (n * 10**8)  # expect: SP806
    for _ in range(n * 10**7):  # expect: SP808
        pass
    small = [0] * (n * 2)
    return buf, small
queue = [(0, "start")]
while queue:
    item = heapq.heappop(queue)
while [0]:  # expect: SP801
    pass


# SP814: an always-true loop that leaves on every path never repeats.
def palindrome_once(text):
    while True:  # expect: SP814
        for i in range(len(text)):
            if text[i] != text[-1 - i]:
                return False
        return True


def same_once(a, b):
    while 1:  # expect: SP814
        if set(a) == set(b):
            return True
        elif not a:
            raise ValueError("empty")
        else:
            return False


def handled_once(f):
    while True:  # expect: SP814
        try:
            return f()
        except ValueError:
            break
        finally:
            pass


def retries(f):
    while True:
        try:
            return f()
        except ValueError:
            pass  # a retry loop: the handler repeats it


def skips(items):
    while True:
        if not items:
            continue
        return items.pop()


def conditional_exit(q):
    while True:
        if q:
            return q.pop()
        q.append(1)


def nested_break(rows):
    while True:  # expect: SP814
        for r in rows:
            break  # leaves the for loop only
        return rows

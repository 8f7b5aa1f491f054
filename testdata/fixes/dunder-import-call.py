# run: the original and the fixed program print the same
"""Uses math through __import__."""


def hypot(a, b):
    return __import__('math').sqrt(a * a + b * b)


def gcd(a, b):
    m = __import__("math")
    return m.gcd(a, b)


def shell():
    return __import__('os').system('ls')  # os is not on the allowlist: no fix


print(hypot(3, 4), gcd(12, 18))

# run: the original and the fixed program print the same properties (the values are random by nature)
import random
import string


def make_token(n):
    token = ''.join(random.choice(string.ascii_letters) for _ in range(n))
    return token


def make_password():
    password = str(random.randint(100000, 999999))
    return password


for n in (0, 1, 16, 40):
    t = make_token(n)
    print(n, type(t).__name__, len(t), all(c in string.ascii_letters for c in t))
ps = [make_password() for _ in range(200)]
print(all(len(p) == 6 and p.isdigit() and 100000 <= int(p) <= 999999 for p in ps))
print(len(set(ps)) > 150, len(set(make_token(16) for _ in range(20))) == 20)

import random
import string


def make_token(n):
    token = ''.join(random.choice(string.ascii_letters) for _ in range(n))
    return token


def make_password():
    password = str(random.randint(100000, 999999))
    return password

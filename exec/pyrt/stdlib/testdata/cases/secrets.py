#=== tokens
import secrets
import random
import string

# Outputs are random by nature: these cases print properties (types,
# lengths, alphabets, ranges, errors), never the values themselves.
def check(name, cond):
    print(name, 'ok' if cond else 'FAILED')

def raises(name, f, *args):
    try:
        f(*args)
    except Exception as e:
        print(name, type(e).__name__, e)
    else:
        print(name, 'no exception')

b = secrets.token_bytes()
check('token_bytes() is 32 bytes', type(b) is bytes and len(b) == 32)
check('token_bytes(5)', len(secrets.token_bytes(5)) == 5 and secrets.token_bytes(0) == b'')
h = secrets.token_hex(16)
check('token_hex(16)', len(h) == 32 and all(c in '0123456789abcdef' for c in h))
check('token_hex()', len(secrets.token_hex()) == 64)
u = secrets.token_urlsafe(16)
alphabet = string.ascii_letters + string.digits + '-_'
check('token_urlsafe(16)', len(u) == 22 and all(c in alphabet for c in u))
check('token_urlsafe()', len(secrets.token_urlsafe()) == 43)
check('tokens differ', secrets.token_hex(16) != secrets.token_hex(16))
random.seed(1)
t1 = secrets.token_hex(8)
random.seed(1)
check('random.seed does not repeat secrets', secrets.token_hex(8) != t1)
#=== numbers
import secrets
import random
import string

# Outputs are random by nature: these cases print properties (types,
# lengths, alphabets, ranges, errors), never the values themselves.
def check(name, cond):
    print(name, 'ok' if cond else 'FAILED')

def raises(name, f, *args):
    try:
        f(*args)
    except Exception as e:
        print(name, type(e).__name__, e)
    else:
        print(name, 'no exception')

draws = [secrets.randbelow(10) for _ in range(2000)]
check('randbelow(10) covers range(10) exactly', sorted(set(draws)) == list(range(10)))
check('randbits(8)', all(0 <= secrets.randbits(8) < 256 for _ in range(200)) and secrets.randbits(0) == 0)
big = [secrets.randbits(200) for _ in range(64)]
check('randbits(200) is big', all(0 <= x < 2 ** 200 for x in big) and any(x >= 2 ** 199 for x in big))
check('choice', all(secrets.choice('abc') in 'abc' for _ in range(50)) and secrets.choice([7]) == 7)
check('DEFAULT_ENTROPY', secrets.DEFAULT_ENTROPY == 32)
#=== compare_digest
import secrets
import random
import string

# Outputs are random by nature: these cases print properties (types,
# lengths, alphabets, ranges, errors), never the values themselves.
def check(name, cond):
    print(name, 'ok' if cond else 'FAILED')

def raises(name, f, *args):
    try:
        f(*args)
    except Exception as e:
        print(name, type(e).__name__, e)
    else:
        print(name, 'no exception')

check('compare_digest', secrets.compare_digest('abc', 'abc') and not secrets.compare_digest('abc', 'abd')
      and secrets.compare_digest(b'ab', b'ab') and not secrets.compare_digest(b'ab', b'abc'))
raises('compare_digest(str, bytes)', secrets.compare_digest, 'a', b'a')
raises('compare_digest(bytes, int)', secrets.compare_digest, b'a', 1)
raises('compare_digest(int, int)', secrets.compare_digest, 1, 1)
raises('compare_digest(non-ascii)', secrets.compare_digest, 'é', 'é')
#=== errors
import secrets
import random
import string

# Outputs are random by nature: these cases print properties (types,
# lengths, alphabets, ranges, errors), never the values themselves.
def check(name, cond):
    print(name, 'ok' if cond else 'FAILED')

def raises(name, f, *args):
    try:
        f(*args)
    except Exception as e:
        print(name, type(e).__name__, e)
    else:
        print(name, 'no exception')

raises('choice([])', secrets.choice, [])
raises('randbelow(0)', secrets.randbelow, 0)
raises('randbelow(-3)', secrets.randbelow, -3)
raises('randbits(-1)', secrets.randbits, -1)
raises('token_bytes(-1)', secrets.token_bytes, -1)
#=== SystemRandom
import secrets
import random
import string

# Outputs are random by nature: these cases print properties (types,
# lengths, alphabets, ranges, errors), never the values themselves.
def check(name, cond):
    print(name, 'ok' if cond else 'FAILED')

def raises(name, f, *args):
    try:
        f(*args)
    except Exception as e:
        print(name, type(e).__name__, e)
    else:
        print(name, 'no exception')

sr = secrets.SystemRandom()
faces = [sr.randint(1, 6) for _ in range(600)]
check('SystemRandom.randint(1, 6)', sorted(set(faces)) == [1, 2, 3, 4, 5, 6])
check('SystemRandom.random', all(0.0 <= sr.random() < 1.0 for _ in range(100)))
xs = list(range(20))
sr.shuffle(xs)
check('SystemRandom.shuffle is a permutation', sorted(xs) == list(range(20)))
s = sr.sample(range(10), 4)
check('SystemRandom.sample', len(s) == 4 and len(set(s)) == 4 and all(0 <= x < 10 for x in s))
check('SystemRandom.sample counts', sorted(sr.sample(['a', 'b'], 3, counts=[2, 1])) == ['a', 'a', 'b'])
c = sr.choices('ab', k=5)
check('SystemRandom.choices', len(c) == 5 and all(x in 'ab' for x in c))
check('SystemRandom.choices weights', sr.choices('ab', [0, 1], k=20) == ['b'] * 20)
check('SystemRandom.choices cum_weights', sr.choices('abc', cum_weights=[0, 0, 1], k=5) == ['c'] * 5)
check('SystemRandom.uniform', all(2.0 <= sr.uniform(2, 3) <= 3.0 for _ in range(100)))
check('SystemRandom.randrange step', all(sr.randrange(0, 10, 2) in (0, 2, 4, 6, 8) for _ in range(100)))
check('SystemRandom.randrange(5)', all(0 <= sr.randrange(5) < 5 for _ in range(100)))
check('SystemRandom.choice', sr.choice([1, 2, 3]) in (1, 2, 3))
check('SystemRandom.getrandbits', 0 <= sr.getrandbits(16) < 65536)
check('SystemRandom.seed is a no-op', sr.seed(1) is None)
raises('SystemRandom.getstate()', sr.getstate)
raises('SystemRandom.randrange(0)', sr.randrange, 0)
raises('SystemRandom.randrange(1, 1)', sr.randrange, 1, 1)
raises('SystemRandom.randrange(0, 10, 0)', sr.randrange, 0, 10, 0)
raises('SystemRandom.sample too large', sr.sample, [1, 2], 3)
raises('SystemRandom.choices both weights', lambda: sr.choices('ab', [1, 1], cum_weights=[1, 2]))

"""Generate cryptographically strong pseudo-random numbers suitable for
managing secrets such as account authentication, tokens, and similar.

token_bytes, token_hex, token_urlsafe, randbits, randbelow, compare_digest
and _random are Go functions drawing from the operating system's CSPRNG
(secrets.go); SystemRandom's methods follow CPython 3.11's random.py over
them.
"""

from bisect import bisect as _bisect

__all__ = ['choice', 'randbelow', 'randbits', 'SystemRandom',
           'token_bytes', 'token_hex', 'token_urlsafe',
           'compare_digest']


def _index(x, what):
    if isinstance(x, float):
        if x != x or x in (float('inf'), float('-inf')) or x != int(x):
            raise ValueError('non-integer %s for randrange()' % what)
        return int(x)
    if not isinstance(x, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__)
    return x


class SystemRandom(object):
    """Alternate random number generator using sources provided by the
    operating system. Not available: seed() has no effect, and
    getstate()/setstate() raise."""

    def random(self):
        return _random()

    def getrandbits(self, k):
        return randbits(k)

    def randbytes(self, n):
        return token_bytes(n)

    def _randbelow(self, n):
        return randbelow(n)

    def seed(self, *args, **kwds):
        return None

    def _notimplemented(self, *args, **kwds):
        raise NotImplementedError('System entropy source does not have state.')

    getstate = setstate = _notimplemented

    def randrange(self, start, stop=None, step=1):
        istart = _index(start, 'arg 1')
        if stop is None:
            if step != 1:
                raise TypeError('Missing a non-None stop argument')
            if istart > 0:
                return randbelow(istart)
            raise ValueError('empty range for randrange()')
        istop = _index(stop, 'stop')
        width = istop - istart
        istep = _index(step, 'step')
        if istep == 1:
            if width > 0:
                return istart + randbelow(width)
            raise ValueError('empty range for randrange() (%d, %d, %d)' % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError('zero step for randrange()')
        if n <= 0:
            raise ValueError('empty range for randrange()')
        return istart + istep * randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[randbelow(len(seq))]

    def shuffle(self, x):
        i = len(x) - 1
        while i > 0:
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]
            i -= 1

    def sample(self, population, k, *, counts=None):
        if isinstance(population, (set, frozenset, dict)):
            raise TypeError('Population must be a sequence.  For dicts or sets, use sorted(d).')
        if counts is not None:
            expanded = []
            counts = list(counts)
            if len(counts) != len(population):
                raise ValueError('The number of counts does not match the population')
            for i in range(len(counts)):
                if not isinstance(counts[i], int):
                    raise TypeError('Counts must be integers')
                if counts[i] < 0:
                    raise ValueError('Counts must be non-negative')
                expanded.extend([population[i]] * counts[i])
            population = expanded
        n = len(population)
        if not 0 <= k <= n:
            raise ValueError('Sample larger than population or is negative')
        pool = list(population)
        result = [None] * k
        for i in range(k):
            j = randbelow(n - i)
            result[i] = pool[j]
            pool[j] = pool[n - i - 1]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        n = len(population)
        result = []
        if cum_weights is None:
            if weights is None:
                for i in range(k):
                    result.append(population[int(_random() * n)])
                return result
            cum_weights = []
            total = 0
            for w in weights:
                total = total + w
                cum_weights.append(total)
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        else:
            cum_weights = list(cum_weights)
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if total != total or total in (float('inf'), float('-inf')):
            raise ValueError('Total of weights must be finite')
        for i in range(k):
            result.append(population[_bisect(cum_weights, _random() * total, 0, n - 1)])
        return result

    def uniform(self, a, b):
        return a + (b - a) * _random()


_sysrand = SystemRandom()
choice = _sysrand.choice

# statistics: the public functions. _exact_mean and _exact_var are the Go
# part of this module (exact rational arithmetic as CPython's Fractions).

from collections import Counter as _Counter
import math as _math


class StatisticsError(ValueError):
    pass


def mean(data):
    return _exact_mean(data)


def fmean(data, weights=None):
    if weights is None:
        data = list(data)
        n = len(data)
        if n == 0:
            raise StatisticsError('fmean requires at least one data point')
        return _math.fsum(data) / n
    data = list(data)
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError('data and weights must be the same length')
    num = _math.fsum([x * w for x, w in zip(data, weights)])
    den = _math.fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    try:
        return _math.exp(fmean([_math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset containing positive numbers')


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def mode(data):
    pairs = _Counter(iter(data)).most_common(1)
    if not pairs:
        raise StatisticsError('no mode for empty data')
    return pairs[0][0]


def multimode(data):
    counts = _Counter(iter(data))
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]


def variance(data, xbar=None):
    return _exact_var(data, xbar, 1, False)


def pvariance(data, mu=None):
    return _exact_var(data, mu, 0, False)


def stdev(data, xbar=None):
    return _exact_var(data, xbar, 1, True)


def pstdev(data, mu=None):
    return _exact_var(data, mu, 0, True)


def quantiles(data, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    result = []
    if method == 'inclusive':
        m = ld - 1
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == 'exclusive':
        m = ld + 1
        for i in range(1, n):
            j = i * m // n
            if j < 1:
                j = 1
            elif j > ld - 1:
                j = ld - 1
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError('Unknown method: ' + repr(method))


def _xy_sums(x, y, name):
    n = len(x)
    if len(y) != n:
        raise StatisticsError(name + ' requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError(name + ' requires at least two data points')
    xbar = _math.fsum(x) / n
    ybar = _math.fsum(y) / n
    sxy = _math.fsum([(xi - xbar) * (yi - ybar) for xi, yi in zip(x, y)])
    return n, xbar, ybar, sxy


def covariance(x, y):
    n, xbar, ybar, sxy = _xy_sums(x, y, 'covariance')
    return sxy / (n - 1)


def correlation(x, y):
    n, xbar, ybar, sxy = _xy_sums(x, y, 'correlation')
    sxx = _math.fsum([(xi - xbar) * (xi - xbar) for xi in x])
    syy = _math.fsum([(yi - ybar) * (yi - ybar) for yi in y])
    try:
        return sxy / _math.sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


def _linreg_type():
    from collections import namedtuple
    return namedtuple('LinearRegression', ('slope', 'intercept'))


LinearRegression = _linreg_type()


def linear_regression(x, y, proportional=False):
    if proportional:
        n = len(x)
        if len(y) != n:
            raise StatisticsError('linear regression requires that both inputs have same number of data points')
        if n < 2:
            raise StatisticsError('linear regression requires at least two data points')
        sxy = _math.fsum([xi * yi for xi, yi in zip(x, y)])
        sxx = _math.fsum([xi * xi for xi in x])
    else:
        n, xbar, ybar, sxy = _xy_sums(x, y, 'linear regression')
        sxx = _math.fsum([(xi - xbar) * (xi - xbar) for xi in x])
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)


def harmonic_mean(data, weights=None):
    data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if n == 1 and weights is None:
        if data[0] < 0:
            raise StatisticsError(errmsg)
        return data[0]
    if weights is None:
        weights = [1] * n
    else:
        weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
    for v in data + weights:
        if v < 0:
            raise StatisticsError(errmsg)
    if 0 in data:
        return 0
    # As CPython: the terms w / x are computed in float arithmetic and then
    # summed exactly; the result is a float.
    from fractions import Fraction
    total = Fraction(0)
    for w, x in zip(weights, data):
        if w:
            total = total + Fraction(w / x)
    if total <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return float(Fraction(sum(weights)) / total)

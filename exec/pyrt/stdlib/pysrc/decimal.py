# decimal: finite decimal floating point with a context (precision and
# rounding), as CPython's decimal for the common uses: construction from
# str/int/float, + - * / // % ** (integer powers), comparisons, quantize,
# rounding modes, str/repr/format. NaN and Infinity are not supported here
# and raise InvalidOperation rather than computing something different.

from fractions import _float_ratio

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'


class DecimalException(ArithmeticError):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class Rounded(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Context(object):
    def __init__(self, prec=28, rounding=ROUND_HALF_EVEN):
        self.prec = prec
        self.rounding = rounding

    def copy(self):
        return Context(self.prec, self.rounding)

    def __repr__(self):
        return ("Context(prec=" + str(self.prec) + ", rounding=" + self.rounding +
                ", Emin=-999999, Emax=999999, capitals=1, clamp=0, flags=[], " +
                "traps=[InvalidOperation, DivisionByZero, Overflow])")


_ctx = [Context()]


def getcontext():
    return _ctx[0]


def setcontext(context):
    _ctx[0] = context


class _LocalContext(object):
    def __init__(self, ctx):
        self.new = ctx

    def __enter__(self):
        self.saved = _ctx[0]
        _ctx[0] = self.new
        return self.new

    def __exit__(self, t, v, tb):
        _ctx[0] = self.saved


def localcontext(ctx=None, **kwargs):
    new = (ctx or getcontext()).copy()
    for k in kwargs:
        setattr(new, k, kwargs[k])
    return _LocalContext(new)


DefaultContext = Context()
BasicContext = Context(9, ROUND_HALF_UP)


def _raise(cls):
    raise cls("[<class 'decimal." + cls.__name__ + "'>]")


def _round_coef(sign, coef, drop, rounding):
    """Drops `drop` trailing digits of coef, rounding by mode; returns the
    new coefficient."""
    if drop <= 0:
        return coef * 10 ** (0 - drop)
    div = 10 ** drop
    q, r = divmod(coef, div)
    if r == 0:
        return q
    half = div // 2 if div % 2 == 0 else None
    twice = r * 2
    if rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = sign == 0
    elif rounding == ROUND_FLOOR:
        up = sign == 1
    elif rounding == ROUND_HALF_UP:
        up = twice >= div
    elif rounding == ROUND_HALF_DOWN:
        up = twice > div
    elif rounding == ROUND_HALF_EVEN:
        up = twice > div or (twice == div and q % 2 == 1)
    elif rounding == ROUND_05UP:
        up = q % 10 in (0, 5)
    else:
        raise ValueError("invalid rounding mode " + repr(rounding))
    return q + 1 if up else q


def _digits(n):
    return len(str(n)) if n else 1


_EMAX = 999999
# Exponents far beyond the context's range would make the exact integer
# arithmetic here huge; CPython handles them lazily, this runtime refuses.
_EXP_LIMIT = 10 ** 7


def _fix(sign, coef, exp, ctx):
    n = _digits(coef)
    if coef and n > ctx.prec:
        drop = n - ctx.prec
        coef = _round_coef(sign, coef, drop, ctx.rounding)
        exp += drop
        if _digits(coef) > ctx.prec:
            coef //= 10
            exp += 1
    if coef and exp + _digits(coef) - 1 > _EMAX:
        _raise(Overflow)
    return Decimal._make(sign, coef, exp)


def _parse(s):
    t = s.strip().replace('_', '')
    sign = 0
    if t[:1] in ('+', '-'):
        if t[0] == '-':
            sign = 1
        t = t[1:]
    exp = 0
    low = t.lower()
    if low in ('nan', 'snan', 'inf', 'infinity'):
        raise InvalidOperation("NaN and Infinity are not supported by this runtime's decimal")
    k = low.find('e')
    if k >= 0:
        e = t[k + 1:]
        t = t[:k]
        if not e or not (e.lstrip('+-').isdigit()) or e.count('-') + e.count('+') > 1:
            _raise(ConversionSyntax)
        exp = int(e)
    intpart, dot, frac = t.partition('.')
    if (intpart and not intpart.isdigit()) or (frac and not frac.isdigit()) or not (intpart or frac) or '.' in frac:
        _raise(ConversionSyntax)
    coef = int((intpart or '') + frac or '0')
    if abs(exp) > _EXP_LIMIT:
        raise InvalidOperation("exponent " + str(exp) + " is out of range for this runtime's decimal")
    return sign, coef, exp - len(frac)


class Decimal(object):
    def __init__(self, value="0", context=None):
        if isinstance(value, Decimal):
            self._sign, self._int, self._exp = value._sign, value._int, value._exp
        elif isinstance(value, bool) or isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._int = abs(int(value))
            self._exp = 0
        elif isinstance(value, float):
            if value != value or value in (float('inf'), float('-inf')):
                raise InvalidOperation("NaN and Infinity are not supported by this runtime's decimal")
            n, d = _float_ratio(value)
            k = d.bit_length() - 1
            self._sign = 1 if (n < 0 or (n == 0 and str(value).startswith('-'))) else 0
            self._int = abs(n) * 5 ** k
            self._exp = 0 - k
        elif isinstance(value, str):
            self._sign, self._int, self._exp = _parse(value)
        elif isinstance(value, tuple):
            sign, digits, exp = value
            self._sign = sign
            self._int = int(''.join([str(d) for d in digits]) or '0')
            self._exp = exp
        else:
            raise TypeError("conversion from " + type(value).__name__ + " to Decimal is not supported")

    def _make(sign, coef, exp):
        d = Decimal.__new__(Decimal)
        d._sign = sign
        d._int = coef
        d._exp = exp
        return d
    _make = staticmethod(_make)

    def from_float(cls, f):
        return cls(f)
    from_float = classmethod(from_float)

    # Conversions

    def __str__(self):
        return self._to_string(False)

    def to_eng_string(self, context=None):
        return self._to_string(True)

    def _to_string(self, eng):
        s = str(self._int)
        leftdigits = self._exp + len(s)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * (0 - dotplace) + s
        elif dotplace >= len(s):
            intpart = s + '0' * (dotplace - len(s))
            fracpart = ''
        else:
            intpart = s[:dotplace]
            fracpart = '.' + s[dotplace:]
        if leftdigits == dotplace:
            e = ''
        else:
            n = leftdigits - dotplace
            e = 'E' + ('+' if n >= 0 else '-') + str(abs(n))
        return ('-' if self._sign else '') + intpart + fracpart + e

    def __repr__(self):
        return "Decimal('" + str(self) + "')"

    def __float__(self):
        return float(str(self))

    def __int__(self):
        if self._exp >= 0:
            v = self._int * 10 ** self._exp
        else:
            v = self._int // 10 ** (0 - self._exp)
        return 0 - v if self._sign else v

    __trunc__ = __int__

    def __bool__(self):
        return self._int != 0

    def as_tuple(self):
        return (self._sign, tuple([int(c) for c in str(self._int)]), self._exp)

    def as_integer_ratio(self):
        if self._exp >= 0:
            n, d = self._int * 10 ** self._exp, 1
        else:
            n, d = self._int, 10 ** (0 - self._exp)
        from math import gcd
        g = gcd(n, d)
        n, d = n // g, d // g
        return (0 - n if self._sign else n, d)

    def adjusted(self):
        return self._exp + _digits(self._int) - 1

    def is_signed(self):
        return self._sign == 1

    def is_zero(self):
        return self._int == 0

    def is_finite(self):
        return True

    def is_nan(self):
        return False

    def is_infinite(self):
        return False

    def copy_abs(self):
        return Decimal._make(0, self._int, self._exp)

    def copy_negate(self):
        return Decimal._make(1 - self._sign, self._int, self._exp)

    # Arithmetic

    def _coerce(self, other):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, bool) or isinstance(other, int):
            return Decimal(other)
        return None

    def __add__(self, other, context=None):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        ctx = context or getcontext()
        exp = min(self._exp, o._exp)
        a = self._int * 10 ** (self._exp - exp)
        b = o._int * 10 ** (o._exp - exp)
        if self._sign:
            a = 0 - a
        if o._sign:
            b = 0 - b
        total = a + b
        if total == 0:
            sign = 1 if (self._sign and o._sign) or (ctx.rounding == ROUND_FLOOR and (self._sign or o._sign) and self._sign != o._sign) else 0
            return _fix(sign, 0, exp, ctx)
        return _fix(1 if total < 0 else 0, abs(total), exp, ctx)

    def __radd__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return o.__add__(self)

    def __sub__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return self.__add__(o.copy_negate())

    def __rsub__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return o.__sub__(self)

    def __mul__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return _fix(self._sign ^ o._sign, self._int * o._int, self._exp + o._exp, getcontext())

    def __rmul__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return o.__mul__(self)

    def __truediv__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        ctx = getcontext()
        sign = self._sign ^ o._sign
        if o._int == 0:
            if self._int == 0:
                _raise(DivisionUndefined)
            _raise(DivisionByZero)
        ideal = self._exp - o._exp
        if self._int == 0:
            return Decimal._make(sign, 0, ideal)
        shift = _digits(o._int) - _digits(self._int) + ctx.prec + 1
        exp = self._exp - o._exp - shift
        if shift >= 0:
            q, r = divmod(self._int * 10 ** shift, o._int)
        else:
            q, r = divmod(self._int, o._int * 10 ** (0 - shift))
        if r:
            if q % 5 == 0:
                q += 1
        else:
            while exp < ideal and q % 10 == 0:
                q //= 10
                exp += 1
        return _fix(sign, q, exp, ctx)

    def __rtruediv__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return o.__truediv__(self)

    def _divmod(self, o):
        if o._int == 0:
            if self._int == 0:
                _raise(DivisionUndefined)
            _raise(DivisionByZero)
        exp = min(self._exp, o._exp)
        a = self._int * 10 ** (self._exp - exp)
        b = o._int * 10 ** (o._exp - exp)
        q, r = divmod(a, b)
        sign = self._sign ^ o._sign
        return Decimal._make(sign, q, 0), _fix(self._sign, r, exp, getcontext())

    def __floordiv__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return self._divmod(o)[0]

    def __rfloordiv__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return o._divmod(self)[0]

    def __mod__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return self._divmod(o)[1]

    def __rmod__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return o._divmod(self)[1]

    def __divmod__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return self._divmod(o)

    def __pow__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        if o._exp < 0 and o._int % 10 ** (0 - o._exp):
            raise InvalidOperation("non-integer powers are not supported by this runtime's decimal")
        n = int(o)
        if abs(n) * _digits(self._int) > 10 ** 6 and self._int > 1:
            raise InvalidOperation("power too large for this runtime's exact decimal arithmetic")
        if n >= 0:
            return _fix(self._sign if n % 2 else 0, self._int ** n, self._exp * n, getcontext())
        return Decimal(1) / _fix(self._sign if n % 2 else 0, self._int ** (0 - n), self._exp * (0 - n), Context(getcontext().prec + 10, getcontext().rounding))

    def __neg__(self):
        if self._int == 0:
            return Decimal._make(0, 0, self._exp)
        return _fix(1 - self._sign, self._int, self._exp, getcontext())

    def __pos__(self):
        return _fix(0 if self._int == 0 else self._sign, self._int, self._exp, getcontext())

    def __abs__(self):
        return _fix(0, self._int, self._exp, getcontext())

    # Rounding

    def quantize(self, exp, rounding=None, context=None):
        if not isinstance(exp, Decimal):
            exp = Decimal(exp)
        ctx = context or getcontext()
        rounding = rounding or ctx.rounding
        coef = _round_coef(self._sign, self._int, exp._exp - self._exp, rounding)
        if _digits(coef) > ctx.prec:
            _raise(InvalidOperation)
        return Decimal._make(self._sign if coef or True else 0, coef, exp._exp)

    def to_integral_value(self, rounding=None, context=None):
        if self._exp >= 0:
            return Decimal(self)
        return self.quantize(Decimal(1), rounding or getcontext().rounding)

    to_integral = to_integral_value

    def normalize(self, context=None):
        if self._int == 0:
            return Decimal._make(self._sign, 0, 0)
        d = _fix(self._sign, self._int, self._exp, context or getcontext())
        coef, exp = d._int, d._exp
        while coef % 10 == 0:
            coef //= 10
            exp += 1
        return Decimal._make(d._sign, coef, exp)

    def scaleb(self, n):
        return Decimal._make(self._sign, self._int, self._exp + int(n))

    def sqrt(self, context=None):
        if self._sign and self._int:
            _raise(InvalidOperation)
        ctx = context or getcontext()
        from math import isqrt
        prec = ctx.prec + 2
        exp = self._exp
        coef = self._int
        if exp % 2:
            coef *= 10
            exp -= 1
        shift = max(0, prec * 2 - _digits(coef))
        if shift % 2:
            shift += 1
        coef *= 10 ** shift
        exp -= shift
        r = isqrt(coef)
        rexp = exp // 2
        if r * r != coef:
            r = r * 10 + 1
            rexp -= 1
        else:
            while r % 10 == 0 and rexp < self._exp // 2:
                r //= 10
                rexp += 1
        return _fix(0, r, rexp, ctx)

    def __round__(self, n=None):
        if n is None:
            return int(self.quantize(Decimal(1), ROUND_HALF_EVEN))
        return self.quantize(Decimal._make(0, 1, 0 - n), ROUND_HALF_EVEN)

    def __floor__(self):
        return int(self.quantize(Decimal(1), ROUND_FLOOR))

    def __ceil__(self):
        return int(self.quantize(Decimal(1), ROUND_CEILING))

    # Comparison

    def _ratio(self):
        n, d = self.as_integer_ratio()
        return n, d

    def _cmp(self, other):
        if isinstance(other, float):
            if other != other:
                return None
            if other == float('inf'):
                return -1
            if other == float('-inf'):
                return 1
            n2, d2 = _float_ratio(other)
        else:
            o = self._coerce(other)
            if o is None:
                return NotImplemented
            n2, d2 = o._ratio()
        n1, d1 = self._ratio()
        a = n1 * d2
        b = n2 * d1
        return (a > b) - (a < b)

    def __eq__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        return c == 0

    def __ne__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        return c != 0

    def __lt__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        return c is not None and c < 0

    def __le__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        return c is not None and c <= 0

    def __gt__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        return c is not None and c > 0

    def __ge__(self, other):
        c = self._cmp(other)
        if c is NotImplemented:
            return c
        return c is not None and c >= 0

    def compare(self, other):
        return Decimal(self._cmp(other))

    def max(self, other):
        return self if self >= other else Decimal(other)

    def min(self, other):
        return self if self <= other else Decimal(other)

    def __hash__(self):
        n, d = self._ratio()
        if d == 1:
            return hash(n)
        f = float(self)
        if Decimal(f) == self:
            return hash(f)
        return hash((n, d))

    def __format__(self, spec):
        if not spec:
            return str(self)
        typ = spec[-1] if spec[-1] in 'fF%eEgGn' else ''
        body = spec[:-1] if typ else spec
        prec = None
        if '.' in body:
            body, _, p = body.rpartition('.')
            prec = int(p)
        comma = body.endswith(',')
        if comma:
            body = body[:-1]
        value = self
        if typ == '%':
            value = Decimal._make(self._sign, self._int, self._exp + 2)
        if typ in ('f', 'F', '%') or (typ == '' and prec is not None):
            if prec is not None:
                value = value.quantize(Decimal._make(0, 1, 0 - prec), ROUND_HALF_EVEN)
            s = _plain(value)
        elif typ in ('e', 'E', 'g', 'G', 'n'):
            return format(float(self), spec)
        else:
            s = str(value)
        if comma:
            neg = s.startswith('-')
            digits = s[1:] if neg else s
            ip, dot, fp = digits.partition('.')
            groups = []
            while len(ip) > 3:
                groups.insert(0, ip[-3:])
                ip = ip[:-3]
            groups.insert(0, ip)
            s = ('-' if neg else '') + ','.join(groups) + dot + fp
        if typ == '%':
            s = s + '%'
        return format(s, body) if body else s


def _plain(d):
    s = str(d._int)
    if d._exp >= 0:
        s = s + '0' * d._exp
    else:
        k = 0 - d._exp
        if len(s) <= k:
            s = '0' * (k - len(s) + 1) + s
        s = s[:len(s) - k] + '.' + s[len(s) - k:]
    return ('-' if d._sign else '') + s

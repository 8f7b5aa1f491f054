# datetime: date, time, datetime, timedelta and fixed-offset timezones, on
# the proleptic Gregorian calendar as CPython. now()/today() read the real
# clock through _now() (this module's Go helper); the runtime has no local
# time zone database, so local time is UTC.

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_dbm = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_dbm)
    _dbm += _dim
del _dbm, _dim

_MONTHNAMES = [None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_FULLMONTHNAMES = [None, "January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"]
_DAYNAMES = [None, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FULLDAYNAMES = [None, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


_DI400Y = _days_before_year(401)
_DI100Y = _days_before_year(101)
_DI4Y = _days_before_year(5)


def _ord2ymd(n):
    n -= 1
    n400, n = divmod(n, _DI400Y)
    year = n400 * 400 + 1
    n100, n = divmod(n, _DI100Y)
    n4, n = divmod(n, _DI4Y)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leapyear = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leapyear)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leapyear)
    n -= preceding
    return year, month, n + 1


def _check_date(year, month, day):
    for v in (year, month, day):
        if not isinstance(v, int):
            raise TypeError("'" + type(v).__name__ + "' object cannot be interpreted as an integer")
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year ' + str(year) + ' is out of range')
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')


def _check_time(hour, minute, second, microsecond):
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')


def _z(n, width):
    s = str(n)
    while len(s) < width:
        s = "0" + s
    return s


class timedelta(object):
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        # Exact arithmetic in microseconds (floats are rounded half-even,
        # as CPython does for the total).
        total = (days + weeks * 7) * 86400000000 + (seconds + minutes * 60 + hours * 3600) * 1000000 \
            + milliseconds * 1000 + microseconds
        if isinstance(total, float):
            total = round(total)
        total = int(total)
        d, rem = divmod(total, 86400000000)
        s, us = divmod(rem, 1000000)
        if abs(d) > 999999999:
            raise OverflowError("days=" + str(d) + "; must have magnitude <= 999999999")
        self._days = d
        self._seconds = s
        self._microseconds = us

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        return self._us() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=" + str(self._days))
        if self._seconds:
            args.append("seconds=" + str(self._seconds))
        if self._microseconds:
            args.append("microseconds=" + str(self._microseconds))
        if not args:
            args.append('0')
        return "datetime.timedelta(" + ", ".join(args) + ")"

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = str(hh) + ":" + _z(mm, 2) + ":" + _z(ss, 2)
        if self._days:
            plural = "s" if abs(self._days) != 1 else ""
            s = str(self._days) + " day" + plural + ", " + s
        if self._microseconds:
            s = s + "." + _z(self._microseconds, 6)
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented

    def __neg__(self):
        return timedelta(microseconds=0 - self._us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta(microseconds=self._us() * other)
        if isinstance(other, float):
            return timedelta(microseconds=round(self._us() * other))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us() / other._us()
        if isinstance(other, int):
            return timedelta(microseconds=_round_half_even_div(self._us(), other))
        if isinstance(other, float):
            return timedelta(microseconds=round(self._us() / other))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us() // other._us()
        if isinstance(other, int):
            return timedelta(microseconds=self._us() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() % other._us())
        return NotImplemented

    def __divmod__(self, other):
        q, r = divmod(self._us(), other._us())
        return q, timedelta(microseconds=r)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._us() == other._us()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._us() != other._us()
        return NotImplemented

    def __lt__(self, other):
        return self._us() < other._us()

    def __le__(self, other):
        return self._us() <= other._us()

    def __gt__(self, other):
        return self._us() > other._us()

    def __ge__(self, other):
        return self._us() >= other._us()

    def __hash__(self):
        return hash(self._us())

    def __bool__(self):
        return self._us() != 0


def _round_half_even_div(a, b):
    q, r = divmod(a, b)
    r2 = r * 2
    if r2 > b or (r2 == b and q % 2 == 1):
        q += 1
    return q


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class tzinfo(object):
    def utcoffset(self, dt):
        raise NotImplementedError("tzinfo subclass must override utcoffset()")

    def tzname(self, dt):
        raise NotImplementedError("tzinfo subclass must override tzname()")

    def dst(self, dt):
        raise NotImplementedError("tzinfo subclass must override dst()")


class timezone(tzinfo):
    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("offset must be a timedelta")
        if not timedelta(hours=-24) < offset < timedelta(hours=24):
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).")
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return None

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _format_offset(self._offset, ":")

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return "datetime.timezone(" + repr(self._offset) + ")"
        return "datetime.timezone(" + repr(self._offset) + ", " + repr(self._name) + ")"

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)


timezone.utc = timezone(timedelta(0))


def _format_offset(off, sep):
    if off is None:
        return ""
    sign = "+"
    if off.days < 0:
        sign = "-"
        off = -off
    hh, mm = divmod(off.seconds, 3600)
    mm, ss = divmod(mm, 60)
    s = sign + _z(hh, 2) + sep + _z(mm, 2)
    if ss or off.microseconds:
        s = s + sep + _z(ss, 2)
        if off.microseconds:
            s = s + "." + _z(off.microseconds, 6)
    return s


def _wrap_strftime(obj, fmt, timetuple):
    year, month, day, hour, minute, second, wday, yday = timetuple
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != '%' or i >= n:
            out.append(ch)
            continue
        c = fmt[i]
        i += 1
        if c == 'Y':
            out.append(str(year) if year >= 1000 else _z(year, 4))
        elif c == 'm':
            out.append(_z(month, 2))
        elif c == 'd':
            out.append(_z(day, 2))
        elif c == 'e':
            out.append(str(day).rjust(2))
        elif c == 'H':
            out.append(_z(hour, 2))
        elif c == 'I':
            out.append(_z(hour % 12 or 12, 2))
        elif c == 'M':
            out.append(_z(minute, 2))
        elif c == 'S':
            out.append(_z(second, 2))
        elif c == 'f':
            out.append(_z(getattr(obj, 'microsecond', 0), 6))
        elif c == 'y':
            out.append(_z(year % 100, 2))
        elif c == 'b' or c == 'h':
            out.append(_MONTHNAMES[month])
        elif c == 'B':
            out.append(_FULLMONTHNAMES[month])
        elif c == 'a':
            out.append(_DAYNAMES[wday + 1])
        elif c == 'A':
            out.append(_FULLDAYNAMES[wday + 1])
        elif c == 'w':
            out.append(str((wday + 1) % 7))
        elif c == 'u':
            out.append(str(wday + 1))
        elif c == 'j':
            out.append(_z(yday, 3))
        elif c == 'p':
            out.append("AM" if hour < 12 else "PM")
        elif c == 'U':
            out.append(_z((yday + 6 - ((wday + 1) % 7)) // 7, 2))
        elif c == 'W':
            out.append(_z((yday + 6 - wday) // 7, 2))
        elif c == 'c':
            out.append(_DAYNAMES[wday + 1] + " " + _MONTHNAMES[month] + " " + str(day).rjust(2) + " " +
                       _z(hour, 2) + ":" + _z(minute, 2) + ":" + _z(second, 2) + " " + _z(year, 4))
        elif c == 'x':
            out.append(_z(month, 2) + "/" + _z(day, 2) + "/" + _z(year % 100, 2))
        elif c == 'X':
            out.append(_z(hour, 2) + ":" + _z(minute, 2) + ":" + _z(second, 2))
        elif c == 'D':
            out.append(_z(month, 2) + "/" + _z(day, 2) + "/" + _z(year % 100, 2))
        elif c == 'F':
            out.append(_z(year, 4) + "-" + _z(month, 2) + "-" + _z(day, 2))
        elif c == 'T':
            out.append(_z(hour, 2) + ":" + _z(minute, 2) + ":" + _z(second, 2))
        elif c == 'R':
            out.append(_z(hour, 2) + ":" + _z(minute, 2))
        elif c == 'z':
            off = obj.utcoffset() if hasattr(obj, 'utcoffset') else None
            out.append(_format_offset(off, "") if off is not None else "")
        elif c == 'Z':
            tz = getattr(obj, 'tzinfo', None)
            out.append(tz.tzname(obj) if tz is not None else "")
        elif c == 'n':
            out.append("\n")
        elif c == 't':
            out.append("\t")
        elif c == '%':
            out.append('%')
        else:
            out.append('%' + c)
    return "".join(out)


class date(object):
    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self._year = year
        self._month = month
        self._day = day

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def today(cls):
        t = _now_parts()
        return cls(t[0], t[1], t[2])
    today = classmethod(today)

    def fromordinal(cls, n):
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)
    fromordinal = classmethod(fromordinal)

    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        parts = _parse_isodate(s)
        if parts is None or len(s) not in (8, 10):
            raise ValueError('Invalid isoformat string: ' + repr(s))
        return cls(parts[0], parts[1], parts[2])
    fromisoformat = classmethod(fromisoformat)

    def fromtimestamp(cls, t):
        y, mo, d, h, mi, s, us = _from_timestamp(t)
        return cls(y, mo, d)
    fromtimestamp = classmethod(fromtimestamp)

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        week1monday = _isoweek1monday(year)
        today = _ymd2ord(self._year, self._month, self._day)
        week, day = divmod(today - week1monday, 7)
        if week < 0:
            year -= 1
            week1monday = _isoweek1monday(year)
            week, day = divmod(today - week1monday, 7)
        elif week >= 52:
            if today >= _isoweek1monday(year + 1):
                year += 1
                week = 0
        return _IsoCalendarDate(year, week + 1, day + 1)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    def timetuple(self):
        return (self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                _days_before_month(self._year, self._month) + self._day)

    def isoformat(self):
        return _z(self._year, 4) + "-" + _z(self._month, 2) + "-" + _z(self._day, 2)

    __str__ = isoformat

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, self.timetuple())

    def __format__(self, fmt):
        if not fmt:
            return str(self)
        return self.strftime(fmt)

    def ctime(self):
        return self.strftime("%a %b %e 00:00:00 %Y")

    def __repr__(self):
        return "datetime.date(" + str(self._year) + ", " + str(self._month) + ", " + str(self._day) + ")"

    def _key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime):
            return self._key() == other._key()
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        _cmp_check(self, other)
        return self._key() < other._key()

    def __le__(self, other):
        _cmp_check(self, other)
        return self._key() <= other._key()

    def __gt__(self, other):
        _cmp_check(self, other)
        return self._key() > other._key()

    def __ge__(self, other):
        _cmp_check(self, other)
        return self._key() >= other._key()

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if 0 < o <= _MAXORDINAL:
                return type(self).fromordinal(o)
            raise OverflowError("result out of range")
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(0 - other.days)
        if isinstance(other, date):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented


def _cmp_check(a, b):
    if type(a) is not type(b) and not (isinstance(a, datetime) and isinstance(b, datetime)):
        raise TypeError("can't compare " + type(a).__name__ + " to " + type(b).__name__)


_MAXORDINAL = 3652059


def _isoweek1monday(year):
    firstday = _ymd2ord(year, 1, 1)
    firstweekday = (firstday + 6) % 7
    week1monday = firstday - firstweekday
    if firstweekday > 3:
        week1monday += 7
    return week1monday


class _IsoCalendarDate(object):
    def __init__(self, year, week, weekday):
        self.year = year
        self.week = week
        self.weekday = weekday

    def __iter__(self):
        return iter((self.year, self.week, self.weekday))

    def __getitem__(self, i):
        return (self.year, self.week, self.weekday)[i]

    def __len__(self):
        return 3

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return ("datetime.IsoCalendarDate(year=" + str(self.year) + ", week=" + str(self.week) +
                ", weekday=" + str(self.weekday) + ")")


def _parse_isodate(s):
    try:
        if len(s) >= 10 and s[4] == '-' and s[7] == '-':
            return int(s[0:4]), int(s[5:7]), int(s[8:10])
        if len(s) >= 8 and s[:8].isdigit():
            return int(s[0:4]), int(s[4:6]), int(s[6:8])
    except ValueError:
        return None
    return None


class time(object):
    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _check_time(hour, minute, second, microsecond)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.utcoffset(None)

    def isoformat(self, timespec='auto'):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        if self._tzinfo is not None:
            s = s + _format_offset(self.utcoffset(), ":")
        return s

    __str__ = isoformat

    def fromisoformat(cls, s):
        h, mi, sec, us, tz = _parse_isotime(s)
        return cls(h, mi, sec, us, tz)
    fromisoformat = classmethod(fromisoformat)

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, (1900, 1, 1, self._hour, self._minute, self._second, 0, 1))

    def __format__(self, fmt):
        if not fmt:
            return str(self)
        return self.strftime(fmt)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True):
        return time(self._hour if hour is None else hour, self._minute if minute is None else minute,
                    self._second if second is None else second,
                    self._microsecond if microsecond is None else microsecond,
                    self._tzinfo if tzinfo is True else tzinfo)

    def __repr__(self):
        s = "datetime.time(" + str(self._hour) + ", " + str(self._minute)
        if self._second or self._microsecond:
            s = s + ", " + str(self._second)
        if self._microsecond:
            s = s + ", " + str(self._microsecond)
        if self._tzinfo is not None:
            s = s + ", tzinfo=" + repr(self._tzinfo)
        return s + ")"

    def _key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()

    def __hash__(self):
        return hash(self._key())


def _format_time(hh, mm, ss, us, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return _z(hh, 2)
    if timespec == 'minutes':
        return _z(hh, 2) + ":" + _z(mm, 2)
    s = _z(hh, 2) + ":" + _z(mm, 2) + ":" + _z(ss, 2)
    if timespec == 'seconds':
        return s
    if timespec == 'milliseconds':
        return s + "." + _z(us // 1000, 3)
    if timespec == 'microseconds':
        return s + "." + _z(us, 6)
    raise ValueError('Unknown timespec value')


def _parse_isotime(s):
    tz = None
    for sep in ('+', '-', 'Z'):
        k = s.find(sep)
        if k > 0:
            tzs = s[k:]
            s = s[:k]
            if tzs == 'Z':
                tz = timezone.utc
            else:
                sign = -1 if tzs[0] == '-' else 1
                body = tzs[1:].replace(':', '')
                off = timedelta(hours=int(body[0:2]), minutes=int(body[2:4] or '0'),
                                seconds=int(body[4:6] or '0'))
                tz = timezone(off if sign > 0 else -off)
            break
    parts = s.split(':')
    try:
        hh = int(parts[0])
        mm = int(parts[1]) if len(parts) > 1 else 0
        ss = 0
        us = 0
        if len(parts) > 2:
            sec = parts[2].replace(',', '.')
            if '.' in sec:
                whole, frac = sec.split('.')
                ss = int(whole)
                us = int((frac + "000000")[:6])
            else:
                ss = int(sec)
    except (ValueError, IndexError):
        raise ValueError('Invalid isoformat string: ' + repr(s))
    return hh, mm, ss, us, tz


def _now_parts():
    return _from_timestamp(_now())


def _from_timestamp(t):
    us = round(t * 1000000)
    days, rem = divmod(us, 86400000000)
    y, mo, d = _ord2ymd(days + _EPOCH_ORD)
    secs, usec = divmod(rem, 1000000)
    h, rem2 = divmod(secs, 3600)
    mi, s = divmod(rem2, 60)
    return y, mo, d, h, mi, s, usec


_EPOCH_ORD = _ymd2ord(1970, 1, 1)


class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _check_date(year, month, day)
        _check_time(hour, minute, second, microsecond)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    def now(cls, tz=None):
        y, mo, d, h, mi, s, us = _now_parts()
        dt = cls(y, mo, d, h, mi, s, us, timezone.utc if tz is not None else None)
        if tz is not None:
            return dt.astimezone(tz)
        return dt
    now = classmethod(now)

    def utcnow(cls):
        y, mo, d, h, mi, s, us = _now_parts()
        return cls(y, mo, d, h, mi, s, us)
    utcnow = classmethod(utcnow)

    def today(cls):
        return cls.now()
    today = classmethod(today)

    def fromtimestamp(cls, t, tz=None):
        y, mo, d, h, mi, s, us = _from_timestamp(t)
        dt = cls(y, mo, d, h, mi, s, us, timezone.utc if tz is not None else None)
        if tz is not None:
            return dt.astimezone(tz)
        return dt
    fromtimestamp = classmethod(fromtimestamp)

    def utcfromtimestamp(cls, t):
        y, mo, d, h, mi, s, us = _from_timestamp(t)
        return cls(y, mo, d, h, mi, s, us)
    utcfromtimestamp = classmethod(utcfromtimestamp)

    def combine(cls, d, t, tzinfo=True):
        return cls(d.year, d.month, d.day, t.hour, t.minute, t.second, t.microsecond,
                   t.tzinfo if tzinfo is True else tzinfo)
    combine = classmethod(combine)

    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        d = _parse_isodate(s[:10])
        if d is None:
            raise ValueError('Invalid isoformat string: ' + repr(s))
        if len(s) > 10:
            if s[10] not in 'T ':
                raise ValueError('Invalid isoformat string: ' + repr(s))
            h, mi, sec, us, tz = _parse_isotime(s[11:])
        else:
            h, mi, sec, us, tz = 0, 0, 0, 0, None
        return cls(d[0], d[1], d[2], h, mi, sec, us, tz)
    fromisoformat = classmethod(fromisoformat)

    def strptime(cls, s, fmt):
        return cls(*_strptime(s, fmt))
    strptime = classmethod(strptime)

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.utcoffset(self)

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(self)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day, self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo)

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        off = self.utcoffset()
        if off is None:
            off = timedelta(0)
        utc = (self - off).replace(tzinfo=None)
        res = utc + tz.utcoffset(None)
        return res.replace(tzinfo=tz)

    def timestamp(self):
        off = self.utcoffset() or timedelta(0)
        return (self.replace(tzinfo=None) - off - _EPOCH).total_seconds()

    def timetuple(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second,
                self.weekday(), _days_before_month(self._year, self._month) + self._day)

    def isoformat(self, sep='T', timespec='auto'):
        s = date.isoformat(self) + sep + _format_time(self._hour, self._minute, self._second,
                                                      self._microsecond, timespec)
        off = self.utcoffset()
        if off is not None:
            s = s + _format_offset(off, ":")
        return s

    def __str__(self):
        return self.isoformat(' ')

    def ctime(self):
        return self.strftime("%a %b %e %H:%M:%S %Y")

    def __repr__(self):
        s = ("datetime.datetime(" + str(self._year) + ", " + str(self._month) + ", " + str(self._day) +
             ", " + str(self._hour) + ", " + str(self._minute))
        if self._second or self._microsecond:
            s = s + ", " + str(self._second)
        if self._microsecond:
            s = s + ", " + str(self._microsecond)
        if self._tzinfo is not None:
            s = s + ", tzinfo=" + repr(self._tzinfo)
        return s + ")"

    def _key(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond)

    def _utc_us(self):
        base = (self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000 \
            + self._microsecond
        off = self.utcoffset()
        if off is not None:
            base -= off._us()
        return base

    def _cmp_key(self, other):
        if (self._tzinfo is None) != (other._tzinfo is None):
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return self._utc_us(), other._utc_us()

    def __eq__(self, other):
        if isinstance(other, datetime):
            if (self._tzinfo is None) != (other._tzinfo is None):
                return False
            return self._utc_us() == other._utc_us()
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        _cmp_check(self, other)
        a, b = self._cmp_key(other)
        return a < b

    def __le__(self, other):
        _cmp_check(self, other)
        a, b = self._cmp_key(other)
        return a <= b

    def __gt__(self, other):
        _cmp_check(self, other)
        a, b = self._cmp_key(other)
        return a > b

    def __ge__(self, other):
        _cmp_check(self, other)
        a, b = self._cmp_key(other)
        return a >= b

    def __hash__(self):
        return hash(self._utc_us())

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        us = (self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000 \
            + self._microsecond + other._us()
        days, rem = divmod(us, 86400000000)
        if not 0 < days <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        y, mo, d = _ord2ymd(days)
        secs, usec = divmod(rem, 1000000)
        h, rem2 = divmod(secs, 3600)
        mi, s = divmod(rem2, 60)
        return type(self)(y, mo, d, h, mi, s, usec, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if isinstance(other, datetime):
            if (self._tzinfo is None) != (other._tzinfo is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            return timedelta(microseconds=self._utc_us() - other._utc_us())
        return NotImplemented


_EPOCH = datetime(1970, 1, 1)


def _strptime(s, fmt):
    year, month, day, hour, minute, second, us = 1900, 1, 1, 0, 0, 0, 0
    pm = None
    tz = None
    i = 0
    j = 0
    n = len(fmt)

    def fail():
        raise ValueError("time data " + repr(s) + " does not match format " + repr(fmt))
    while j < n:
        c = fmt[j]
        if c != '%':
            if c.isspace():
                while i < len(s) and s[i].isspace():
                    i += 1
                j += 1
                continue
            if i >= len(s) or s[i] != c:
                fail()
            i += 1
            j += 1
            continue
        j += 1
        if j >= n:
            fail()
        d = fmt[j]
        j += 1
        if d in 'YmdHMSfyIjUWwu':
            width = {'Y': 4, 'm': 2, 'd': 2, 'H': 2, 'M': 2, 'S': 2, 'f': 6, 'y': 2, 'I': 2, 'j': 3,
                     'U': 2, 'W': 2, 'w': 1, 'u': 1}[d]
            k = i
            while k < len(s) and k - i < width and s[k].isdigit():
                k += 1
            if k == i:
                fail()
            v = int(s[i:k])
            if d == 'f':
                v = int((s[i:k] + "000000")[:6])
            i = k
            if d == 'Y':
                year = v
            elif d == 'm':
                month = v
            elif d == 'd':
                day = v
            elif d == 'H':
                hour = v
            elif d == 'M':
                minute = v
            elif d == 'S':
                second = v
            elif d == 'f':
                us = v
            elif d == 'y':
                year = v + (2000 if v < 69 else 1900)
            elif d == 'I':
                hour = v
                if pm is None:
                    pm = False
        elif d in 'bBhaA':
            names = _MONTHNAMES if d in 'bh' else _FULLMONTHNAMES if d == 'B' else _DAYNAMES if d == 'a' else _FULLDAYNAMES
            found = False
            for idx in range(1, len(names)):
                nm = names[idx]
                if s[i:i + len(nm)].lower() == nm.lower():
                    if d in 'bBh':
                        month = idx
                    i += len(nm)
                    found = True
                    break
            if not found:
                fail()
        elif d == 'p':
            t = s[i:i + 2].upper()
            if t not in ('AM', 'PM'):
                fail()
            pm = t == 'PM'
            i += 2
        elif d == 'z':
            if s[i:i + 1] == 'Z':
                tz = timezone.utc
                i += 1
            else:
                sign = s[i:i + 1]
                body = s[i + 1:i + 6].replace(':', '')
                if sign not in '+-' or len(body) < 4 or not body[:4].isdigit():
                    fail()
                off = timedelta(hours=int(body[:2]), minutes=int(body[2:4]))
                tz = timezone(off if sign == '+' else -off)
                i += 6 if s[i + 3:i + 4] == ':' else 5
        elif d == '%':
            if s[i:i + 1] != '%':
                fail()
            i += 1
        else:
            raise ValueError("'" + d + "' is a bad directive in format '%" + d + "'")
    if i != len(s):
        raise ValueError("unconverted data remains: " + s[i:])
    if pm is not None:
        if pm and hour != 12:
            hour += 12
        elif not pm and hour == 12:
            hour = 0
    return year, month, day, hour, minute, second, us, tz


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)
UTC = timezone.utc

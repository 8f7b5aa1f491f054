# collections: Counter, defaultdict, OrderedDict, deque, namedtuple,
# ChainMap. The runtime cannot subclass its builtin dict from Python, so the
# mapping types wrap a runtime dict (made with dict(), any hashable key,
# insertion order) and expose the dict protocol; json, dict(x), sorted(x),
# x.items() ... work on them as on dict subclasses.

from operator import itemgetter as _itemgetter
from heapq import nlargest as _nlargest
from itertools import repeat as _repeat, chain as _chain, starmap as _starmap

_missing = object()


def _items_of(other):
    if hasattr(other, "items"):
        return list(other.items())
    return None


class _DictWrapper(object):
    """The dict protocol over self._d."""

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def __contains__(self, key):
        return key in self._d

    def __getitem__(self, key):
        if key in self._d:
            return self._d[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __bool__(self):
        return len(self._d) != 0

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        if key in self._d:
            return self._d[key]
        return default

    def pop(self, key, default=_missing):
        if key in self._d:
            v = self._d[key]
            del self._d[key]
            return v
        if default is _missing:
            raise KeyError(key)
        return default

    def popitem(self):
        if not self._d:
            raise KeyError("popitem(): dictionary is empty")
        k = None
        for k in self._d:
            pass
        v = self._d[k]
        del self._d[k]
        return (k, v)

    def setdefault(self, key, default=None):
        if key not in self._d:
            self._d[key] = default
        return self._d[key]

    def clear(self):
        self._d.clear()

    def update(self, other=(), **kwds):
        items = _items_of(other)
        if items is None:
            if hasattr(other, "keys"):
                items = [(k, other[k]) for k in other.keys()]
            else:
                items = other
        for k, v in items:
            self[k] = v
        for k in kwds:
            self[k] = kwds[k]

    def __eq__(self, other):
        if isinstance(other, _DictWrapper):
            other = other._d
        return self._d == other

    def __ne__(self, other):
        return not self == other

    def __or__(self, other):
        new = self.copy()
        new.update(other)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    __hash__ = None


def _repr_items(items):
    parts = []
    for k, v in items:
        parts.append(repr(k) + ": " + repr(v))
    return "{" + ", ".join(parts) + "}"


class Counter(_DictWrapper):
    def __init__(self, iterable=None, **kwds):
        self._d = dict()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self._d.values())

    def most_common(self, n=None):
        if n is None:
            return sorted(self._d.items(), key=_itemgetter(1), reverse=True)
        return _nlargest(n, self._d.items(), key=_itemgetter(1))

    def elements(self):
        return _chain.from_iterable(_starmap(_repeat, self._d.items()))

    # gpython's compiler mis-orders a decorator and default arguments, so
    # decorated functions with defaults are wrapped by hand in these sources.
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")
    fromkeys = classmethod(fromkeys)

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            items = _items_of(iterable)
            if items is not None:
                for elem, count in items:
                    self._d[elem] = count + self._d.get(elem, 0)
            else:
                _count_elements(self._d, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            items = _items_of(iterable)
            if items is not None:
                for elem, count in items:
                    self._d[elem] = self._d.get(elem, 0) - count
            else:
                for elem in iterable:
                    self._d[elem] = self._d.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        c = Counter()
        for k, v in self._d.items():
            c._d[k] = v
        return c

    __copy__ = copy

    def __delitem__(self, elem):
        if elem in self._d:
            del self._d[elem]

    def __eq__(self, other):
        if not isinstance(other, Counter):
            if isinstance(other, _DictWrapper):
                return self._d == other._d
            if hasattr(other, "items"):
                return self._d == other
            return NotImplemented
        for k, v in self._d.items():
            if other[k] != v:
                return False
        for k, v in other._d.items():
            if self[k] != v:
                return False
        return True

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def _cmp_all(self, other, strict):
        if not isinstance(other, Counter):
            return NotImplemented
        keys = list(self._d.keys()) + list(other._d.keys())
        for k in keys:
            if not self[k] <= other[k]:
                return False
        if strict:
            return self != other
        return True

    def __le__(self, other):
        return self._cmp_all(other, False)

    def __lt__(self, other):
        return self._cmp_all(other, True)

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return other._cmp_all(self, False)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return other._cmp_all(self, True)

    def __repr__(self):
        if not self._d:
            return "Counter()"
        try:
            return "Counter(" + _repr_items(self.most_common()) + ")"
        except TypeError:
            return "Counter(" + repr(self._d) + ")"

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self._d.items():
            newcount = count + other[elem]
            if newcount > 0:
                result._d[elem] = newcount
        for elem, count in other._d.items():
            if elem not in self._d and count > 0:
                result._d[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self._d.items():
            newcount = count - other[elem]
            if newcount > 0:
                result._d[elem] = newcount
        for elem, count in other._d.items():
            if elem not in self._d and count < 0:
                result._d[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self._d.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result._d[elem] = newcount
        for elem, count in other._d.items():
            if elem not in self._d and count > 0:
                result._d[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self._d.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result._d[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self._d.items():
            if count > 0:
                result._d[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self._d.items():
            if count < 0:
                result._d[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, c in self._d.items() if not c > 0]:
            del self._d[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other._d.items():
            self._d[elem] = self._d.get(elem, 0) + count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other._d.items():
            self._d[elem] = self._d.get(elem, 0) - count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other._d.items():
            count = self._d.get(elem, 0)
            if other_count > count:
                self._d[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in list(self._d.items()):
            other_count = other[elem]
            if other_count < count:
                self._d[elem] = other_count
        return self._keep_positive()


class defaultdict(_DictWrapper):
    def __init__(self, default_factory=None, *args, **kwds):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self._d = dict()
        self.default_factory = default_factory
        if args:
            self.update(args[0])
        if kwds:
            self.update(kwds)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value

    def copy(self):
        d = defaultdict(self.default_factory)
        for k, v in self._d.items():
            d._d[k] = v
        return d

    __copy__ = copy

    def __repr__(self):
        return "defaultdict(" + repr(self.default_factory) + ", " + repr(self._d) + ")"


class OrderedDict(_DictWrapper):
    def __init__(self, other=(), **kwds):
        self._d = dict()
        self.update(other, **kwds)

    def move_to_end(self, key, last=True):
        if key not in self._d:
            raise KeyError(key)
        value = self._d[key]
        if last:
            del self._d[key]
            self._d[key] = value
        else:
            rest = [(k, v) for k, v in self._d.items() if k != key]
            self._d.clear()
            self._d[key] = value
            for k, v in rest:
                self._d[k] = v

    def popitem(self, last=True):
        if not self._d:
            raise KeyError("dictionary is empty")
        if last:
            k = None
            for k in self._d:
                pass
        else:
            for k in self._d:
                break
        v = self._d[k]
        del self._d[k]
        return (k, v)

    def copy(self):
        return OrderedDict(self)

    __copy__ = copy

    def __reversed__(self):
        return iter(list(self._d)[::-1])

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._d.items()) == list(other._d.items())
        if isinstance(other, _DictWrapper):
            return self._d == other._d
        return self._d == other

    def __repr__(self):
        if not self._d:
            return "OrderedDict()"
        return "OrderedDict(" + repr(list(self._d.items())) + ")"

    def fromkeys(cls, iterable, value=None):
        d = cls()
        for k in iterable:
            d[k] = value
        return d
    fromkeys = classmethod(fromkeys)


class deque(object):
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._l = []
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _trim_left(self):
        if self._maxlen is not None:
            while len(self._l) > self._maxlen:
                del self._l[0]

    def _trim_right(self):
        if self._maxlen is not None:
            while len(self._l) > self._maxlen:
                del self._l[len(self._l) - 1]

    def append(self, x):
        self._l.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._l.insert(0, x)
        self._trim_right()

    def pop(self):
        if not self._l:
            raise IndexError("pop from an empty deque")
        return self._l.pop()

    def popleft(self):
        if not self._l:
            raise IndexError("pop from an empty deque")
        x = self._l[0]
        del self._l[0]
        return x

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def rotate(self, n=1):
        size = len(self._l)
        if size <= 1:
            return
        n = n % size
        if n:
            self._l[:] = self._l[size - n:] + self._l[:size - n]

    def clear(self):
        del self._l[:]

    def copy(self):
        return deque(self._l, self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._l.count(x)

    def index(self, x, start=0, stop=None):
        if stop is None:
            stop = len(self._l)
        i = start
        while i < stop and i < len(self._l):
            if self._l[i] == x:
                return i
            i += 1
        raise ValueError(repr(x) + " is not in deque")

    def insert(self, i, x):
        if self._maxlen is not None and len(self._l) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._l.insert(i, x)

    def remove(self, value):
        for i in range(len(self._l)):
            if self._l[i] == value:
                del self._l[i]
                return
        raise ValueError(repr(value) + " is not in deque")

    def reverse(self):
        self._l.reverse()

    def __len__(self):
        return len(self._l)

    def __bool__(self):
        return len(self._l) != 0

    def __iter__(self):
        return _deque_iter(self, len(self._l))

    def __reversed__(self):
        return iter(self._l[::-1])

    def __contains__(self, x):
        return x in self._l

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError("sequence index must be integer, not 'slice'")
        if not self._l or i >= len(self._l) or i < -len(self._l):
            raise IndexError("deque index out of range")
        return self._l[i]

    def __setitem__(self, i, v):
        if i >= len(self._l) or i < -len(self._l):
            raise IndexError("deque index out of range")
        self._l[i] = v

    def __delitem__(self, i):
        if i >= len(self._l) or i < -len(self._l):
            raise IndexError("deque index out of range")
        del self._l[i]

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._l == other._l

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._l != other._l

    def __lt__(self, other):
        return self._l < other._l

    def __le__(self, other):
        return self._l <= other._l

    def __gt__(self, other):
        return self._l > other._l

    def __ge__(self, other):
        return self._l >= other._l

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "' + type(other).__name__ + '") to deque')
        d = deque(self._l, self._maxlen)
        d.extend(other._l)
        return d

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        d = deque(self._l * n, self._maxlen)
        d._trim_left()
        return d

    def __repr__(self):
        if self._maxlen is None:
            return "deque(" + repr(self._l) + ")"
        return "deque(" + repr(self._l) + ", maxlen=" + repr(self._maxlen) + ")"

    __hash__ = None


def _deque_iter(d, size):
    # CPython refuses to go on once the deque changed size under the
    # iteration; a change of length is what this detects.
    i = 0
    while True:
        if len(d._l) != size:
            raise RuntimeError("deque mutated during iteration")
        if i >= size:
            return
        yield d._l[i]
        i += 1


class _NamedTupleBase(object):
    """Methods shared by every namedtuple class; values live in self._t."""

    def __init__(self, *args, **kwargs):
        fields = self._fields
        n = len(fields)
        if len(args) > n:
            raise TypeError("%s.__new__() takes %d positional arguments but %d were given" % (self._typename, n + 1, len(args) + 1))
        values = list(args)
        missing = []
        for i in range(len(args), n):
            name = fields[i]
            if name in kwargs:
                values.append(kwargs[name])
            elif name in self._field_defaults:
                values.append(self._field_defaults[name])
            else:
                values.append(None)
                missing.append(name)
        for k in kwargs:
            if k not in fields:
                raise TypeError("%s.__new__() got an unexpected keyword argument '%s'" % (self._typename, k))
            if fields.index(k) < len(args):
                raise TypeError("%s.__new__() got multiple values for argument '%s'" % (self._typename, k))
        if missing:
            if len(missing) == 1:
                raise TypeError("%s.__new__() missing 1 required positional argument: '%s'" % (self._typename, missing[0]))
            names = ["'" + m + "'" for m in missing]
            listed = ", ".join(names[:-1]) + " and " + names[-1]
            if len(missing) > 2:
                listed = ", ".join(names[:-1]) + ", and " + names[-1]
            raise TypeError("%s.__new__() missing %d required positional arguments: %s" % (self._typename, len(missing), listed))
        self._t = tuple(values)
        for i in range(n):
            setattr(self, fields[i], values[i])

    @classmethod
    def _make(cls, iterable):
        return cls(*tuple(iterable))

    def _replace(self, **kwds):
        values = []
        for name in self._fields:
            if name in kwds:
                values.append(kwds[name])
                del kwds[name]
            else:
                values.append(getattr(self, name))
        if kwds:
            raise ValueError("Got unexpected field names: " + repr(list(kwds)))
        return self.__class__(*values)

    def _asdict(self):
        d = dict()
        for name in self._fields:
            d[name] = getattr(self, name)
        return d

    def __repr__(self):
        parts = []
        for name in self._fields:
            parts.append(name + "=" + repr(getattr(self, name)))
        return self._typename + "(" + ", ".join(parts) + ")"

    def __iter__(self):
        return iter(self._t)

    def __len__(self):
        return len(self._t)

    def __getitem__(self, i):
        return self._t[i]

    def __contains__(self, x):
        return x in self._t

    def __hash__(self):
        return hash(self._t)

    def _other(self, other):
        if isinstance(other, _NamedTupleBase):
            return other._t
        if isinstance(other, tuple):
            return other
        return None

    def __eq__(self, other):
        o = self._other(other)
        if o is None:
            return NotImplemented
        return self._t == o

    def __ne__(self, other):
        o = self._other(other)
        if o is None:
            return NotImplemented
        return self._t != o

    def __lt__(self, other):
        o = self._other(other)
        if o is None:
            return NotImplemented
        return self._t < o

    def __le__(self, other):
        o = self._other(other)
        if o is None:
            return NotImplemented
        return self._t <= o

    def __gt__(self, other):
        o = self._other(other)
        if o is None:
            return NotImplemented
        return self._t > o

    def __ge__(self, other):
        o = self._other(other)
        if o is None:
            return NotImplemented
        return self._t >= o

    def __add__(self, other):
        return tuple(list(self._t) + list(other))

    def count(self, x):
        return self._t.count(x)

    def index(self, x):
        return self._t.index(x)


def namedtuple(typename, field_names, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = [str(f) for f in field_names]
    seen = set()
    for i in range(len(field_names)):
        name = field_names[i]
        bad = (not name.isidentifier() or name.startswith("_") or name in seen or name in _KEYWORDS)
        if rename and bad:
            field_names[i] = "_%d" % i
        elif not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: " + repr(name))
        elif name in _KEYWORDS:
            raise ValueError("Type names and field names cannot be a keyword: " + repr(name))
        elif name.startswith("_"):
            raise ValueError("Field names cannot start with an underscore: " + repr(name))
        elif name in seen:
            raise ValueError("Encountered duplicate field name: " + repr(name))
        seen.add(field_names[i])
    if not typename.isidentifier():
        raise ValueError("Type names and field names must be valid identifiers: " + repr(typename))
    field_defaults = dict()
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError("Got more default values than field names")
        start = len(field_names) - len(defaults)
        for i in range(len(defaults)):
            field_defaults[field_names[start + i]] = defaults[i]
    ns = {"__module__": module or "collections", "__doc__": typename + "(" + ", ".join(field_names) + ")"}
    cls = type(typename, (_NamedTupleBase,), ns)
    cls._fields = tuple(field_names)
    cls._field_defaults = field_defaults
    cls._typename = typename
    return cls


_KEYWORDS = frozenset(["False", "None", "True", "and", "as", "assert", "async", "await", "break",
                       "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
                       "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
                       "pass", "raise", "return", "try", "while", "with", "yield"])


class ChainMap(object):
    def __init__(self, *maps):
        self.maps = list(maps) or [dict()]

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        raise KeyError(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __contains__(self, key):
        for m in self.maps:
            if key in m:
                return True
        return False

    def __len__(self):
        return len(self._merged())

    def _merged(self):
        d = dict()
        for mapping in reversed(self.maps):
            for k in mapping:
                d[k] = mapping[k]
        return d

    def __iter__(self):
        return iter(self._merged())

    def keys(self):
        return self._merged().keys()

    def values(self):
        return self._merged().values()

    def items(self):
        return self._merged().items()

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        del self.maps[0][key]

    def new_child(self, m=None):
        if m is None:
            m = dict()
        return ChainMap(m, *self.maps)

    @property
    def parents(self):
        return ChainMap(*self.maps[1:])

    def __repr__(self):
        return "ChainMap(" + ", ".join([repr(m) for m in self.maps]) + ")"


class UserDict(_DictWrapper):
    def __init__(self, other=(), **kwds):
        self._d = dict()
        self.update(other, **kwds)

    @property
    def data(self):
        return self._d

    def __repr__(self):
        return repr(self._d)

    def copy(self):
        return self.__class__(self._d)

    __copy__ = copy


class UserList(object):
    def __init__(self, initlist=None):
        self.data = [] if initlist is None else list(initlist)

    def __repr__(self):
        return repr(self.data)

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def __getitem__(self, i):
        return self.data[i]

    def __setitem__(self, i, v):
        self.data[i] = v

    def append(self, x):
        self.data.append(x)

    def __eq__(self, other):
        if isinstance(other, UserList):
            other = other.data
        return self.data == other

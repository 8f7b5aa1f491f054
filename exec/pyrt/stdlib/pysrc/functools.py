# functools: reduce, partial, lru_cache/cache, wraps, total_ordering,
# cmp_to_key, cached_property. Dicts are made with dict() so that cache keys
# may be any hashable value.

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)

_MISSING = object()

# gpython's tuple + tuple misplaces items when the lengths differ, so
# tuples are joined through lists in these sources.


def reduce(function, sequence, initial=_MISSING):
    it = iter(sequence)
    if initial is _MISSING:
        value = _MISSING
        for value in it:
            break
        if value is _MISSING:
            raise TypeError("reduce() of empty iterable with no initial value")
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        try:
            setattr(wrapper, attr, value)
        except (AttributeError, TypeError):
            pass
    try:
        wrapper.__wrapped__ = wrapped
    except (AttributeError, TypeError):
        pass
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


class partial(object):
    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = tuple(list(func.args) + list(args))
            kw = dict(func.keywords)
            kw.update(keywords)
            keywords = kw
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        kw = dict(self.keywords)
        kw.update(keywords)
        allargs = tuple(list(self.args) + list(args))
        return self.func(*allargs, **kw)

    def __repr__(self):
        parts = [repr(self.func)]
        for a in self.args:
            parts.append(repr(a))
        for k in self.keywords:
            parts.append(k + "=" + repr(self.keywords[k]))
        return "functools.partial(" + ", ".join(parts) + ")"


def _cache_info(hits, misses, maxsize, currsize):
    return _CacheInfoType(hits, misses, maxsize, currsize)


class _CacheInfoType(object):
    _fields = ('hits', 'misses', 'maxsize', 'currsize')

    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize

    def _t(self):
        return (self.hits, self.misses, self.maxsize, self.currsize)

    def __iter__(self):
        return iter(self._t())

    def __getitem__(self, i):
        return self._t()[i]

    def __len__(self):
        return 4

    def __eq__(self, other):
        if isinstance(other, _CacheInfoType):
            return self._t() == other._t()
        return self._t() == other

    def __repr__(self):
        return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % self._t()


_KWMARK = object()


def _make_key(args, kwds, typed):
    if not kwds and not typed:
        return args
    key = list(args)
    if kwds:
        key.append(_KWMARK)
        for k in kwds:
            key.append(k)
            key.append(kwds[k])
    if typed:
        key = key + [type(v) for v in args]
        if kwds:
            key = key + [type(kwds[k]) for k in kwds]
    return tuple(key)


class _LRUState(object):
    def __init__(self, maxsize):
        self.cache = dict()
        self.hits = 0
        self.misses = 0
        self.maxsize = maxsize


def _lru_wrapper(user_function, maxsize, typed):
    state = _LRUState(maxsize)

    def wrapper(*args, **kwds):
        key = _make_key(args, kwds, typed)
        cache = state.cache
        if key in cache:
            state.hits += 1
            result = cache[key]
            if state.maxsize is not None:
                # Most recently used moves to the end of the ordered dict.
                del cache[key]
                cache[key] = result
            return result
        state.misses += 1
        result = user_function(*args, **kwds)
        if state.maxsize is not None and state.maxsize <= 0:
            return result
        if key not in cache:
            cache[key] = result
            if state.maxsize is not None and len(cache) > state.maxsize:
                for oldest in cache:
                    break
                del cache[oldest]
        return result

    def cache_info():
        return _cache_info(state.hits, state.misses, state.maxsize, len(state.cache))

    def cache_clear():
        state.cache = dict()
        state.hits = 0
        state.misses = 0

    def cache_parameters():
        d = dict()
        d['maxsize'] = state.maxsize
        d['typed'] = typed
        return d

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = cache_parameters
    update_wrapper(wrapper, user_function)
    return wrapper


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int) and not isinstance(maxsize, bool):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function = maxsize
        return _lru_wrapper(user_function, 128, typed)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")

    def decorating_function(user_function):
        return _lru_wrapper(user_function, maxsize, typed)
    return decorating_function


def cache(user_function):
    return _lru_wrapper(user_function, None, False)


def cmp_to_key(mycmp):
    class K(object):
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


def _gt_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other


def _le_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other


def _ge_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _ge_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other


def _lt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other


def _gt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _lt_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other


def _ge_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other


def _le_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _le_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other


def _gt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other


def _lt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


_convert = [
    ('__lt__', [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)]),
    ('__le__', [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)]),
    ('__gt__', [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)]),
    ('__ge__', [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)]),
]


def _defines(cls, name):
    # A comparison counts as defined when the class or a base other than
    # object provides it.
    for klass in cls.__mro__:
        if klass is object:
            return False
        if name in klass.__dict__:
            return klass.__dict__[name] is not None
    return False


def total_ordering(cls):
    roots = [op for op, _ in _convert if _defines(cls, op)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = roots[0]
    for op, pairs in _convert:
        if op == root:
            for opname, opfunc in pairs:
                if not _defines(cls, opname):
                    setattr(cls, opname, opfunc)
    return cls


class cached_property(object):
    def __init__(self, func):
        self.func = func
        self.attrname = func.__name__
        self.__doc__ = getattr(func, "__doc__", None)

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        val = self.func(instance)
        setattr(instance, self.attrname, val)
        return val


def singledispatch(func):
    """Dispatch on the type of the first argument. register(cls) and
    register(cls, func) are supported; the annotation form needs parameter
    annotations, which the lowering does not keep."""
    registry = dict()
    registry[object] = func
    return _singledispatch_wrapper(func, registry)


def _dispatch(registry, cls):
    for klass in cls.__mro__:
        if klass is not object and klass in registry:
            return registry[klass]
    # The runtime's MRO of some builtins is shorter than CPython's (bool
    # lacks int), so registered bases are also tried by issubclass.
    for klass in registry:
        if klass is not object and issubclass(cls, klass):
            return registry[klass]
    return registry[object]


def _singledispatch_wrapper(func, registry):
    def wrapper(*args, **kw):
        if not args:
            raise TypeError(getattr(func, '__name__', 'singledispatch function') + ' requires at least 1 positional argument')
        return _dispatch(registry, args[0].__class__)(*args, **kw)

    def register(cls, f=None):
        if f is None:
            if not isinstance(cls, type):
                raise TypeError("Invalid first argument to `register()`: " + repr(cls) +
                                ". Use either `@register(some_class)` or plain `@register` on an annotated function.")
            return _register_decorator(registry, cls)
        registry[cls] = f
        return f

    def dispatch(cls):
        return _dispatch(registry, cls)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper


def _register_decorator(registry, cls):
    def deco(f):
        registry[cls] = f
        return f
    return deco

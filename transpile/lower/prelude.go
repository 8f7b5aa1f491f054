package lower

// Prelude is Python 3.4 source (compiled by gpython as is, never lowered)
// defining the __stelp_*__ helpers that lowered code calls besides the
// runtime ABI of exec/pyrt (__stelp_dict__, __stelp_set__,
// __stelp_dict_merge__, __stelp_format__). The executor runs it once per
// worker and copies its __stelp_* globals into builtins; the helpers keep
// the prelude's module as their globals, so user code cannot shadow what
// they use.
const Prelude = `
def __stelp_id__(x):
    # Decorators gpython's grammar does not accept: @__stelp_id__(expr).
    return x

def __stelp_mk_setter_code__():
    v = None
    def setter(x):
        nonlocal v
        v = x
        return x
    return setter.__code__

__stelp_setter_code__ = __stelp_mk_setter_code__()

def __stelp_walrus__(cell_fn, value):
    # cell_fn is ` + "`lambda: name`" + ` written in the scope that owns name: its one
    # closure cell is that variable. Running the setter code with the same
    # closure stores value into it.
    cell_fn.__code__ = __stelp_setter_code__
    return cell_fn(value)

def __stelp_ann__(thunk, text):
    # A class-body annotation: its value, or its source text when the
    # runtime cannot evaluate it.
    try:
        return thunk()
    except Exception:
        return text

def __stelp_star_list__(*parts):
    out = []
    for part in parts:
        for item in part:
            out.append(item)
    return out

def __stelp_star_tuple__(*parts):
    return tuple(__stelp_star_list__(*parts))

def __stelp_kw__(**kw):
    return kw

def __stelp_kwargs__(*maps):
    # The mappings of f(**a, k=v, **b) merged, in order, into one runtime
    # dict (the runtime passes any mapping as **kwargs, keeping its order).
    out = __stelp_dict__()
    for m in maps:
        # Iterating a mapping yields its keys.
        for k in m:
            if type(k) is not str:
                raise TypeError("keywords must be strings")
            if k in out:
                raise TypeError("got multiple values for keyword argument '%s'" % k)
            out[k] = m[k]
    return out

__stelp_stash__ = [None]

def __stelp_subject__(value):
    # The match line of a lowered match: remember the subject, iterate
    # nothing. The first case takes it back before any user code runs.
    __stelp_stash__[0] = value
    return ()

def __stelp_take__():
    value = __stelp_stash__[0]
    __stelp_stash__[0] = None
    return value

def __stelp_case__(subject, pattern, targets):
    slots = [None] * len(targets)
    if not __stelp_pmatch__(subject, pattern, slots):
        return False
    i = 0
    for t in targets:
        if type(t) is tuple:
            t[0][t[1]] = slots[i]
        else:
            __stelp_walrus__(t, slots[i])
        i += 1
    return True

__stelp_seq_names__ = ('list', 'tuple', 'range', 'deque', 'memoryview', 'array', 'UserList')
__stelp_map_names__ = ('dict', 'OrderedDict', 'defaultdict', 'Counter', 'ChainMap', 'mappingproxy', 'UserDict')

def __stelp_type_names__(x):
    names = []
    t = type(x)
    try:
        mro = t.__mro__
    except AttributeError:
        mro = (t,)
    for c in mro:
        names.append(getattr(c, '__name__', ''))
    return names

def __stelp_is_seq__(x):
    if isinstance(x, (str, bytes)):
        return False
    if isinstance(x, (list, tuple, range)):
        return True
    for n in __stelp_type_names__(x):
        if n in __stelp_seq_names__:
            return True
    return False

def __stelp_is_map__(x):
    if isinstance(x, dict):
        return True
    for n in __stelp_type_names__(x):
        if n in __stelp_map_names__:
            return True
    return False

def __stelp_self_match__(cls):
    for t in (bool, bytes, dict, float, frozenset, int, list, set, str, tuple):
        if cls is t:
            return True
    return getattr(cls, '__name__', '') in ('dict', 'set', 'bytearray') and not hasattr(cls, '__match_args__')

def __stelp_pmatch__(s, p, slots):
    k = p[0]
    if k == '_':
        return True
    if k == 'c':
        slots[p[1]] = s
        return True
    if k == 'v':
        return s == p[1]
    if k == 'is':
        return s is p[1]
    if k == '|':
        for alt in p[1]:
            if __stelp_pmatch__(s, alt, slots):
                return True
        return False
    if k == 'as':
        if __stelp_pmatch__(s, p[1], slots):
            slots[p[2]] = s
            return True
        return False
    if k == 's':
        if not __stelp_is_seq__(s):
            return False
        items = list(s)
        pats = p[1]
        star = p[2]
        if star < 0:
            if len(items) != len(pats):
                return False
            for i in range(len(pats)):
                if not __stelp_pmatch__(items[i], pats[i], slots):
                    return False
            return True
        after = len(pats) - star - 1
        if len(items) < len(pats) - 1:
            return False
        for i in range(star):
            if not __stelp_pmatch__(items[i], pats[i], slots):
                return False
        for j in range(after):
            if not __stelp_pmatch__(items[len(items) - after + j], pats[star + 1 + j], slots):
                return False
        if p[3] >= 0:
            slots[p[3]] = items[star:len(items) - after]
        return True
    if k == 'm':
        if not __stelp_is_map__(s):
            return False
        keys = []
        for kp in p[1]:
            key = kp[0]
            if key in keys:
                raise ValueError("mapping pattern checks duplicate key (%r)" % (key,))
            keys.append(key)
            if key not in s:
                return False
            if not __stelp_pmatch__(s[key], kp[1], slots):
                return False
        if p[2] >= 0:
            rest = __stelp_dict__()
            for key in s:
                if key not in keys:
                    rest[key] = s[key]
            slots[p[2]] = rest
        return True
    if k == 'k':
        cls = p[1]
        if not isinstance(s, cls):
            return False
        pos = p[2]
        if pos:
            if __stelp_self_match__(cls):
                if len(pos) > 1:
                    raise TypeError("%s() accepts 1 positional sub-pattern (%d given)" % (cls.__name__, len(pos)))
                if not __stelp_pmatch__(s, pos[0], slots):
                    return False
            else:
                if hasattr(cls, '__match_args__'):
                    margs = cls.__match_args__
                else:
                    margs = ()
                if len(pos) > len(margs):
                    raise TypeError("%s() accepts %d positional sub-patterns (%d given)" % (cls.__name__, len(margs), len(pos)))
                for i in range(len(pos)):
                    name = margs[i]
                    if not hasattr(s, name):
                        return False
                    if not __stelp_pmatch__(getattr(s, name), pos[i], slots):
                        return False
        for kw in p[3]:
            if not hasattr(s, kw[0]):
                return False
            if not __stelp_pmatch__(getattr(s, kw[0]), kw[1], slots):
                return False
        return True
    raise SystemError("bad pattern %r" % (p,))
`

# copy: shallow and deep copies. Containers are rebuilt with their own
# constructors; instances of Python classes are copied attribute by
# attribute (or through __copy__/__deepcopy__), sharing the memo so that
# shared and cyclic references are preserved as CPython does.


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, complex, str, bytes, type, range, type(len), type(Ellipsis), type(NotImplemented))


def _is_atomic(x):
    if isinstance(x, _atomic):
        return True
    return callable(x) and not hasattr(x, "__dict__") and not isinstance(x, (list, dict, set))


def _new_instance(cls):
    return object.__new__(cls)


def copy(x):
    cls = type(x)
    if isinstance(x, _atomic) or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    copier = getattr(x, "__copy__", None)
    if copier is not None:
        return copier()
    if callable(x) and not hasattr(x, "__dict__"):
        return x
    if hasattr(x, "__dict__"):
        y = _new_instance(cls)
        for k in x.__dict__:
            setattr(y, k, x.__dict__[k])
        return y
    return x


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = dict()
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if isinstance(x, _atomic):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
        _keep_alive(x, memo)
        return y
    if cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if d in memo:
            return memo[d]
        same = True
        for i in range(len(x)):
            if items[i] is not x[i]:
                same = False
                break
        y = x if same else tuple(items)
        memo[d] = y
        _keep_alive(x, memo)
        return y
    if cls is dict:
        y = dict()
        memo[d] = y
        for k in x:
            y[deepcopy(k, memo)] = deepcopy(x[k], memo)
        _keep_alive(x, memo)
        return y
    if cls is set or cls is frozenset:
        y = cls([deepcopy(a, memo) for a in x])
        memo[d] = y
        _keep_alive(x, memo)
        return y
    copier = getattr(x, "__deepcopy__", None)
    if copier is not None:
        y = copier(memo)
        memo[d] = y
        _keep_alive(x, memo)
        return y
    if hasattr(x, "__dict__") and not callable(x):
        y = _new_instance(cls)
        memo[d] = y
        state = x.__dict__
        for k in list(state):
            setattr(y, k, deepcopy(state[k], memo))
        _keep_alive(x, memo)
        return y
    return x


def _keep_alive(x, memo):
    # Keep x alive so its id is not reused while the memo is in use.
    key = id(memo)
    if key in memo:
        memo[key].append(x)
    else:
        memo[key] = [x]

# dataclasses: @dataclass reads the class's __annotations__ (kept in
# definition order by the lowering) and installs __init__, __repr__, __eq__,
# ordering, __hash__ and frozen __setattr__ as CPython does. The methods are
# generic (bound to the class's field list) instead of generated source.

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MissingType(object):
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class _KwOnlyType(object):
    pass


KW_ONLY = _KwOnlyType()


class InitVar(object):
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field(object):
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata
        self.kw_only = kw_only

    def __repr__(self):
        return ("Field(name=" + repr(self.name) + ",type=" + repr(self.type) + ",default=" + repr(self.default) +
                ",default_factory=" + repr(self.default_factory) + ",init=" + repr(self.init) +
                ",repr=" + repr(self.repr) + ",hash=" + repr(self.hash) + ",compare=" + repr(self.compare) +
                ",metadata=" + repr(self.metadata) + ",kw_only=" + repr(self.kw_only) + ",_field_type=_FIELD)")


def field(default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_mutable_default(value):
    return type(value) in (list, dict, set)


def _own_annotations(cls):
    d = cls.__dict__
    if '__annotations__' in d:
        return d['__annotations__']
    return None


def _process_class(cls, init, repr_, eq, order, unsafe_hash, frozen, kw_only):
    all_fields = []
    seen = dict()
    # Fields of dataclass bases come first, in base-to-derived order.
    for base in reversed(cls.__mro__[1:]):
        base_fields = getattr(base, '__dataclass_fields__', None)
        if base_fields is not None and '__dataclass_fields__' in base.__dict__:
            for f in base_fields.values():
                if f.name in seen:
                    all_fields[seen[f.name]] = f
                else:
                    seen[f.name] = len(all_fields)
                    all_fields.append(f)
    anns = _own_annotations(cls)
    kw_only_here = kw_only
    if anns:
        for name in anns:
            typ = anns[name]
            if typ is KW_ONLY:
                kw_only_here = True
                continue
            default = cls.__dict__.get(name, MISSING)
            if isinstance(default, Field):
                f = default
            else:
                f = field(default=default)
            f.name = name
            f.type = typ
            if f.kw_only is MISSING:
                f.kw_only = kw_only_here
            if f.default is not MISSING and _is_mutable_default(f.default):
                raise ValueError('mutable default ' + repr(type(f.default)) + ' for field ' + name +
                                 ' is not allowed: use default_factory')
            # The class attribute is the default value, or nothing.
            if isinstance(default, Field):
                if f.default is MISSING:
                    delattr(cls, name)
                else:
                    setattr(cls, name, f.default)
            if name in seen:
                all_fields[seen[name]] = f
            else:
                seen[name] = len(all_fields)
                all_fields.append(f)
    fields_map = dict()
    for f in all_fields:
        fields_map[f.name] = f
    cls.__dataclass_fields__ = fields_map
    cls.__dataclass_params__ = (init, repr_, eq, order, unsafe_hash, frozen)
    cls.__match_args__ = tuple([f.name for f in all_fields if f.init and not f.kw_only])

    if init:
        seen_default = False
        for f in all_fields:
            if f.init and not f.kw_only:
                if f.default is not MISSING or f.default_factory is not MISSING:
                    seen_default = True
                elif seen_default:
                    raise TypeError("non-default argument '" + f.name + "' follows default argument")
        _set(cls, '__init__', _make_init(all_fields, frozen))
    if repr_:
        _set(cls, '__repr__', _make_repr(all_fields))
    if eq:
        _set(cls, '__eq__', _make_cmp(all_fields, 'eq'))
    if order:
        for op in ('lt', 'le', 'gt', 'ge'):
            name = '__' + op + '__'
            if name in cls.__dict__:
                raise TypeError('Cannot overwrite attribute ' + name + ' in class ' + cls.__name__ + '. Consider using functools.total_ordering')
            setattr(cls, name, _make_cmp(all_fields, op))
    if frozen:
        # The runtime's hook: the attribute guard refuses these names to setattr.
        __stelp_freeze__(cls, _make_frozen_setattr(cls), _frozen_delattr)
    has_own_hash = '__hash__' in cls.__dict__ and cls.__dict__['__hash__'] is not None
    if unsafe_hash or (eq and frozen):
        if not has_own_hash or unsafe_hash:
            setattr(cls, '__hash__', _make_hash(all_fields))
    elif eq and not has_own_hash:
        setattr(cls, '__hash__', None)
    return cls


def _set(cls, name, value):
    if name not in cls.__dict__:
        setattr(cls, name, value)


# The generated methods only forward to module-level helpers: a closure
# that itself contains comprehensions over its own locals would have both
# cell and free variables, which gpython's compiler numbers wrongly.
def _make_init(all_fields, frozen):
    def __init__(self, *args, **kwargs):
        _init_impl(all_fields, frozen, self, args, kwargs)
    return __init__


def _init_impl(all_fields, frozen, self, args, kwargs):
    init_fields = [f for f in all_fields if f.init]
    positional = [f for f in init_fields if not f.kw_only]
    keyword = [f for f in init_fields if f.kw_only]
    cls_name = type(self).__qualname__
    if len(args) > len(positional):
        raise TypeError(cls_name + ".__init__() takes " + str(len(positional) + 1) +
                        " positional argument" + ("" if len(positional) == 0 else "s") +
                        " but " + str(len(args) + 1) + " were given")
    values = dict()
    for i in range(len(args)):
        values[positional[i].name] = args[i]
    names = [f.name for f in init_fields]
    for k in kwargs:
        if k not in names:
            raise TypeError(cls_name + ".__init__() got an unexpected keyword argument '" + k + "'")
        if k in values:
            raise TypeError(cls_name + ".__init__() got multiple values for argument '" + k + "'")
        values[k] = kwargs[k]
    missing = _missing_names(positional, values)
    if missing:
        _missing_error(cls_name, missing, "positional")
    missing = _missing_names(keyword, values)
    if missing:
        _missing_error(cls_name, missing, "keyword-only")
    for f in all_fields:
        if f.name in values:
            v = values[f.name]
        elif f.default_factory is not MISSING:
            v = f.default_factory()
        elif f.default is not MISSING:
            v = f.default
        else:
            continue
        if frozen:
            __stelp_init_field__(self, f.name, v)
        else:
            setattr(self, f.name, v)
    post = getattr(self, '__post_init__', None)
    if post is not None:
        post()


def _missing_names(fields_list, values):
    out = []
    for f in fields_list:
        if f.name not in values and f.default is MISSING and f.default_factory is MISSING:
            out.append(f.name)
    return out


def _missing_error(cls_name, missing, kind):
    names = ["'" + m + "'" for m in missing]
    if len(names) == 1:
        listed = names[0]
    elif len(names) == 2:
        listed = names[0] + " and " + names[1]
    else:
        listed = ", ".join(names[:-1]) + ", and " + names[-1]
    plural = "" if len(missing) == 1 else "s"
    raise TypeError(cls_name + ".__init__() missing " + str(len(missing)) + " required " + kind +
                    " argument" + plural + ": " + listed)


def _make_repr(all_fields):
    def __repr__(self):
        return _repr_impl(all_fields, self)
    return __repr__


def _repr_impl(all_fields, self):
    parts = [f.name + "=" + repr(getattr(self, f.name)) for f in all_fields if f.repr]
    return type(self).__qualname__ + "(" + ", ".join(parts) + ")"


def _make_cmp(all_fields, op):
    def cmp(self, other):
        return _cmp_impl(all_fields, op, self, other)
    return cmp


def _field_values(obj, all_fields):
    return tuple([getattr(obj, f.name) for f in all_fields if f.compare])


def _cmp_impl(all_fields, op, self, other):
    if other.__class__ is not self.__class__:
        return NotImplemented
    a = _field_values(self, all_fields)
    b = _field_values(other, all_fields)
    if op == 'eq':
        return a == b
    if op == 'lt':
        return a < b
    if op == 'le':
        return a <= b
    if op == 'gt':
        return a > b
    return a >= b


def _make_hash(all_fields):
    def __hash__(self):
        return _hash_impl(all_fields, self)
    return __hash__


def _hash_impl(all_fields, self):
    return hash(tuple([getattr(self, f.name) for f in all_fields if (f.compare if f.hash is None else f.hash)]))


def _make_frozen_setattr(cls):
    def __setattr__(self, name, value):
        _frozen_setattr(cls, self, name, value)
    return __setattr__


def _frozen_setattr(cls, self, name, value):
    # As CPython: any attribute of the frozen class itself, fields only on
    # subclasses.
    if type(self) is cls or name in cls.__dataclass_fields__:
        raise FrozenInstanceError("cannot assign to field '" + name + "'")
    __stelp_init_field__(self, name, value)


def _frozen_delattr(self, name):
    raise FrozenInstanceError("cannot delete field '" + name + "'")


def dataclass(cls=None, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    def wrap(c):
        return _process_class(c, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fields_map = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance')
    return tuple(fields_map.values())


def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def asdict(obj, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            result.append((f.name, _asdict_inner(getattr(obj, f.name), dict_factory)))
        return dict_factory(result)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, dict):
        d = dict()
        for k in obj:
            d[_asdict_inner(k, dict_factory)] = _asdict_inner(obj[k], dict_factory)
        return d
    return obj


def astuple(obj, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, dict):
        d = dict()
        for k in obj:
            d[_astuple_inner(k, tuple_factory)] = _astuple_inner(obj[k], tuple_factory)
        return d
    return obj


def replace(obj, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError("field " + f.name + " is declared with init=False, it cannot be specified with replace()")
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields_spec, bases=(), namespace=None, **kwargs):
    anns = dict()
    ns = {}
    for item in fields_spec:
        if isinstance(item, str):
            anns[item] = 'typing.Any'
        elif len(item) == 2:
            anns[item[0]] = item[1]
        else:
            anns[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns['__annotations__'] = anns
    ns['__module__'] = '__main__'
    cls = type(cls_name, bases or (object,), ns)
    return dataclass(cls, **kwargs)

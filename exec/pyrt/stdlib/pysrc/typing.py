# typing: the names real code imports for annotations. Annotations are not
# checked at run time, so the special forms are inert objects that can be
# subscripted (List[int], Dict[str, int], Optional[X], Callable[[A], B])
# and print like CPython's.


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return obj.__module__ + "." + obj.__qualname__
    if obj is Ellipsis:
        return "..."
    if obj is None:
        return "None"
    return repr(obj)


class _Alias(object):
    def __init__(self, name, origin=None, args=(), nparams=-1, module="typing"):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args
        self._nparams = nparams
        self._module = module

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Alias(self._name, self.__origin__, params, self._nparams, self._module)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError("Type " + self._name + " cannot be instantiated; use " + self._name.lower() + "() instead")
        return self.__origin__(*args, **kwargs)

    def __repr__(self):
        base = self._module + "." + self._name
        if not self.__args__:
            return base
        return base + "[" + ", ".join([_param_repr(a) for a in self.__args__]) + "]"

    def __eq__(self, other):
        if not isinstance(other, _Alias):
            return NotImplemented
        return self._name == other._name and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self._name)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        if self.__origin__ is None:
            raise TypeError(self._name + " cannot be used with isinstance()")
        return isinstance(obj, self.__origin__)


def _param_repr(a):
    if isinstance(a, list):
        return "[" + ", ".join([_param_repr(x) for x in a]) + "]"
    return _type_repr(a)


class _Union(_Alias):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        flat = []
        for p in params:
            if p is None:
                p = type(None)
            if isinstance(p, _Union) and p.__args__:
                for q in p.__args__:
                    if q not in flat:
                        flat.append(q)
            elif p not in flat:
                flat.append(p)
        if len(flat) == 1:
            return flat[0]
        return _Union("Union", None, tuple(flat))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return "typing.Optional[" + _type_repr(other) + "]"
        if not args:
            return "typing.Union"
        return "typing.Union[" + ", ".join([_type_repr(a) for a in args]) + "]"


class _Optional(_Alias):
    def __getitem__(self, param):
        return Union[param, None]


class _Special(object):
    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Alias(self._name, None, params)

    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate typing." + self._name)


Any = _Special("Any")
NoReturn = _Special("NoReturn")
Never = _Special("Never")
ClassVar = _Special("ClassVar")
Final = _Special("Final")
Literal = _Special("Literal")
Annotated = _Special("Annotated")
TypeAlias = _Special("TypeAlias")
Self = _Special("Self")
LiteralString = _Special("LiteralString")
Union = _Union("Union")
Optional = _Optional("Optional")

List = _Alias("List", list)
Dict = _Alias("Dict", dict)
Set = _Alias("Set", set)
FrozenSet = _Alias("FrozenSet", frozenset)
Tuple = _Alias("Tuple", tuple)
Type = _Alias("Type", type)
DefaultDict = _Alias("DefaultDict")
OrderedDict = _Alias("OrderedDict")
Counter = _Alias("Counter")
Deque = _Alias("Deque")
ChainMap = _Alias("ChainMap")
Callable = _Alias("Callable")
Iterable = _Alias("Iterable")
Iterator = _Alias("Iterator")
Generator = _Alias("Generator")
Sequence = _Alias("Sequence")
MutableSequence = _Alias("MutableSequence")
Mapping = _Alias("Mapping")
MutableMapping = _Alias("MutableMapping")
AbstractSet = _Alias("AbstractSet")
MutableSet = _Alias("MutableSet")
Collection = _Alias("Collection")
Container = _Alias("Container")
Hashable = _Alias("Hashable")
Sized = _Alias("Sized")
Reversible = _Alias("Reversible")
Awaitable = _Alias("Awaitable")
Coroutine = _Alias("Coroutine")
AsyncIterator = _Alias("AsyncIterator")
AsyncIterable = _Alias("AsyncIterable")
KeysView = _Alias("KeysView")
ValuesView = _Alias("ValuesView")
ItemsView = _Alias("ItemsView")
Pattern = _Alias("Pattern")
Match = _Alias("Match")
IO = _Alias("IO")
TextIO = _Alias("TextIO")
BinaryIO = _Alias("BinaryIO")
SupportsInt = _Alias("SupportsInt")
SupportsFloat = _Alias("SupportsFloat")
SupportsAbs = _Alias("SupportsAbs")
SupportsIndex = _Alias("SupportsIndex")
Text = str
AnyStr = None
TYPE_CHECKING = False


class TypeVar(object):
    def __init__(self, name, *constraints, **kwargs):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = kwargs.get("bound")
        self.__covariant__ = kwargs.get("covariant", False)
        self.__contravariant__ = kwargs.get("contravariant", False)

    def __repr__(self):
        if self.__covariant__:
            return "+" + self.__name__
        if self.__contravariant__:
            return "-" + self.__name__
        return "~" + self.__name__

    def __or__(self, other):
        return Union[self, other]


AnyStr = TypeVar("AnyStr", bytes, str)


class ParamSpec(TypeVar):
    pass


class Generic(object):
    """Base for generic classes. Generic[T] needs the runtime to call
    __class_getitem__ on subscription of a class."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = getattr(obj, "__annotations__", None)
    d = dict()
    if hints:
        for k in hints:
            d[k] = hints[k]
    return d


def get_origin(tp):
    return getattr(tp, "__origin__", None)


def get_args(tp):
    return getattr(tp, "__args__", ())


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


class NamedTuple(object):
    """Both forms: NamedTuple('P', [('x', int)]) and a base class whose
    annotated attributes are the fields. The class form reads the fields
    when the first instance is made, so P._fields exists only after that."""

    def __init_subclass__(cls, **kwargs):
        _install_namedtuple_methods()

    def __new__(cls, *args, **kwargs):
        from collections import namedtuple, _NamedTupleBase
        if cls is NamedTuple:
            typename = args[0]
            fields = args[1] if len(args) > 1 else list(kwargs.items())
            return namedtuple(typename, [f[0] for f in fields])
        if '_fields' not in cls.__dict__:
            anns = cls.__dict__.get('__annotations__')
            names = list(anns) if anns else []
            defaults = dict()
            for n in names:
                if n in cls.__dict__:
                    defaults[n] = cls.__dict__[n]
            cls._fields = tuple(names)
            cls._field_defaults = defaults
            cls._typename = cls.__name__
        return object.__new__(cls)


# The tuple methods come from collections, which costs a fresh worker tens
# of milliseconds to compile: they are installed when the first class
# subclasses NamedTuple, not when typing is imported (most programs import
# typing for List and Dict only).
_namedtuple_methods_installed = [False]


def _install_namedtuple_methods():
    if _namedtuple_methods_installed[0]:
        return
    _namedtuple_methods_installed[0] = True
    from collections import _NamedTupleBase
    for name in list(_NamedTupleBase.__dict__):
        if name in ('__new__', '__dict__', '__weakref__', '__module__', '__qualname__', '__doc__'):
            continue
        if name not in NamedTuple.__dict__:
            setattr(NamedTuple, name, _NamedTupleBase.__dict__[name])


def TypedDict(typename, fields=None, total=True, **kwargs):
    return dict

# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.
#
# CPython builds members in EnumMeta; this runtime has no metaclasses, so
# members are built in Enum.__init_subclass__, which the runtime calls
# after creating each subclass (as CPython's type.__new__ does). What the
# metaclass gives a class (list(Color), len(Color), x in Color) comes from
# class-level hooks the runtime calls instead (exec/pyrt/pyobj/classproto.go).
#
# A class namespace is a Go map here; the runtime records the body's
# definition order in __stelp_order__, which orders the members. Classes
# made without a body (type(...)) fall back to auto() creation order, then
# value order when the values are comparable, then name order.

_auto_counter = [0]


class auto(object):
    def __init__(self):
        _auto_counter[0] += 1
        self._order = _auto_counter[0]
        self.value = None

    def __repr__(self):
        return "auto(" + repr(self.value) + ")"


def _is_descriptor(obj):
    return hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__')


def _member_candidates(cls):
    names = []
    for name in list(cls.__dict__.keys()):
        if name.startswith('_'):
            continue
        value = cls.__dict__[name]
        if _is_descriptor(value) or isinstance(value, type) or callable(value) and not isinstance(value, auto):
            continue
        names.append(name)
    return names


def _order_key_auto(item):
    return item[1]._order


def _sort_members(cls, names):
    order = getattr(cls, '__stelp_order__', None)
    if order is not None:
        position = {}
        for i, n in enumerate(order):
            position[n] = i
        ranked = sorted(names, key=lambda n: position.get(n, len(position)))
        return [(n, cls.__dict__[n]) for n in ranked]
    autos = []
    plain = []
    for n in names:
        v = cls.__dict__[n]
        if isinstance(v, auto):
            autos.append((n, v))
        else:
            plain.append((n, v))
    try:
        plain = sorted(plain, key=_value_key)
    except TypeError:
        plain = sorted(plain, key=_name_key)
    autos = sorted(autos, key=_order_key_auto)
    return plain + autos


def _value_key(item):
    return item[1]


def _name_key(item):
    return item[0]


class Enum(object):
    _member_names_ = []
    _member_map_ = {}
    _value2member_map_ = {}

    def __init_subclass__(cls, **kwargs):
        _build_members(cls)

    def __new__(cls, value):
        if isinstance(value, cls):
            return value
        members = cls.__dict__.get('_value2member_map_')
        if members is not None:
            try:
                if value in members:
                    return members[value]
            except TypeError:
                pass
            for m in cls.__dict__['_member_map_'].values():
                if m._value_ == value:
                    return m
        missing = cls._missing_(value)
        if missing is not None:
            return missing
        raise ValueError(repr(value) + " is not a valid " + cls.__qualname__)

    def _missing_(cls, value):
        return None
    _missing_ = classmethod(_missing_)

    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start
    _generate_next_value_ = staticmethod(_generate_next_value_)

    def __class_getitem__(cls, name):
        return cls.__dict__['_member_map_'][name]

    # Class-level protocol a metaclass would give (see pyobj/classproto.go).
    @classmethod
    def __stelp_class_iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    @classmethod
    def __stelp_class_len__(cls):
        return len(cls._member_names_)

    @classmethod
    def __stelp_class_contains__(cls, member):
        return isinstance(member, cls) and cls._member_map_.get(member._name_) is member

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<" + type(self).__name__ + "." + self._name_ + ": " + repr(self._value_) + ">"

    def __str__(self):
        return type(self).__name__ + "." + self._name_

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return (self.__class__, (self._value_,))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _build_members(cls):
    names = _member_candidates(cls)
    if not names:
        return
    for base in cls.__mro__[1:]:
        if base.__dict__.get('_member_names_'):
            raise TypeError(repr(cls.__name__) + " cannot extend " + repr(base))
    member_names = []
    member_map = dict()
    value_map = dict()
    last_values = []
    for name, value in _sort_members(cls, names):
        if isinstance(value, auto):
            value.value = cls._generate_next_value_(name, 1, len(member_names), last_values[:])
            value = value.value
        existing = None
        for m in member_map.values():
            if m._value_ == value:
                existing = m
                break
        if existing is not None:
            member = existing
        else:
            member = object.__new__(cls)
            member._name_ = name
            member._value_ = value
            init = cls.__dict__.get('__init__')
            if init is not None:
                if isinstance(value, tuple):
                    init(member, *value)
                else:
                    init(member, value)
            member_names.append(name)
            try:
                value_map[value] = member
            except TypeError:
                pass
        member_map[name] = member
        last_values.append(value)
        setattr(cls, name, member)
    cls._member_names_ = member_names
    cls._member_map_ = member_map
    cls._value2member_map_ = value_map
    cls.__members__ = member_map


class IntEnum(Enum):
    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __hash__(self):
        return hash(self._value_)

    def __eq__(self, other):
        if isinstance(other, Enum):
            return self is other or (isinstance(other, IntEnum) and self._value_ == other._value_)
        return self._value_ == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        return self._value_ < int(other)

    def __le__(self, other):
        return self._value_ <= int(other)

    def __gt__(self, other):
        return self._value_ > int(other)

    def __ge__(self, other):
        return self._value_ >= int(other)

    def __add__(self, other):
        return self._value_ + other

    def __radd__(self, other):
        return other + self._value_

    def __sub__(self, other):
        return self._value_ - other

    def __rsub__(self, other):
        return other - self._value_

    def __mul__(self, other):
        return self._value_ * other

    def __rmul__(self, other):
        return other * self._value_


class StrEnum(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    _generate_next_value_ = staticmethod(_generate_next_value_)

    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)

    def __eq__(self, other):
        if isinstance(other, str):
            return self._value_ == other
        return self is other

    def __hash__(self):
        return hash(self._value_)


class Flag(Enum):
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return 1
        high = max(last_values)
        return 2 ** high.bit_length()
    _generate_next_value_ = staticmethod(_generate_next_value_)


class IntFlag(IntEnum):
    _generate_next_value_ = Flag._generate_next_value_


def unique(enumeration):
    duplicates = []
    for name in enumeration.__members__:
        member = enumeration.__members__[name]
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        details = ', '.join([a + ' -> ' + b for a, b in duplicates])
        raise ValueError('duplicate values found in ' + repr(enumeration) + ': ' + details)
    return enumeration


# Refuse to load where the runtime does not call __init_subclass__: members
# would silently stay plain values.
class _Probe(Enum):
    X = 1


if not isinstance(_Probe.__dict__.get('X'), _Probe):
    raise ImportError("enum needs a runtime that calls __init_subclass__ when a class is created")

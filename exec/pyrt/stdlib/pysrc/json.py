# json: the encoder and decoder are Go (dumps, loads, dump, load); these
# classes give cls= and subclassing their CPython behaviour.


class JSONEncoder(object):
    item_separator = ', '
    key_separator = ': '

    def __init__(self, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        self.separators = separators
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError('Object of type ' + type(o).__name__ + ' is not JSON serializable')

    def encode(self, o):
        return _dumps(o, skipkeys=self.skipkeys, ensure_ascii=self.ensure_ascii,
                      check_circular=self.check_circular, allow_nan=self.allow_nan,
                      sort_keys=self.sort_keys, indent=self.indent, separators=self.separators,
                      default=self.default)

    def iterencode(self, o, _one_shot=False):
        return iter([self.encode(o)])


class JSONDecoder(object):
    def __init__(self, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        return _loads(s, object_hook=self.object_hook, parse_float=self.parse_float,
                      parse_int=self.parse_int, object_pairs_hook=self.object_pairs_hook)


def dumps(obj, cls=None, **kw):
    if cls is None:
        return _dumps(obj, **kw)
    return cls(**kw).encode(obj)


def dump(obj, fp, cls=None, **kw):
    fp.write(dumps(obj, cls=cls, **kw))


def loads(s, cls=None, **kw):
    if cls is None:
        return _loads(s, **kw)
    return cls(**kw).decode(s)


def load(fp, cls=None, **kw):
    return loads(fp.read(), cls=cls, **kw)

# abc: abstract base classes. gpython has no metaclass machinery that the
# runtime relies on, so ABC records abstract methods and __init_subclass__-
# free checking happens in ABC.__new__ style: instantiating a class that
# still has abstract methods raises TypeError as CPython does.


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _abstracts(cls):
    names = []
    seen = set()
    for klass in cls.__mro__:
        for name in klass.__dict__:
            if name in seen:
                continue
            seen.add(name)
            value = klass.__dict__[name]
            if getattr(value, "__isabstractmethod__", False):
                names.append(name)
    names.sort()
    return names


class ABC(object):
    def __new__(cls, *args, **kwargs):
        names = _abstracts(cls)
        if names:
            s = ""
            for n in names:
                if s:
                    s = s + ", "
                s = s + n
            if len(names) == 1:
                raise TypeError("Can't instantiate abstract class %s with abstract method %s" % (cls.__name__, s))
            raise TypeError("Can't instantiate abstract class %s with abstract methods %s" % (cls.__name__, s))
        return object.__new__(cls)


class ABCMeta(object):
    """Stands for CPython's ABCMeta, which this runtime (without
    metaclasses) cannot provide: a class statement naming it as metaclass
    gets ABC as an extra base, so its abstract methods are enforced."""


ABCMeta.__stelp_as_base__ = ABC

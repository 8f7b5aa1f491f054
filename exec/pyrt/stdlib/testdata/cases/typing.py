#=== annotations_run
from typing import List, Dict, Tuple, Optional, Union, Any, Callable, Iterable, Iterator, Sequence, Set, FrozenSet, Generator, TypeVar
T = TypeVar("T")
def f(xs: List[int], m: Dict[str, int], t: Tuple[int, ...], o: Optional[str] = None) -> Union[int, str]:
    return sum(xs) + len(m) + len(t)
print(f([1, 2], {"a": 1}, (1, 2, 3)))
def g(cb: Callable[[int], int], it: Iterable[int]) -> Iterator[int]:
    return iter([cb(x) for x in it])
print(list(g(lambda x: x * 2, [1, 2])))
print(T, List, List[int], Dict[str, List[int]], Optional[int], Union[int, str], Tuple[int, ...], Any)
print(Callable[[int, str], bool], Set[int], FrozenSet[str], Sequence[int])
#=== misc
import typing
from typing import cast, Optional, Union
print(cast(int, "x"), typing.TYPE_CHECKING, Union[int], Union[int, None], Optional[Union[int, str]])
print(List if False else typing.List[typing.Any])
#=== namedtuple_forms
from typing import NamedTuple
class Employee(NamedTuple):
    name: str
    id: int = 3
e = Employee("guido")
print(e, e.name, e.id, e[0], Employee("x", 5), Employee._fields, tuple(e), e._replace(id=9), e == ("guido", 3))
P = NamedTuple("P", [("x", int), ("y", int)])
print(P(1, 2), P(1, 2).y)

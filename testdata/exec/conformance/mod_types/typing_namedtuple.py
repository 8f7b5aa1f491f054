from typing import NamedTuple
class Emp(NamedTuple):
    name: str
    id: int = 0
e = Emp("a", 3)
print(e, e.name, Emp("b"), e._asdict())

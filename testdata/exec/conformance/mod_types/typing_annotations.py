from typing import List, Dict, Optional, Tuple, Union, Any, Callable
def f(xs: List[int], m: Dict[str, int], o: Optional[str] = None) -> Tuple[int, str]:
    return len(xs) + len(m), o or "none"
print(f([1], {"a": 1}))
Num = Union[int, float]
def g(h: Callable[[int], int], x: Any) -> Num:
    return h(x)
print(g(lambda v: v * 2, 4))

from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
class Base(metaclass=ABCMeta):
    @abstractmethod
    def run(self): ...
try:
    Shape()
except TypeError as e:
    print("TypeError", e)
try:
    Base()
except TypeError as e:
    print("TypeError", e)
print(Sq(3).area(), isinstance(Sq(2), Shape))

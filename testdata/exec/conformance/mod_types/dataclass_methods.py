from dataclasses import dataclass
@dataclass
class Stack:
    items: list
    def push(self, x):
        self.items.append(x)
    def size(self):
        return len(self.items)
s = Stack([])
s.push(1)
print(s.size(), s)

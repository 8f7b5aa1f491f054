from typing import List, Dict, Optional, Tuple


class Account:
    interest = 0.02

    def __init__(self, owner: str, balance: float = 0.0) -> None:
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount: float) -> None:
        if amount <= 0:
            raise ValueError("Deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount: float) -> None:
        if amount > self.balance:
            raise InsufficientFunds(self.balance, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def __repr__(self) -> str:
        return "Account(owner=%r, balance=%.2f)" % (self.owner, self.balance)

    def __str__(self):
        return "{} has ${:,.2f}".format(self.owner, self.balance)


class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super(InsufficientFunds, self).__init__("balance {} < {}".format(balance, amount))
        self.balance = balance
        self.amount = amount


class Savings(Account):
    interest = 0.05

    def add_interest(self):
        self.deposit(round(self.balance * self.interest, 2))


accts = [Account("ann", 100), Savings("bob", 1234.5), Account("cy")]
accts[0].deposit(50)
accts[1].add_interest()
for a in accts:
    print(a, repr(a))
try:
    accts[2].withdraw(10)
except InsufficientFunds as e:
    print("error:", e, e.balance, e.amount)
try:
    accts[2].deposit(-1)
except ValueError as e:
    print("error:", e)
print(sorted(accts, key=lambda a: a.balance, reverse=True)[0].owner)
print(sum(a.balance for a in accts), max(accts, key=lambda a: len(a.history)).owner)


def word_freq(text: str) -> Dict[str, int]:
    freq = {}
    for word in text.lower().split():
        word = word.strip(".,!?;:")
        if word:
            freq[word] = freq.get(word, 0) + 1
    return freq


text = "The quick brown fox. The lazy dog! The end, the END?"
freq = word_freq(text)
print(freq)
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top)
for word, count in top:
    print("%-6s %3d %s" % (word, count, "*" * count))


def fib(n: int, memo: Optional[Dict[int, int]] = None) -> int:
    if memo is None:
        memo = {}
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1, memo) + fib(n - 2, memo)
    return memo[n]


print([fib(i) for i in range(15)], fib(90))


def matrix_mult(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]


print(matrix_mult([[1, 2], [3, 4]], [[5, 6], [7, 8]]))
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid, [list(r) for r in zip(*grid)])
stack, queue = [], []
for ch in "({[]})":
    if ch in "({[":
        stack.append(ch)
    else:
        queue.append((stack.pop(), ch))
print(queue, not stack)
people = [{"name": "A", "age": 30}, {"name": "B", "age": 25}, {"name": "C", "age": 30}]
by_age = {}
for p in people:
    by_age.setdefault(p["age"], []).append(p["name"])
print(by_age, sorted(people, key=lambda p: (p["age"], p["name"])))
print({p["name"]: p["age"] for p in people if p["age"] > 26})
print("Average age: %.1f" % (sum(p["age"] for p in people) / len(people)))
print("|".join("{:^5}".format(p["name"]) for p in people))
s = "Hello, World"
print(s[::-1], s.swapcase(), s.count("l"), s.find("World"), s.replace("World", "There"), s.split(", "), s.isalpha())
print(" ".join(w.capitalize() for w in "hello big world".split()), "-".join(reversed("a-b-c".split("-"))))
print(list(filter(str.isdigit, "a1b2c3")), "".join(sorted("hello")), len(set("mississippi")))
nums = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(sorted(set(nums)), nums.count(5), nums.index(9), max(nums), min(nums), sum(nums) / len(nums))
evens = [n for n in nums if n % 2 == 0]
squares = {n: n ** 2 for n in set(nums)}
print(evens, squares, any(n > 8 for n in nums), all(n > 0 for n in nums))
pairs = list(zip(nums[::2], nums[1::2]))
print(pairs, dict(pairs), [a * b for a, b in pairs])
print(divmod(17, 5), 17 // 5, 17 % 5, -17 // 5, -17 % 5, 2 ** 0.5, round(2 ** 0.5, 3), abs(-7.25))
print("{:.3f} {:>6} {:<6}|{:^6}|".format(3.14159, "r", "l", "c"))

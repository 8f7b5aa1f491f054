class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("amount must be positive")
        self.balance += amt
        self.history.append(("dep", amt))
    def withdraw(self, amt):
        if amt > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amt}")
        self.balance -= amt
        self.history.append(("wd", amt))
a = Account("ann")
a.deposit(100)
a.withdraw(30)
try:
    a.withdraw(500)
except ValueError as e:
    print("error:", e)
print(a.balance, a.history)

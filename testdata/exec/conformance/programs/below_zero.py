def below_zero(ops):
    balance = 0
    for op in ops:
        balance += op
        if balance < 0:
            return True
    return False
print(below_zero([1, 2, -4, 5]), below_zero([1, 2, 3]))

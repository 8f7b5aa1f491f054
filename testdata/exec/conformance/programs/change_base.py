def change_base(x, base):
    ret = ""
    while x > 0:
        ret = str(x % base) + ret
        x //= base
    return ret
print(change_base(8, 3), change_base(8, 2), change_base(7, 2))

# expect: violation attribute
def outer():
    x = 1
    def inner():
        return x
    return inner
print(outer().__closure__)

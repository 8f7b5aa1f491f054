async def f():
    await g()
    async for x in y:
        pass
    async with z:
        pass
try:
    pass
except* ValueError:
    pass
a = b @ c
def gen(x):
    return x
def free():
    return super().x()

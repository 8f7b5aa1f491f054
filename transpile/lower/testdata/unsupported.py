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
type Alias = int
def gen[T](x: T) -> T:
    return x
def free():
    return super().x()

class Cfg:
    name: str = "default"
    size: int = 3
    tags: list
print(Cfg.name, Cfg.size, list(Cfg.__annotations__))

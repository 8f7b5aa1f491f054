"""Code that reaches os without importing it: the resolver sees through
the string building, the getattr and the dunder walk."""

name = "ev" + "al"
run = getattr(__builtins__, name)
run("1 + 1")

for cls in ().__class__.__bases__[0].__subclasses__():
    if cls.__name__ == "catch_warnings":
        cls()._module.__builtins__["__import__"]("os").system("id")

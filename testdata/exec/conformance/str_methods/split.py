print("a b  c".split(), "a,b,,c".split(","), "a,b,c".split(",", 1), "  x ".split(" "))

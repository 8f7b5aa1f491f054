print("  a\tb\nc  ".split(), "a  b".split(" "), "".split(), "".split(","))

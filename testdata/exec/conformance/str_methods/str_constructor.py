print(str(12), str(1.5), str([1, "a"]), str(None), str(True), str(b"x"), repr("a\nb"), repr("it's"), repr('say "hi"'))

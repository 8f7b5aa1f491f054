print(repr("tab\there"), repr("\x00\x7f"), repr("é"), repr("\u2028"), repr("back\\slash"))

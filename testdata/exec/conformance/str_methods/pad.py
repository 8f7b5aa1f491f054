print(repr("7".zfill(3)), repr("-7".zfill(4)), repr("ab".center(6, "*")), repr("ab".ljust(5)), repr("ab".rjust(5, ".")), repr("abc".center(6)))

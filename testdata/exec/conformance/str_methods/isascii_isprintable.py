print("abc".isascii(), "é".isascii(), "a\n".isprintable(), "ab".isprintable())

print(chr(65), ord("A"), format(255, "x"), format(3.14159, ".2f"), format("s", "^5"), format(1234567, ","))

print(format("abc", ">6"), format(3.5, "08.3f"), format(12, "b"), format(0.1234, ".1%"))

print(abs(-5), abs(-2.5), divmod(17, 5), divmod(-17, 5), pow(3, 4), pow(2, -2), pow(5, 3, 7))

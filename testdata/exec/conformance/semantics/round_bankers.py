print(round(2.5), round(3.5), round(0.5), round(-1.5), round(2.675, 2), round(1234, -2), round(7.0), round(1.25, 1))

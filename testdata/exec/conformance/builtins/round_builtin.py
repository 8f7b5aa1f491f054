print(round(3.14159, 2), round(2.5), round(-0.5), round(1.5), round(10.0 / 3, 3), round(5), type(round(2.5)).__name__, type(round(2.5, 1)).__name__)

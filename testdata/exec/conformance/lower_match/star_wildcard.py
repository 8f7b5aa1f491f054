match [1, 2, 3, 4]:
    case [1, *_, 4]:
        print("starts 1 ends 4")

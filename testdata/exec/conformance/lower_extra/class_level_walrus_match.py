class Config:
    (size := 4)
    double = size * 2
    match double:
        case 8 as eight:
            label = "eight"
        case _:
            label = "other"
print(Config.size, Config.double, Config.label, Config.eight)

for item in [1, "two", 3.0, [4], None]:
    match item:
        case int():
            print("int")
        case str():
            print("str")
        case None:
            print("stop")
            break
        case _:
            print("other", item)

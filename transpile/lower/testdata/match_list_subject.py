match [1, 2, 3, 4]:
    case [1, *_, 4]:
        print("starts 1 ends 4")
def f(xs):
    match [x * 2 for x in xs
           if x]:
        case [a, *rest]:
            return a, rest
print(f([1, 2]))
match = {"match": 1}
print(match ["match"])
match [0]: int = 5

print(type(1).__name__, type("").__name__, type([]).__name__, type({}).__name__, type(None).__name__, type(1.5), type(print).__name__)

print("hello".startswith("he"), "hello".endswith(("lo", "x")), "hello".startswith("l", 2))

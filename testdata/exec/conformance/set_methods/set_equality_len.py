print(set("hello") == set("olleh"), len(set("mississippi")))

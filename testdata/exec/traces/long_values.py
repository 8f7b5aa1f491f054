words = ["alpha", "beta", "gamma"] * 20
text = "-".join(words) if hasattr("", "join") else "no join"
count = len(words)
nested = {"k": [1, 2, 3]}

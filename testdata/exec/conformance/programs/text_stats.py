text = """It was the best of times,
it was the worst of times."""
lines = text.splitlines()
words = text.replace(",", "").replace(".", "").lower().split()
print(len(lines), len(words), len(set(words)), max(words, key=len), sorted(set(words))[:3])

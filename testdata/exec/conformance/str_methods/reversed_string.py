s = "stressed"
print("".join(reversed(s)), s[::-1] == "desserts")

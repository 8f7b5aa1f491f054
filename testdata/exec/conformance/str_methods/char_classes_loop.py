s = "Hello, World! 123"
print(sum(c.isupper() for c in s), sum(c.isdigit() for c in s), sum(not c.isalnum() for c in s))

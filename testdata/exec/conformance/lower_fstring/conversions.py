s = "a'b"
print(f"{s!r} {s!s} {s!a}")
print(f"{'é'!a}")

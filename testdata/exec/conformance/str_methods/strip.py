print(repr("  hi  ".strip()), repr("xxhixx".strip("x")), repr("  a ".lstrip()), repr(" a  ".rstrip()))

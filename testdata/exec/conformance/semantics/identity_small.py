a = None
print(a is None, [] is not [], type(3) is int)

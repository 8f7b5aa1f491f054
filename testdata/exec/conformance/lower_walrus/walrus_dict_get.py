def lookup(d, k):
    if (v := d.get(k)) is not None:
        return v * 2
    return -1
print(lookup({"a": 2}, "a"), lookup({"a": 2}, "b"))

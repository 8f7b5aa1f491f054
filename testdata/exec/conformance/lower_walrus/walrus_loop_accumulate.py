def chunks(data, size):
    out = []
    pos = 0
    while (chunk := data[pos:pos + size]):
        out.append(chunk)
        pos += size
    return out, chunk
print(chunks("abcdefg", 3))

def encode_cyclic(s):
    groups = [s[(3 * i):min((3 * i + 3), len(s))] for i in range((len(s) + 2) // 3)]
    groups = [(group[1:] + group[0]) if len(group) == 3 else group for group in groups]
    return "".join(groups)
def decode_cyclic(s):
    return encode_cyclic(encode_cyclic(s))
e = encode_cyclic("abcdefgh")
print(e, decode_cyclic(e))

d = {}
d = {1: 'a', (2, 3): 'b',
     'k': 2,  # trailing
}
m = {**d, 'x': 1, **{'y': 2}}
s = {1, 2, 3}
s2 = {*s, 4, *[5]}
e = {k: v for k, v in d.items() if k}
g = {x for x in range(3)}
l = [*s, *[1, 2], 3]
t = (*l, 9)
r = *l, 1
a, *b = l
[c, *e2] = l
for i, *j in [(1, 2, 3)]:
    pass
def f():
    return *l, 0
z = {
    'a': [
        1,
        2,
    ],
    'b': {
        'c': 3,
    },
}
n = 1_000_000 + 0x_ff + 1_0.5_0 + 1_0j

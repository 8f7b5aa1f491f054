# expect: violation builtin
f = open('stelp_created.txt', 'w')
f.write('x')

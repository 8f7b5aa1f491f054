width, prec = 12, 3
v = 2.718281828
print(f"|{v:{width}.{prec}f}|")
print(f"|{'txt':>{width}}|")
print(f"|{v:{'<'}{width}}|")

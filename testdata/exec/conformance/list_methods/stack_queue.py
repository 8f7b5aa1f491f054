stack = []
stack.append(1); stack.append(2)
print(stack.pop(), stack)
q = [1, 2, 3]
print(q.pop(0), q)

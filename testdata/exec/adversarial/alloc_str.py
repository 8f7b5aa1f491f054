# expect: limit
# gpython builds 'ab'*n by appending: the memory cap or the wall clock stops it, whichever comes first.
x = 'ab' * 10**10

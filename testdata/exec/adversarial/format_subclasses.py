# expect: error|violation
print('{0.__class__.__base__.__subclasses__}'.format(1))

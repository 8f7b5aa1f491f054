# expect: violation import
imp = __import__
m = imp('o' + 's')

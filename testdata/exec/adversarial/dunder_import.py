# expect: violation import
os = __import__('os')
print(os.listdir('.'))

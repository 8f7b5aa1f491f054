try:
    dict.get(5, 1)
except Exception as e:
    print(type(e).__name__)
try:
    set.add([], 1)
except Exception as e:
    print(type(e).__name__)
try:
    str.join(5, [])
except Exception as e:
    print(type(e).__name__)
print("alive")

counter = 0
def inc():
    global counter
    return (counter := counter + 10)
print(inc(), inc(), counter)

# run: the original and the fixed program print the same
def log(msg):
    msg = msg.upper()
    file = open('log.txt', 'w')  # opened and never closed
    file.write(msg)
    print("logged", len(msg))


def touch():
    open('touched.txt', 'w')


def kept():
    f = open('kept.txt', 'w')
    return f  # escapes the function: no fix


log("hello")
touch()


def deferred():
    out = open('later.txt', 'w')
    write = lambda s: out.write(s)  # used after the block could close it: no fix
    return write

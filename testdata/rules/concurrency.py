import threading  # expect: SP301

lock1 = threading.Lock()
lock2 = threading.Lock()


def one():
    lock1.acquire()
    lock2.acquire()  # expect: SP822
    lock2.release()
    lock1.release()


def two():
    lock2.acquire()
    lock1.acquire()  # expect: SP822
    lock1.release()
    lock2.release()


def leak():
    lock1.acquire()  # expect: SP821
    return 1


def fine():
    with lock1:
        pass
    with lock2:
        pass


def nested_with():
    with lock1:
        with lock2:  # expect: SP822
            pass


t = threading.Thread(target=one)  # expect: SP823
for _ in range(3):
    threading.Thread(target=two).start()  # expect: SP809


def files():
    f = open("log.txt", "w")  # expect: SP501, SP831
    f.write("x")
    g = open("ok.txt")  # expect: SP501
    g.close()
    with open("w.txt") as h:  # expect: SP501
        h.read()


def waits():
    ev = threading.Event()
    ev.wait()  # expect: SP824
    ev2 = threading.Event()
    ev2.set()
    ev2.wait()
    ev3 = threading.Event()
    ev3.wait(timeout=1)

# run: the original and the fixed program print the same
def wait(ready, log):
    while not ready:
        log.append("waiting")
    return log


print(wait(True, ["ready"]))

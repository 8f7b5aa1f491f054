import subprocess


def listing():
    return subprocess.run("ls -l /tmp", shell=True, capture_output=True)


def piped(name):
    return subprocess.check_output("grep " + name + " | wc -l", shell=True)  # unsafe: shell syntax

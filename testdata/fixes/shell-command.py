import os


def clean():
    os.system("rm -f build.log")  # unsafe fix only: os.system returns a status

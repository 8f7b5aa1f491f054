import os  # expect: SP301
import shutil  # expect: SP301
import tempfile  # expect: SP301
from pathlib import Path  # expect: SP301

with open("data.txt") as fh:  # expect: SP501
    data = fh.read()
with open("/etc/passwd") as fh:  # expect: SP501, SP502
    pass
with open("../../secret") as fh:  # expect: SP501, SP502
    pass
name = input()
with open(name) as fh:  # expect: SP501, SP502
    pass
Path("/etc/shadow").read_text()  # expect: SP501, SP502
os.remove("x")  # expect: SP503
shutil.rmtree("/tmp/x")  # expect: SP502, SP503
os.chmod("run.sh", 0o777)  # expect: SP504
os.listdir(".")  # expect: SP505
tempfile.mktemp()  # expect: SP506

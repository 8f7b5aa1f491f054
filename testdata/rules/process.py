import os  # expect: SP301
import subprocess  # expect: SP301
from os import system as run  # expect: SP301

os.system("ls")  # expect: SP401
run("id")  # expect: SP401
o = os
o.popen("ls").read()  # expect: SP401
subprocess.run(["ls"])  # expect: SP402
subprocess.Popen("ls", shell=True)  # expect: SP402, SP403
subprocess.check_output(cmd, shell=1)  # expect: SP402, SP403
os.execvp("sh", ["sh"])  # expect: SP404
os.fork()  # expect: SP404
os.kill(1, 9)  # expect: SP405
getattr(os, "sys" + "tem")("ls")  # expect: SP401

import hashlib
import random
import time  # expect: SP302
import os  # expect: SP301

hashlib.md5(b"x").hexdigest()  # expect: SP901
hashlib.new("sha1")  # expect: SP901
hashlib.md5(b"x", usedforsecurity=False)
hashlib.sha256(b"x")
token = random.randint(0, 10**6)  # expect: SP902
value = random.randint(0, 10)
random.seed(time.time())  # expect: SP903
random.seed(42)
key = os.environ["API_KEY"]  # expect: SP904
os.getenv("HOME")  # expect: SP904
password = "hunter2-secret"  # expect: SP905
password = ""
cur.execute(f"SELECT * FROM users WHERE name = '{name}'")  # expect: SP906
cur.execute("SELECT * FROM users WHERE name = ?", (name,))
q = "SELECT * FROM t WHERE id = " + uid
cur.execute(q)  # expect: SP906
cur.execute("SELECT * FROM t WHERE id = {}".format(uid))  # expect: SP906

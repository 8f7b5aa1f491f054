# expect: limit time
# allow: time
import time
time.sleep(3600)

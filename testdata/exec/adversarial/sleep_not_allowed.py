# expect: violation import
import time
time.sleep(3600)

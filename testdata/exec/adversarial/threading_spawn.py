# expect: violation import
import threading
threading.Thread(target=print).start()

# expect: violation import
import marshal
marshal.loads(b'\xe3')

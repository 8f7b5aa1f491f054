# expect: violation import
import tempfile
print(tempfile.mkdtemp())

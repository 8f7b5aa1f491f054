# expect: violation import
import subprocess
subprocess.run(['id'])

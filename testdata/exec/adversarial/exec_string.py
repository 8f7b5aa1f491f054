# expect: violation builtin
exec('import os')

# expect: violation builtin
fs = [print, eval]
fs[1]('2')

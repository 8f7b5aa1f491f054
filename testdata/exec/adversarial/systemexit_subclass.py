# expect: error
class Out(SystemExit):
    pass
raise Out('bye')

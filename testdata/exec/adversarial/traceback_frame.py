# expect: violation attribute
try:
    1 / 0
except Exception as e:
    tb = e.__traceback__
    print(tb.tb_frame.f_globals)

# expect: violation attribute
setattr(int, 'evil', 1)

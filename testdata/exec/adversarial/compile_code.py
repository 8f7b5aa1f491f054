# expect: violation builtin
c = compile('1+1', '<x>', 'eval')

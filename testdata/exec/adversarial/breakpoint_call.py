# expect: violation builtin
breakpoint()

n = 7
print(f"{{literal}} {n} {{{n}}}")
print(f"tab\tnew\\n {n}")

x = eval("1")  # stelp: ignore[SP101] constant expression kept for the demo
y = eval("2")  # stelp: ignore[SP101]  # expect: SP001
z = (
    eval("3")  # stelp: ignore[eval-call] multi-line statement, named by rule name
)
w = 1  # stelp: ignore[SP101] nothing to suppress here  # expect: SP002
v = eval("4")  # stelp: ignore[SP999] unknown rule  # expect: SP002, SP101
u = eval(  # stelp: ignore[SP101] comment on the first line of the statement
    "5"
)
t = eval("6")  # stelp: ignore  # expect: SP002, SP101

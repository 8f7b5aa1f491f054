def handle(ev):
    match ev:
        case {"type": "click", "x": x, "y": y}:
            return "click at " + str(x) + "," + str(y)
        case {"type": "key", "key": k, **rest}:
            return "key " + k + " extra " + str(sorted(rest))
        case {"type": t}:
            return "unknown " + t
        case {}:
            return "no type"
for e in [{"type": "click", "x": 1, "y": 2}, {"type": "key", "key": "a", "mod": 1, "rep": 0}, {"type": "scroll"}, {"z": 1}]:
    print(handle(e))

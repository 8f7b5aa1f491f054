cfg = {"db": {"host": "h", "port": 5432}, "debug": True}
match cfg:
    case {"db": {"host": host, "port": int(port)}, "debug": bool(dbg)}:
        print(host, port, dbg)

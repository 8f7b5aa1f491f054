print("hello wORLD it's".title(), " ".join(w.capitalize() for w in "a bc DEF".split()))

for w in (4, 6):
    for p in (1, 2):
        print(f"[{3.14159:>{w}.{p}f}] [{'s':{'^'}{w}}]")

for s in ["a", "abc", "abcde"]:
    print(f"[{s:*^7}] [{s:->6}] [{s:_<6}]")

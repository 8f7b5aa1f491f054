for s in ["abc", "ABC", "123", "a1", "", " ", "Title Case", "1.5", "٣"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isupper(), s.islower(), s.isspace(), s.istitle(), s.isnumeric(), s.isdecimal())

print("www.example.com".strip("cmowz."), "  \t\n x \n".strip())

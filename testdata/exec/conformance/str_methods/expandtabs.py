print(repr("a\tb".expandtabs(4)), repr("\tx".expandtabs()))

print("abc".isidentifier(), "1a".isidentifier(), "_x".isidentifier(), "a b".isidentifier())

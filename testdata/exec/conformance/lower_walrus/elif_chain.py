def classify(s):
    if (n := len(s)) == 0:
        return "empty"
    elif (u := s.upper()) == s:
        return "upper " + str(n)
    else:
        return "mixed " + u
print(classify(""), classify("AB"), classify("aB"))

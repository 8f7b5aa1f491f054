def parse_nested_parens(paren_string):
    def depth(s):
        d = m = 0
        for c in s:
            if c == "(":
                d += 1
                m = max(d, m)
            else:
                d -= 1
        return m
    return [depth(x) for x in paren_string.split(" ") if x]
print(parse_nested_parens("(()()) ((())) () ((())()())"))

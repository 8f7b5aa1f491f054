def is_palindrome(s):
    return s == s[::-1]
def make_palindrome(s):
    if not s:
        return ""
    beg = 0
    while not is_palindrome(s[beg:]):
        beg += 1
    return s + s[:beg][::-1]
print(make_palindrome("cat"), make_palindrome("cata"), make_palindrome(""))

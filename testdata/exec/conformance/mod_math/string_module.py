import string
print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.punctuation)
print(string.ascii_letters[:5], string.hexdigits, string.capwords("hello big world"), len(string.whitespace))

#=== constants
import string
print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace))
print(repr(string.printable))
print(string.capwords("hello   wORLD  foo"), string.capwords("a-b-c", "-"))
#=== from_import
from string import ascii_lowercase as lc, digits
print(lc[:3], digits[-1])

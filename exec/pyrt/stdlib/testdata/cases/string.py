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
#=== template
from string import Template
t = Template("$who likes $what, ${who}'s $$ too")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "ann", "what": "tea"}))
print(Template("$a and $b").safe_substitute(a=1), Template("x $y z").get_identifiers())
try:
    Template("$a $b").substitute(a=1)
except KeyError as e:
    print("KeyError", e)
try:
    Template("cost: $ 5").substitute()
except ValueError as e:
    print("ValueError", e)

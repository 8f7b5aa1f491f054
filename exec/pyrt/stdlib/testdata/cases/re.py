#=== match_search
import re
m = re.match(r"(\w+) (\w+)", "hello world foo")
print(m.group(0), m.group(1), m.group(2), m.group(1, 2), m.groups(), m.span(), m.start(2), m.end(2))
print(re.match(r"\d+", "abc123"), re.search(r"\d+", "abc123").group())
print(re.fullmatch(r"a|ab", "ab").group(), re.fullmatch(r"\d+", "12a"))
print(re.search(r"^b", "a\nb"), re.search(r"^b", "a\nb", re.M).span())
print(re.match("a", "a") is not None, re.match("a", "a"))
print(re.search(r"(?P<year>\d{4})-(?P<mon>\d\d)", "on 2024-03-15").groupdict())
m = re.search(r"(?P<first>\w+) (?P<last>\w+)", "Jane Doe")
print(m["first"], m.group("last"), m.lastindex, m.lastgroup, m.string, m.re.pattern)
print(re.search(r"(a)(b)?", "ac").groups(), re.search(r"(a)(b)?", "ac").groups("-"), re.search(r"(a)(b)?", "ac").span(2))
#=== findall
import re
print(re.findall(r"\d+", "a1b22c333"))
print(re.findall(r"(\w)=(\d)", "a=1, b=2, c=x"))
print(re.findall(r"(\w)=\d", "a=1, b=2"))
print(re.findall(r"\w*", "ab cd"))
print(re.findall(r"x*", "abxd"))
print(re.findall(r"(a)|(b)", "ab"))
print(re.findall(r"[A-Z][a-z]+", "Hello World From Python"))
print(re.findall(r"(?i)hello", "Hello HELLO hello"))
print(re.findall(r"\bcat\b", "cat concat cat."))
#=== finditer
import re
for m in re.finditer(r"\d+", "a1b22c333"):
    print(m.group(), m.span())
print([m.start() for m in re.finditer("a", "banana")])
#=== sub
import re
print(re.sub(r"\d", "#", "a1b2c3"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@home you@work"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "a bc"))
print(re.sub(r"(\d+)", r"\g<1>0", "5 6"))
print(re.sub(r"\s+", " ", "a   b \t\n c"))
print(re.sub(r"x*", "-", "abxd"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 10 pears"))
print(re.sub("a", "b", "aaaa", count=2), re.subn("a", "b", "aaaa"))
print(re.sub(r"(a)|b", r"[\1]", "ab"))
print(re.sub(r"\.", r"\\n", "a.b"), re.sub("a", "\\t", "xa"))
#=== split
import re
print(re.split(r"\s+", "a b   c"))
print(re.split(r"(,)", "a,b,c"))
print(re.split(r"[,;]\s*", "a, b;c,  d", maxsplit=2))
print(re.split(r"(a)|(b)", "xaybz"))
print(re.split(r"\b", "hi there"))
print(re.split(r"x*", "axbc"))
print(re.split(r"\d", "abc"))
#=== compile_flags
import re
p = re.compile(r"[a-z]+", re.I)
print(p.findall("Hello WORLD"), p.pattern, p.flags, p.groups)
print(p, re.compile("x"), re.compile("a", re.M | re.S))
print(re.compile(r"(?P<a>x)(?P<b>y)").groupindex)
v = re.compile(r"""
    (\d+)   # number
    \s*     # space
    ([a-z]+) # unit
""", re.VERBOSE)
print(v.match("10 kg").groups())
print(re.findall(r"a.c", "abc a\nc", re.S), re.findall(r"a.c", "abc a\nc"))
print(re.match(r"\w+", "héllo").group(), re.match(r"\w+", "héllo", re.A).group())
print(re.search(r"\d", "٣", re.A), re.search(r"\d", "٣") is not None)
print(p.match("abc", 1), p.search("ABC def", 3))
#=== escape_and_specials
import re
print(re.escape("a.b*c+(d)"), re.escape("hello world"), re.escape("x_y-z"))
print(re.findall(re.escape("1+1=2"), "is 1+1=2?"))
print(re.match(r"(?P<x>a)(?P=x)?", "a").group())
print(re.findall(r"(\w)\1", "aabbcd"))
print(re.findall(r"(?P<c>\w)(?P=c)", "xxyz"))
print(re.search(r"a{,2}b", "aaab").group(), re.search(r"a{2}", "aaa").group(), re.search(r"x{", "x{").group())
print(re.findall(r"(?<=@)\w+", "a@b c@d"), re.findall(r"\w+(?=!)", "hi! yo"))
print(re.search(r"end\Z", "the end").span(), re.search(r"\Aa", "ab").span())
print(re.match(r"[]a]+", "]a]").group(), re.match(r"[^]]+", "ab]").group())
print(re.search(r"(a(b))", "ab").lastindex, re.search(r"(a)(b*)", "a").lastindex)
#=== errors
import re
for pat in ["(", "a)", "*a", "[a", r"\q", "(?P<1>x)"]:
    try:
        re.compile(pat)
    except re.error as e:
        print("error:", e)
try:
    re.match("(a)", "a").group(5)
except IndexError as e:
    print("IndexError", e)
try:
    re.sub("(a)", r"\2", "a")
except re.error as e:
    print("error:", e)
#=== common_idioms
import re
print(re.sub(r"(?<!^)(?=[A-Z])", "_", "camelCaseNameXML").lower(), re.split(r"(\d+)", "ab12cd345"), re.findall(r"\b\w+\b", "Hi, you! ok?"))
email = re.compile(r"^[\w.+-]+@[\w-]+\.[\w.]+$")
print([bool(email.match(e)) for e in ["a.b@x.com", "bad@", "u+1@d-o.co.uk"]], bool(re.match(r"^\d{3}-\d{4}$", "555-1234")))
print(re.sub(r"[^a-zA-Z0-9]", "", "A man, a plan!"), re.findall(r"[A-Z][^A-Z]*", "HelloWorldFoo"), re.findall(r"cat", "Cat CAT cat", re.IGNORECASE))
print(re.search(r"(\d+)\.(\d+)", "v 3.14 x").groups(), re.findall(r"\d+\.?\d*", "1 2.5 3. x"), re.sub(r"\s{2,}", " ", "a  b     c"))
print(re.findall(r"(?m)^\w+", "one two\nthree four\nfive"), re.findall(r"\w+$", "end line\nlast"), re.sub(r"^", "> ", "a\nb", flags=re.M))
print(re.split(r"\s*,\s*", "a , b,c ,d"), re.fullmatch(r"[01]+", "10102"), re.sub(r"(.)\1+", r"\1", "aaabccdddd"))
print(re.findall(r"'([^']*)'", "say 'hi' and 'bye'"), re.sub(r"\$(\w+)", lambda m: m.group(1).upper(), "$a+$bc"), len(re.findall(r".", "héllo wörld")))
print(re.match(r"(?P<k>\w+)=(?P<v>\w*)", "key=").groupdict(), re.search(r"x?", "abc").span(), re.findall(r"a|ab", "abab"))

import re, json, statistics, fractions, datetime, functools, copy, random, heapq, bisect, operator
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@home you@work"), re.sub(r"(?P<a>\d)", r"<\g<a>>", "a1b2"), re.findall(r"^\w", "ab\ncd", re.M), re.split(r"\s+", "a b  c", maxsplit=1), [m.span() for m in re.finditer(r"o", "foo")], re.search(r"B", "abc", re.I).group(), re.sub(r"a", "b", "aaa", count=2), re.subn(r"x", "y", "xx"))
print(re.match(r"(a)(b)?", "a").groups(), re.match(r"(a)(b)?", "a").groups("-"), re.fullmatch(r"[a-z]+\d*", "abc12").end(), re.compile(r"\d+").findall("a12b345"), re.escape("1+1=2?"), bool(re.search(r"\bcat\b", "concat cat")), re.sub(r"", "-", "ab"))
print(json.dumps({"a": [1.0, 2.5e-7, 1e100], "é": "ü"}), json.dumps([1, 2], separators=(",", ":")), json.dumps({"k": None}, indent=1), json.loads("[1.5, 2, \"x\\u00e9\", true, null]"), json.dumps("\u2028"), json.dumps(float(10**16)), json.loads('{"a": {"b": [1]}}')["a"]["b"])
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2, 4]), statistics.mode([1, 1, 2]), statistics.stdev([1, 2, 3, 4]), statistics.pvariance([1, 2, 3]), statistics.median_low([1, 2, 3, 4]), statistics.fmean([1, 2]))
F = fractions.Fraction
print(F(1, 3) + F(1, 6), F("3/4") * 2, F(0.5), F(7, 3).limit_denominator(2), float(F(1, 8)), F(3, 4) < F(4, 5), round(F(7, 2)), F(-7, 2) // 1, str(F(6, 4)))
d = datetime.date(2024, 2, 28)
print(d + datetime.timedelta(days=2), d.strftime("%Y/%m/%d %a %b %j"), d.isoformat(), d.weekday(), (datetime.date(2024, 12, 25) - d).days, datetime.datetime(2024, 1, 2, 3, 4, 5).isoformat(), datetime.timedelta(hours=25, minutes=3), datetime.datetime.strptime("2024-03-01 10:20", "%Y-%m-%d %H:%M"))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"V({self.v})"
print(V(1) <= V(2), V(3) > V(2), sorted([V(3), V(1)]), functools.partial(pow, 2)(10), functools.reduce(operator.add, [1, 2, 3], 10))
a = {"x": [1, {"y": 2}]}
b = copy.deepcopy(a); b["x"][1]["y"] = 3
print(a, b, copy.copy([1, [2]]))
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.sample(range(100), 3), random.uniform(1, 2), random.randrange(0, 100, 5))
l = [5, 1, 4]; random.shuffle(l); print(l, random.gauss(0, 1) if False else 0)
print(list(heapq.merge([1, 4], [2, 3])), heapq.nlargest(2, {"a": 3, "b": 5, "c": 1}.items(), key=lambda kv: kv[1]), bisect.bisect_left([1, 2, 4], 3), bisect.bisect([(1, "a"), (2, "b")], (1, "z")), operator.itemgetter(1, 0)("ab"), operator.attrgetter("real")(3))

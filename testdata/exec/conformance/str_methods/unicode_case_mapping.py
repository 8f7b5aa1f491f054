for s in ["ß", "straße", "İstanbul", "ΟΔΟΣ ΟΔΟΣ", "ǅungla", "ﬁne ﬂow", "ŉ", "Ǆ", "hello WORLD", "ΣΑΣ", "ᾳ", "i̇", "Ⅻ ⅻ", "ǳ", "ß-ß", "ﬀ x", "À la carte", "ÿ"]:
    print(repr(s.upper()), repr(s.lower()), repr(s.casefold()), repr(s.title()), repr(s.swapcase()), repr(s.capitalize()))
for s in ["Ⅻ", "ⅻ", "ΣΑΣ", "Ǆ", "ǅ", "ß", "ABC1", "ª", "ᵃ"]:
    print(s.isupper(), s.islower(), s.istitle(), s.isalpha(), s.isalnum())

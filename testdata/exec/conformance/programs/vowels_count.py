def vowels_count(s):
    vowels = "aeiouAEIOU"
    n = sum(c in vowels for c in s)
    if s[-1] == "y" or s[-1] == "Y":
        n += 1
    return n
print(vowels_count("abcde"), vowels_count("ACEDY"), vowels_count("key"))

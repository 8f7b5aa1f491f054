d = 3
print(rf"\d{d}\w")
print(fr"{d}\n")

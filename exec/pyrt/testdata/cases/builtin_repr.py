print(len, print, [abs], max, sorted)

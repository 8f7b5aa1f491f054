def count_down(n):
    out = []
    while(n > 0):
        if(n % 2 == 0):
            out.append(n)
        elif(n == 3):
            out.append(-n)
        n -= 1
    return(out)


total = 0
for(i)in(range(4)):
    total += i
assert(total == 6)
print(count_down(6), total, not(total))

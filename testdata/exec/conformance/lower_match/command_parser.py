def run(line):
    match line.split():
        case ["quit"]:
            return "bye"
        case ["load", filename]:
            return "loading " + filename
        case ["save", filename, *opts]:
            return "saving " + filename + " " + str(opts)
        case ["add", *nums] if all(n.isdigit() for n in nums):
            return sum(int(n) for n in nums)
        case _:
            return "unknown: " + line
for l in ["quit", "load a.txt", "save b.txt -f -v", "add 1 2 3", "add x", "dance"]:
    print(run(l))

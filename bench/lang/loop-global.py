# An integer loop of 20 million rounds on module-level variables (globals).
total = 0
i = 0
while i < 20000000:
    total = total + i % 7
    i = i + 1
print(total)

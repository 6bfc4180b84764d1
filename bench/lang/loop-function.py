# The same integer loop of 20 million rounds, on a function's local variables.
def run():
    total = 0
    i = 0
    while i < 20000000:
        total = total + i % 7
        i = i + 1
    return total

print(run())

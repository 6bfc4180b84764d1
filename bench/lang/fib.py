# fib(30) by naive recursion: 1.6 million calls, each a comparison and two subtractions.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(30))

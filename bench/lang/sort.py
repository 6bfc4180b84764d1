# 1 million pseudo-random integers (a linear congruential generator, as in sort-*.dv and
# sort.lua) sorted by sorted(); prints the first, middle and last.
xs = []
seed = 42
for i in range(1000000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    xs.append(seed)
ys = sorted(xs)
print(ys[0], ys[500000], ys[999999])

-- 1 million pseudo-random integers (a linear congruential generator, as in sort-*.dv and
-- sort.py) sorted by table.sort; prints the first, middle and last.
local xs = {}
local seed = 42
for i = 1, 1000000 do seed = (seed * 1103515245 + 12345) % 2147483648; xs[#xs + 1] = seed end
table.sort(xs)
print(xs[1], xs[500001], xs[1000000])

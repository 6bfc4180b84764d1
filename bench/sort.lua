-- Sorting 200,000 pseudo-random integers (a linear congruential generator, same as sort.dv).
local xs = {}
local seed = 42
for i = 1, 200000 do seed = (seed * 1103515245 + 12345) % 2147483648; xs[#xs + 1] = seed end
table.sort(xs)
print(xs[1], xs[200000])

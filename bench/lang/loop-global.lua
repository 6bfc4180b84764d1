-- An integer loop of 20 million rounds on global variables: like DanVan's top-level `let`s and
-- Python's module variables, names any function of the program sees (a top-level `local`
-- would be a register, the same as loop-function.lua).
total = 0
i = 0
while i < 20000000 do total = total + i % 7; i = i + 1 end
print(total)

-- A counting loop with arithmetic: 5 million rounds.
local function run()
    local total = 0
    local i = 0
    while i < 5000000 do total = total + i % 7; i = i + 1 end
    return total
end
print(run())

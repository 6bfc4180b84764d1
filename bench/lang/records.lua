-- 1 million records built, the 600,000 of the last three years kept, grouped by unit (97
-- groups, in order of first appearance) and each group's score averaged, in the steps
-- DanVan's pipeline takes: a list of the kept records, a list of records per group, the averages.
local rows = {}
for i = 0, 999999 do
    rows[#rows + 1] = {id = i, unit = i % 97, year = 2020 + i % 5, score = i * 37 % 101}
end
local kept = {}
for _, r in ipairs(rows) do
    if r.year >= 2022 then kept[#kept + 1] = r end
end
local groups, order = {}, {}
for _, r in ipairs(kept) do
    local g = groups[r.unit]
    if g == nil then g = {}; groups[r.unit] = g; order[#order + 1] = r.unit end
    g[#g + 1] = r
end
for _, unit in ipairs(order) do
    local g, sum = groups[unit], 0
    for _, r in ipairs(g) do sum = sum + r.score end
    print(unit, #g, sum / #g)
end

-- Building a list of 300,000 texts and joining them.
local parts = {}
for i = 0, 299999 do parts[#parts + 1] = "mô hình " .. i end
print(#table.concat(parts, ","))

-- A list of 200,000 records, then 10 passes summing one field of each.
local rows = {}
for i = 0, 199999 do rows[#rows + 1] = {id = i, score = i % 100, name = "mô hình"} end
local function total(rows)
  local sum = 0
  for _, r in ipairs(rows) do sum = sum + r.score end
  return sum
end
local grand = 0
for pass = 1, 10 do grand = grand + total(rows) end
print(grand)

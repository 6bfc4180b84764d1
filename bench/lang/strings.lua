-- 1 million interpolated texts ("mô hình 0" … "mô hình 999999") in a list, joined with commas;
-- prints the joined text's length in characters (utf8.len: `#` counts bytes) and the last text.
local parts = {}
for i = 0, 999999 do parts[#parts + 1] = "mô hình " .. i end
local joined = table.concat(parts, ",")
print(utf8.len(joined), parts[1000000])

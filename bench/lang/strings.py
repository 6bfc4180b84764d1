# 1 million interpolated texts ("mô hình 0" … "mô hình 999999") in a list, joined with commas;
# prints the joined text's length in characters and the last text.
parts = []
for i in range(1000000):
    parts.append(f"mô hình {i}")
joined = ",".join(parts)
print(len(joined), parts[999999])

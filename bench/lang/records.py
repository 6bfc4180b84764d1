# 1 million records built, the 600,000 of the last three years kept, grouped by unit (97
# groups, in order of first appearance) and each group's score averaged, in the steps
# DanVan's pipeline takes: a list of the kept records, a list of records per group, the averages.
rows = []
for i in range(1000000):
    rows.append({"id": i, "unit": i % 97, "year": 2020 + i % 5, "score": i * 37 % 101})
kept = [r for r in rows if r["year"] >= 2022]
groups = {}
for r in kept:
    groups.setdefault(r["unit"], []).append(r)
for unit, g in groups.items():
    print(unit, len(g), sum(r["score"] for r in g) / len(g))

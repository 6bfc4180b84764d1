-- Models of 2024 per cluster. A model's cluster is the cluster of its unit, or of the unit's
-- nearest ancestor (units.parent) that has a cluster_members row in the model's year; NULL
-- when no unit of the chain has one that year (several rows: the last by id). The models are
-- counted per unit first, so the walk up the tree is made once per unit, not once per model.
WITH RECURSIVE
per_unit(unit, n) AS (
    SELECT unit, count(*) FROM models WHERE year = 2024 GROUP BY unit
),
chain(start, unit) AS (
    SELECT unit, unit FROM per_unit
    UNION ALL
    SELECT c.start, u.parent
    FROM chain c JOIN units u ON u.id = c.unit
    WHERE u.parent IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM cluster_members cm WHERE cm.unit = c.unit AND cm.year = 2024)
),
unit_cluster(unit, cluster) AS (
    SELECT c.start,
           (SELECT cm.cluster FROM cluster_members cm WHERE cm.unit = c.unit AND cm.year = 2024
            ORDER BY cm.id DESC LIMIT 1)
    FROM chain c
    WHERE EXISTS (SELECT 1 FROM cluster_members cm WHERE cm.unit = c.unit AND cm.year = 2024)
)
SELECT cl.name, sum(p.n)
FROM per_unit p
LEFT JOIN unit_cluster uc ON uc.unit = p.unit
LEFT JOIN clusters cl ON cl.id = uc.cluster
GROUP BY cl.name;

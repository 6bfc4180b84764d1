-- The 20 models with the best latest score (as in 5-avg-latest-score-per-field.sql; ties by
-- id), with their unit's name and their cluster's name (as in 4-models-per-cluster.sql, in
-- the model's year).
WITH RECURSIVE
-- MATERIALIZED: else SQLite runs the score's subquery twice a model (in WHERE and ORDER BY).
scored(id, code, unit, year, score) AS MATERIALIZED (
    SELECT m.id, m.code, m.unit, m.year,
           (SELECT e.score FROM evaluations e WHERE e.model = m.id AND e.score IS NOT NULL
            ORDER BY e.evaluated_on DESC, e.id DESC LIMIT 1)
    FROM models m
),
top(id, code, unit, year, score) AS (
    SELECT * FROM scored WHERE score IS NOT NULL ORDER BY score DESC, id LIMIT 20
),
chain(start, year, unit) AS (
    SELECT DISTINCT unit, year, unit FROM top
    UNION ALL
    SELECT c.start, c.year, u.parent
    FROM chain c JOIN units u ON u.id = c.unit
    WHERE u.parent IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM cluster_members cm WHERE cm.unit = c.unit AND cm.year = c.year)
),
unit_cluster(unit, year, cluster) AS (
    SELECT c.start, c.year,
           (SELECT cm.cluster FROM cluster_members cm WHERE cm.unit = c.unit AND cm.year = c.year
            ORDER BY cm.id DESC LIMIT 1)
    FROM chain c
    WHERE EXISTS (SELECT 1 FROM cluster_members cm WHERE cm.unit = c.unit AND cm.year = c.year)
)
SELECT t.code, t.score, u.name, cl.name
FROM top t
JOIN units u ON u.id = t.unit
LEFT JOIN unit_cluster uc ON uc.unit = t.unit AND uc.year = t.year
LEFT JOIN clusters cl ON cl.id = uc.cluster
ORDER BY t.score DESC, t.id;

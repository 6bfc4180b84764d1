-- Average latest score per field name. A model's score is the score of its latest evaluation
-- that has one (by evaluated_on, then id), else NULL; avg skips NULL, as DanVan's avg does.
SELECT f.name,
       avg((SELECT e.score FROM evaluations e WHERE e.model = m.id AND e.score IS NOT NULL
            ORDER BY e.evaluated_on DESC, e.id DESC LIMIT 1)),
       count(*)
FROM models m
LEFT JOIN fields f ON f.id = m.field
GROUP BY f.name;

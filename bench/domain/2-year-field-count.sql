SELECT count(*) FROM models m JOIN fields f ON f.id = m.field
WHERE m.year = 2024 AND f.code = 'KT';

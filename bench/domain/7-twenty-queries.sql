-- The twenty questions of 7-twenty-queries.dv, in the same order, in one sqlite3 invocation.
SELECT count(*) FROM units;
SELECT count(*) FROM units WHERE status = 'active';
SELECT u.name, u.kind, p.code FROM units u LEFT JOIN units p ON p.id = u.parent WHERE u.code = 'X14';
SELECT count(*) FROM models WHERE year = 2023;
SELECT count(*) FROM models WHERE status = 'active' AND kind = 'individual';
SELECT count(*) FROM models WHERE hotspot = 1;
SELECT count(*) FROM models WHERE field IS NULL;
SELECT max(year) FROM models;
SELECT m.title, u.name, f.code FROM models m JOIN units u ON u.id = m.unit
    LEFT JOIN fields f ON f.id = m.field WHERE m.code = 'MH2024-00017';
SELECT count(*) FROM evaluations WHERE kind = 'annual' AND score IS NOT NULL;
SELECT avg(score) FROM evaluations WHERE period = '2024';
SELECT count(*) FROM recognitions WHERE level = 'city' AND year = 2024;
SELECT count(*) FROM awards WHERE year = 2024 AND status = 'valid';
SELECT total(amount) FROM awards WHERE year = 2024;
SELECT count(*) FROM teams t JOIN contests c ON c.id = t.contest WHERE c.year = 2024 AND t.prize IS NOT NULL;
SELECT count(*) FROM people WHERE gender = 'female' AND party_member = 1;
SELECT count(*) FROM reports WHERE period = '6T-2025' AND (submitted_on IS NULL OR submitted_on > due_on);
SELECT count(*) FROM units WHERE kind = 'ward';
SELECT count(*) FROM units u JOIN units p ON p.id = u.parent WHERE p.code = 'D06';
SELECT f.code, (SELECT count(*) FROM models m WHERE m.field = f.id) FROM fields f ORDER BY f.id;

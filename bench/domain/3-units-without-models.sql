SELECT count(*) FROM units u WHERE NOT EXISTS (SELECT 1 FROM models m WHERE m.unit = u.id);

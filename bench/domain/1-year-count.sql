SELECT count(*) FROM models WHERE year = 2024;

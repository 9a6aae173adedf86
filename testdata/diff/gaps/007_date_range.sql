-- TiDB's DATE/DATETIME cover years 0000..9999 (documented 1000..9999); PostgreSQL's reach
-- 4713 BC .. 294276 AD and have infinity (TIDB_GAPS.md, date and timestamp rows).
CREATE TABLE dr (id int PRIMARY KEY, d date, ts timestamp);
-- gap: date-range
INSERT INTO dr VALUES (1, '10000-01-01', NULL);
-- gap: date-range
INSERT INTO dr VALUES (2, NULL, 'infinity');
-- gap: date-range
SELECT '0044-03-15 BC'::date AS ides;
-- gap: date-range
SELECT 'infinity'::timestamp AS inf, '-infinity'::date AS ninf;
-- gap: date-range
SELECT count(*) AS n FROM dr;

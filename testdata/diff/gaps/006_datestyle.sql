-- pgtidb formats dates as ISO only; other DateStyles are refused with 0A000 (compat/guc.go).
-- gap: datestyle
SET DateStyle = 'German';
-- gap: datestyle
SELECT date '2024-05-06' AS d;
RESET DateStyle;
-- gap: datestyle
SET DateStyle = 'SQL, DMY';
RESET DateStyle;
-- gap: datestyle
SET datestyle TO iso, ymd;
-- gap: datestyle
SELECT '01/02/03'::date AS ambiguous;

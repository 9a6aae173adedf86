-- Statements PostgreSQL's grammar rejects (42601). This script does not parse as a whole, so
-- the runner splits it with the scanner instead of the parser.
SELEC 1;
SELECT 1 +;
SELECT * FROM;
SELECT (1));
CREATE TABLE (x int);
INSERT INTO VALUES (1);
SELECT 1 AS ok_after_errors;
SELECT 1 FROM (SELECT 1);
SELECT 1 a b;
SELECT ,1;
UPDATE SET x = 1;
SELECT 1 AS still_ok;

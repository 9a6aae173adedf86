-- RETURNING is refused with 0A000 until RETURNING emulation lands (foundation issue 3).
-- Statements after a "-- gap: KEY" line are known gaps (KNOWN_GAPS.md, "Differential suite");
-- every other statement is an ordinary differential statement and must match.
CREATE TABLE r (id int PRIMARY KEY, v text);
-- gap: returning
INSERT INTO r VALUES (1, 'a'), (2, 'b') RETURNING id, v;
TRUNCATE r;
INSERT INTO r VALUES (1, 'a'), (2, 'b');
-- gap: returning
UPDATE r SET v = upper(v) WHERE id = 1 RETURNING v;
-- gap: returning
DELETE FROM r WHERE id = 2 RETURNING *;
-- gap: returning
INSERT INTO r VALUES (3, 'c') ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v RETURNING id;
TRUNCATE r;
INSERT INTO r VALUES (1, 'a');
SELECT id, v FROM r ORDER BY id;

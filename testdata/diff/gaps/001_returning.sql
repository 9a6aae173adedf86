-- INSERT … ON CONFLICT is refused with 0A000 until its emulation lands (foundation issue 3).
-- RETURNING on INSERT … VALUES, UPDATE and DELETE is emulated: see ../020_returning.sql.
-- Statements after a "-- gap: KEY" line are known gaps (KNOWN_GAPS.md, "Differential suite");
-- every other statement is an ordinary differential statement and must match.
CREATE TABLE r (id int PRIMARY KEY, v text);
INSERT INTO r VALUES (1, 'a'), (2, 'b') RETURNING id, v;
-- gap: on-conflict
INSERT INTO r VALUES (3, 'c') ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v RETURNING id;
-- gap: on-conflict
INSERT INTO r VALUES (1, 'c') ON CONFLICT DO NOTHING;

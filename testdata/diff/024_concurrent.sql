-- Two sessions (A and B; "-- session: X" switches, "-- async" starts a statement that waits for
-- the other session's lock, testdata/doc.go): sequences and SERIAL shared by both sessions,
-- unique keys inserted by both, the same row updated or locked by both (READ COMMITTED).
CREATE SEQUENCE cs;
CREATE TABLE cser (id serial PRIMARY KEY, who text);
-- nextval hands out values in the order they are asked for, whichever session asks;
-- currval is the session's own last value
SELECT nextval('cs');
-- session: B
SELECT currval('cs');
SELECT nextval('cs');
-- session: A
SELECT currval('cs');
SELECT nextval('cs'), nextval('cs');
-- session: B
SELECT currval('cs');
INSERT INTO cser (who) VALUES ('B') RETURNING id;
-- session: A
INSERT INTO cser (who) VALUES ('A'), ('A') RETURNING id, who;
-- session: B
INSERT INTO cser (who) VALUES ('B') RETURNING id;
SELECT currval('cser_id_seq');
-- session: A
SELECT currval('cser_id_seq');
-- values a transaction took are not given back when it rolls back, and do not hold the
-- other session up
BEGIN;
SELECT nextval('cs');
INSERT INTO cser (who) VALUES ('A, rolled back') RETURNING id;
-- session: B
SELECT nextval('cs');
INSERT INTO cser (who) VALUES ('B, during A') RETURNING id;
-- session: A
ROLLBACK;
SELECT currval('cs'), currval('cser_id_seq');
-- session: B
SELECT currval('cs'), currval('cser_id_seq');
-- a transaction that commits after the other session's insert keeps the id it was given
-- session: A
BEGIN;
INSERT INTO cser (who) VALUES ('A, committed last') RETURNING id;
-- session: B
INSERT INTO cser (who) VALUES ('B, committed first') RETURNING id;
-- session: A
SELECT id, who FROM cser ORDER BY id;
COMMIT;
-- session: B
SELECT id, who FROM cser ORDER BY id;
-- the same unique key from both sessions: the second waits for the first, then fails when
-- the first commits
CREATE TABLE uk (k int PRIMARY KEY, v text);
-- session: A
BEGIN;
INSERT INTO uk VALUES (1, 'A');
-- session: B
-- async
INSERT INTO uk VALUES (1, 'B');
-- session: A
COMMIT;
-- session: B
SELECT k, v FROM uk ORDER BY k;
-- … and succeeds when the first rolls back
-- session: A
BEGIN;
INSERT INTO uk VALUES (2, 'A');
-- session: B
-- async
INSERT INTO uk VALUES (2, 'B') RETURNING k, v;
-- session: A
ROLLBACK;
-- wait
SELECT k, v FROM uk ORDER BY k;
-- the waiting session inside a transaction block: its failure aborts its block
-- session: B
BEGIN;
INSERT INTO uk VALUES (3, 'B');
-- session: A
-- async
INSERT INTO uk VALUES (3, 'A');
-- session: B
COMMIT;
-- session: A
SELECT k, v FROM uk ORDER BY k;
BEGIN;
INSERT INTO uk VALUES (4, 'A');
-- session: B
BEGIN;
-- async
INSERT INTO uk VALUES (4, 'B');
-- session: A
COMMIT;
-- session: B
SELECT 1;
ROLLBACK;
SELECT k, v FROM uk ORDER BY k;
-- the same row updated by both: the second waits, then updates the row as the first left
-- it (READ COMMITTED re-reads the new version)
CREATE TABLE acct (id int PRIMARY KEY, bal int NOT NULL);
INSERT INTO acct VALUES (1, 100), (2, 100), (3, 100);
-- session: A
BEGIN;
UPDATE acct SET bal = bal + 10 WHERE id = 1;
-- session: B
-- async
UPDATE acct SET bal = bal * 2 WHERE id = 1;
-- session: A
SELECT id, bal FROM acct ORDER BY id;
COMMIT;
-- session: B
SELECT id, bal FROM acct ORDER BY id;
-- the re-read row no longer matches the WHERE clause: it is skipped
-- session: A
BEGIN;
UPDATE acct SET bal = 200 WHERE id = 2;
-- session: B
-- async
UPDATE acct SET bal = bal + 1 WHERE bal = 100 RETURNING id, bal;
-- session: A
COMMIT;
-- session: B
SELECT id, bal FROM acct ORDER BY id;
-- a rolled-back update leaves the waiting one the old row
-- session: A
BEGIN;
UPDATE acct SET bal = 0 WHERE id = 3;
-- session: B
-- async
UPDATE acct SET bal = bal - 1 WHERE id = 3 RETURNING bal;
-- session: A
ROLLBACK;
SELECT id, bal FROM acct ORDER BY id;
-- DELETE waits too, and finds nothing left to delete
-- session: A
BEGIN;
DELETE FROM acct WHERE id = 3;
-- session: B
-- async
DELETE FROM acct WHERE id = 3 RETURNING id;
-- session: A
COMMIT;
-- session: B
SELECT id, bal FROM acct ORDER BY id;
-- SELECT … FOR UPDATE: a plain read does not wait, a locking read does, and sees the new value
-- session: A
BEGIN;
SELECT id, bal FROM acct WHERE id = 1 FOR UPDATE;
-- session: B
SELECT id, bal FROM acct WHERE id = 1;
BEGIN;
-- async
SELECT id, bal FROM acct WHERE id = 1 FOR UPDATE;
-- session: A
UPDATE acct SET bal = bal + 5 WHERE id = 1;
COMMIT;
-- session: B
UPDATE acct SET bal = bal + 1 WHERE id = 1 RETURNING bal;
COMMIT;
SELECT id, bal FROM acct ORDER BY id;
-- a locking read outside a transaction block waits too, and returns the row as committed
-- session: A
BEGIN;
UPDATE acct SET bal = bal + 100 WHERE id = 2;
-- session: B
-- async
SELECT id, bal FROM acct WHERE id = 2 FOR UPDATE;
-- session: A
COMMIT;
-- FOR SHARE: two sessions share a row lock; an update waits for it; NOWAIT does not wait
BEGIN;
SELECT id, bal FROM acct WHERE id = 2 FOR SHARE;
-- session: B
BEGIN;
-- gap: for-share-exclusive
SELECT id, bal FROM acct WHERE id = 2 FOR SHARE;
-- session: A
COMMIT;
-- session: B
COMMIT;
-- session: A
BEGIN;
SELECT id, bal FROM acct WHERE id = 2 FOR SHARE;
-- session: B
BEGIN;
SELECT id, bal FROM acct WHERE id = 2 FOR UPDATE NOWAIT;
ROLLBACK;
BEGIN;
-- async
UPDATE acct SET bal = bal - 1 WHERE id = 2 RETURNING bal;
-- session: A
COMMIT;
-- session: B
COMMIT;
-- FOR UPDATE of rows the other session inserted and has not committed: not visible, no wait
-- session: A
BEGIN;
INSERT INTO acct VALUES (10, 1);
-- session: B
SELECT id, bal FROM acct WHERE id >= 10 FOR UPDATE;
-- async
-- gap: for-update-pending-insert
SELECT id, bal FROM acct WHERE id = 10 FOR UPDATE;
-- session: A
COMMIT;
-- session: B
SELECT id, bal FROM acct WHERE id >= 10 FOR UPDATE;
-- foreign keys: a child insert does not wait for a transaction that changes a non-key column
-- of its parent row (FOR KEY SHARE against FOR NO KEY UPDATE), it waits for one that deletes
-- the parent and then fails
CREATE TABLE parent (id int PRIMARY KEY, name text);
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id));
INSERT INTO parent VALUES (1, 'p'), (2, 'q');
-- session: A
BEGIN;
UPDATE parent SET name = 'p2' WHERE id = 1;
-- session: B
BEGIN;
-- gap: fk-parent-lock
INSERT INTO child VALUES (1, 1);
-- session: A
COMMIT;
-- session: B
COMMIT;
-- session: A
BEGIN;
DELETE FROM parent WHERE id = 2;
-- session: B
-- async
INSERT INTO child VALUES (2, 2);
-- session: A
COMMIT;
-- session: B
SELECT c.id, c.parent_id, p.name FROM child c JOIN parent p ON p.id = c.parent_id ORDER BY c.id;
-- ON CONFLICT racing a plain INSERT of the same key: the waiting upsert takes the DO UPDATE or
-- DO NOTHING path once the first commits, the insert path once it rolls back
CREATE TABLE up (k int PRIMARY KEY, n int NOT NULL);
-- session: A
BEGIN;
INSERT INTO up VALUES (1, 1);
-- session: B
-- async
INSERT INTO up VALUES (1, 10) ON CONFLICT (k) DO UPDATE SET n = up.n + excluded.n RETURNING k, n;
-- session: A
COMMIT;
-- session: B
SELECT k, n FROM up WHERE k = 1;
-- session: A
BEGIN;
INSERT INTO up VALUES (2, 1);
-- session: B
-- async
INSERT INTO up VALUES (2, 20) ON CONFLICT (k) DO UPDATE SET n = up.n + excluded.n RETURNING k, n;
-- session: A
ROLLBACK;
SELECT k, n FROM up WHERE k = 2;
-- upserts of an existing row: the second updates what the first left
BEGIN;
INSERT INTO up VALUES (2, 5) ON CONFLICT (k) DO UPDATE SET n = up.n + excluded.n RETURNING k, n;
-- session: B
-- async
INSERT INTO up VALUES (2, 7) ON CONFLICT (k) DO UPDATE SET n = up.n + excluded.n RETURNING k, n;
-- session: A
COMMIT;
SELECT k, n FROM up WHERE k = 2;
BEGIN;
INSERT INTO up VALUES (3, 1);
-- session: B
-- async
INSERT INTO up VALUES (3, 30) ON CONFLICT DO NOTHING RETURNING k, n;
-- session: A
COMMIT;
SELECT k, n FROM up WHERE k = 3;
-- two upserts of the same key
-- session: A
BEGIN;
INSERT INTO up VALUES (4, 1) ON CONFLICT (k) DO UPDATE SET n = up.n + 1 RETURNING k, n;
-- session: B
-- async
INSERT INTO up VALUES (4, 1) ON CONFLICT (k) DO UPDATE SET n = up.n + 1 RETURNING k, n;
-- session: A
COMMIT;
-- session: B
SELECT k, n FROM up WHERE k = 4;
SELECT k, n FROM up ORDER BY k;

-- DEFERRABLE foreign keys (translate/fk_deferral.go): declared as in PostgreSQL and shown by
-- the catalog; TiDB checks each key when its row is written, so a transaction that keeps every
-- key satisfied gives PostgreSQL's result, and one that violates a deferred key for a while is
-- refused at that statement (gap deferred-fk).
CREATE TABLE dp (id int PRIMARY KEY, name text);
CREATE TABLE dbad1 (a int NOT NULL DEFERRABLE);
CREATE TABLE dbad2 (a int CHECK (a > 0) DEFERRABLE);
CREATE TABLE dbad4 (a int REFERENCES dp DEFERRABLE NOT DEFERRABLE);
CREATE TABLE dbad5 (a int REFERENCES dp NOT DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE dbad6 (a int REFERENCES dp INITIALLY DEFERRED INITIALLY IMMEDIATE);
CREATE TABLE dbad7 (a int DEFERRABLE);
CREATE TABLE dc (id int PRIMARY KEY,
  a int REFERENCES dp INITIALLY DEFERRED,
  b int REFERENCES dp DEFERRABLE INITIALLY IMMEDIATE,
  c int REFERENCES dp NOT DEFERRABLE,
  d int, FOREIGN KEY (d) REFERENCES dp (id) DEFERRABLE INITIALLY DEFERRED,
  e int, CONSTRAINT dc_e_named FOREIGN KEY (e) REFERENCES dp (id) ON DELETE CASCADE DEFERRABLE);
SELECT conname, contype, condeferrable, condeferred, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'dc'::regclass ORDER BY 1;
SELECT constraint_name, constraint_type, is_deferrable, initially_deferred FROM information_schema.table_constraints WHERE table_name = 'dc' AND constraint_type <> 'CHECK' ORDER BY 1;
-- Every key satisfied when its row is written: the same as PostgreSQL.
BEGIN;
INSERT INTO dp VALUES (1, 'one'), (2, 'two');
INSERT INTO dc VALUES (1, 1, 1, 1, 1, 1);
UPDATE dc SET a = 2, d = 2 WHERE id = 1;
COMMIT;
SELECT * FROM dc ORDER BY id;
INSERT INTO dc (id, a) VALUES (2, 99);
INSERT INTO dc (id, b) VALUES (3, 99);
INSERT INTO dc (id, c) VALUES (4, 99);
BEGIN;
INSERT INTO dc (id, b) VALUES (5, 99);
ROLLBACK;
BEGIN;
INSERT INTO dc (id, c) VALUES (5, 99);
ROLLBACK;
-- A key violated for a while.
BEGIN;
-- gap: deferred-fk
INSERT INTO dc (id, a) VALUES (6, 3);
-- gap: deferred-fk
INSERT INTO dp VALUES (3, 'three');
ROLLBACK;
SELECT count(*) FROM dc WHERE id = 6;
-- SET CONSTRAINTS
SET CONSTRAINTS ALL DEFERRED;
SET CONSTRAINTS dc_a_fkey IMMEDIATE;
BEGIN;
SET CONSTRAINTS dc_c_fkey DEFERRED;
ROLLBACK;
BEGIN;
SET CONSTRAINTS dc_c_fkey IMMEDIATE;
SET CONSTRAINTS nosuch DEFERRED;
ROLLBACK;
BEGIN;
SET CONSTRAINTS dp_pkey DEFERRED;
ROLLBACK;
BEGIN;
SET CONSTRAINTS public.dc_b_fkey, dc_d_fkey DEFERRED;
SET CONSTRAINTS nosuch.dc_b_fkey DEFERRED;
ROLLBACK;
-- IMMEDIATE makes a deferred key's violation PostgreSQL's error at once.
BEGIN;
SET CONSTRAINTS dc_a_fkey IMMEDIATE;
INSERT INTO dc (id, a) VALUES (7, 99);
ROLLBACK;
BEGIN;
SET CONSTRAINTS ALL IMMEDIATE;
INSERT INTO dc (id, d) VALUES (7, 99);
ROLLBACK;
BEGIN;
SET CONSTRAINTS ALL IMMEDIATE;
SET CONSTRAINTS dc_d_fkey DEFERRED;
-- gap: deferred-fk
INSERT INTO dc (id, d) VALUES (7, 99);
ROLLBACK;
BEGIN;
SET CONSTRAINTS ALL DEFERRED;
-- gap: deferred-fk
INSERT INTO dc (id, b) VALUES (7, 99);
ROLLBACK;
-- A savepoint rolled back to restores the modes set after it.
BEGIN;
SAVEPOINT s1;
SET CONSTRAINTS ALL IMMEDIATE;
ROLLBACK TO s1;
-- gap: deferred-fk
INSERT INTO dc (id, a) VALUES (7, 99);
ROLLBACK;
BEGIN;
SET CONSTRAINTS ALL IMMEDIATE;
SAVEPOINT s1;
SET CONSTRAINTS ALL DEFERRED;
ROLLBACK TO s1;
INSERT INTO dc (id, a) VALUES (7, 99);
ROLLBACK;
-- The referenced side, and RETURNING.
BEGIN;
-- gap: deferred-fk
DELETE FROM dp WHERE id = 2;
ROLLBACK;
BEGIN;
INSERT INTO dp VALUES (4, 'four') RETURNING id;
INSERT INTO dc (id, a, d) VALUES (8, 4, 4) RETURNING id, a, d;
-- gap: deferred-fk
INSERT INTO dc (id, a) VALUES (9, 98) RETURNING id;
ROLLBACK;
DELETE FROM dp WHERE id = 2;
-- ALTER TABLE
CREATE TABLE dc2 (id int PRIMARY KEY, p int);
ALTER TABLE dc2 ADD CONSTRAINT dc2_p_fkey FOREIGN KEY (p) REFERENCES dp (id) DEFERRABLE INITIALLY DEFERRED;
SELECT conname, condeferrable, condeferred, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'dc2'::regclass ORDER BY 1;
ALTER TABLE dc2 DROP CONSTRAINT dc2_p_fkey;
ALTER TABLE dc2 ADD CONSTRAINT dc2_p_fkey FOREIGN KEY (p) REFERENCES dp (id);
SELECT conname, condeferrable, condeferred, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'dc2'::regclass ORDER BY 1;
-- gap: deferred-fk
ALTER TABLE dc2 ADD CONSTRAINT dc2_u UNIQUE (p) DEFERRABLE;
-- ADD COLUMN … REFERENCES (Django adds its ForeignKey fields so).
INSERT INTO dc2 VALUES (1, NULL), (2, NULL);
ALTER TABLE dc2 ADD COLUMN q integer NULL CONSTRAINT dc2_q_fk REFERENCES dp (id) DEFERRABLE INITIALLY DEFERRED;
SET CONSTRAINTS dc2_q_fk IMMEDIATE;
ALTER TABLE dc2 ADD COLUMN r int REFERENCES dp;
ALTER TABLE dc2 ADD COLUMN s int DEFAULT 1 REFERENCES dp (id) ON DELETE SET NULL, ADD COLUMN t text;
ALTER TABLE dc2 ADD COLUMN u int DEFAULT 42 REFERENCES dp (id);
ALTER TABLE dc2 ADD COLUMN v int REFERENCES nosuch (id);
ALTER TABLE dc2 ADD COLUMN w int REFERENCES dp (id) NOT DEFERRABLE INITIALLY DEFERRED;
SELECT attname FROM pg_attribute WHERE attrelid = 'dc2'::regclass AND attnum > 0 ORDER BY attnum;
SELECT conname, condeferrable, condeferred, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'dc2'::regclass AND contype = 'f' ORDER BY 1;
SELECT id, p, q, r, s, t FROM dc2 ORDER BY id;
UPDATE dc2 SET q = 5 WHERE id = 1;
DROP TABLE dc2;
DROP TABLE dc;
DROP TABLE dp;

-- TiDB commits the open transaction before DDL and cannot roll DDL back. pgtidb runs DDL in a
-- block only while the block has written nothing (the DDL is not undone by ROLLBACK), and
-- refuses DDL after writes with 25001 (compat/doc.go).
CREATE TABLE base (id int PRIMARY KEY);
BEGIN;
CREATE TABLE made_in_block (x int);
ROLLBACK;
-- gap: transactional-ddl
SELECT count(*) FROM made_in_block;
BEGIN;
INSERT INTO base VALUES (1);
-- gap: transactional-ddl
CREATE TABLE after_write (x int);
ROLLBACK;
SELECT count(*) AS n FROM base;
SELECT count(*) AS n FROM after_write;

-- ALTER COLUMN as Django's schema editor runs it (e2e/python/django_orm.py's shop steps):
-- changing the type or NOT NULL of a column that has a default keeps the default (TiDB's
-- MODIFY COLUMN restates the whole column: pgtidb restates the default it stored), Django's
-- NULL → NOT NULL with a default in one transaction block, and a varchar narrowed below a value.
CREATE TABLE ad (id serial PRIMARY KEY, stock integer NULL, name varchar(100) NOT NULL DEFAULT 'none');
INSERT INTO ad (stock, name) VALUES (1, 'hammer'), (3, 'saw');
ALTER TABLE ad ALTER COLUMN stock SET DEFAULT 7;
ALTER TABLE ad ALTER COLUMN stock SET NOT NULL;
SELECT column_name, column_default, is_nullable, data_type FROM information_schema.columns WHERE table_name = 'ad' ORDER BY ordinal_position;
ALTER TABLE ad ALTER COLUMN stock DROP NOT NULL;
ALTER TABLE ad ALTER COLUMN stock TYPE bigint USING stock::bigint;
ALTER TABLE ad ALTER COLUMN name TYPE varchar(200);
SELECT column_name, column_default, is_nullable, data_type, character_maximum_length FROM information_schema.columns WHERE table_name = 'ad' ORDER BY ordinal_position;
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'ad'::regclass ORDER BY 1;
INSERT INTO ad DEFAULT VALUES RETURNING *;
-- Django's NULL → NOT NULL with a default: its UPDATE writes no row here, so the DDL after it
-- commits nothing early (with NULLs to fill, pgtidb refuses the DDL: gap transactional-ddl).
INSERT INTO ad (stock) VALUES (NULL);
UPDATE ad SET stock = 0 WHERE stock IS NULL;
BEGIN;
ALTER TABLE ad ALTER COLUMN stock SET DEFAULT 0;
UPDATE ad SET stock = 0 WHERE stock IS NULL;
ALTER TABLE ad ALTER COLUMN stock SET NOT NULL;
ALTER TABLE ad ALTER COLUMN stock DROP DEFAULT;
COMMIT;
SELECT column_name, column_default, is_nullable FROM information_schema.columns WHERE table_name = 'ad' ORDER BY ordinal_position;
INSERT INTO ad (name) VALUES ('glue');
SELECT * FROM ad ORDER BY id;
-- Narrowing a varchar below a stored value.
ALTER TABLE ad ALTER COLUMN name TYPE varchar(4);
ALTER TABLE ad ALTER COLUMN name TYPE varchar(6);
SELECT name FROM ad ORDER BY id;
DROP TABLE ad;
-- SET NOT NULL over NULLs (Django's NULL → NOT NULL without a default): 23502.
CREATE TABLE an (id int PRIMARY KEY, a int, b varchar(10));
INSERT INTO an VALUES (1, NULL, 'x'), (2, 2, NULL);
ALTER TABLE an ALTER COLUMN a SET NOT NULL;
ALTER TABLE an ALTER COLUMN b SET NOT NULL;
UPDATE an SET a = 0 WHERE a IS NULL;
ALTER TABLE an ALTER COLUMN a SET NOT NULL;
SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = 'an' ORDER BY ordinal_position;
DROP TABLE an;

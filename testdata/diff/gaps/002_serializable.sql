-- SERIALIZABLE is refused with 0A000: TiDB has no serializable isolation and pgtidb never
-- weakens a requested level silently (compat/doc.go).
CREATE TABLE s (id int PRIMARY KEY);
-- gap: serializable
BEGIN ISOLATION LEVEL SERIALIZABLE;
-- gap: serializable
SHOW transaction_isolation;
ROLLBACK;
-- gap: serializable
SET default_transaction_isolation = 'serializable';
-- gap: serializable
SHOW default_transaction_isolation;
RESET default_transaction_isolation;

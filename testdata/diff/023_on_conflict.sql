-- INSERT … ON CONFLICT: PostgreSQL's arbiter semantics, per-row outcomes, counts and RETURNING.
CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, qty int DEFAULT 0);
INSERT INTO items VALUES (1, 'apple', 10), (2, 'pear', 0);
-- DO NOTHING, with and without a conflict target.
INSERT INTO items VALUES (1, 'dup', 1) ON CONFLICT DO NOTHING;
INSERT INTO items VALUES (1, 'dup', 1) ON CONFLICT (id) DO NOTHING;
INSERT INTO items VALUES (3, 'plum', 3) ON CONFLICT DO NOTHING;
INSERT INTO items VALUES (4, 'fig', 4), (1, 'dup', 1), (5, 'kiwi', 5) ON CONFLICT (id) DO NOTHING;
INSERT INTO items VALUES (6, 'a', 1), (6, 'b', 2) ON CONFLICT DO NOTHING;
INSERT INTO items VALUES (6, 'c', 1), (6, 'd', 2), (7, 'e', 7), (7, 'f', 8) ON CONFLICT (id) DO NOTHING;
SELECT id, name, qty FROM items ORDER BY id;
-- DO UPDATE: EXCLUDED, the existing row, WHERE.
INSERT INTO items VALUES (1, 'dup', 77), (40, 'new', 1) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty;
INSERT INTO items VALUES (41, 'n41', 1) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty;
INSERT INTO items VALUES (41, 'n41', 5) ON CONFLICT (id) DO UPDATE SET qty = items.qty + EXCLUDED.qty WHERE items.qty < 3;
INSERT INTO items VALUES (41, 'n41', 5) ON CONFLICT (id) DO UPDATE SET qty = items.qty + EXCLUDED.qty WHERE items.qty < 3;
INSERT INTO items VALUES (2, 'pear', 9) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty WHERE false;
INSERT INTO items VALUES (2, 'pear2', 9) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name || '/' || items.name, qty = items.qty + 1;
INSERT INTO items VALUES (3, 'x', 1) ON CONFLICT (id) DO UPDATE SET name = DEFAULT, qty = DEFAULT WHERE EXCLUDED.name = 'x';
INSERT INTO items AS i VALUES (4, 'fig', 100) ON CONFLICT (id) DO UPDATE SET qty = i.qty * 2 + excluded.qty WHERE i.qty < excluded.qty;
INSERT INTO items VALUES (5, 'k', 1), (42, 'n42', 2), (7, 'e', 3) ON CONFLICT (id) DO UPDATE SET qty = items.qty + EXCLUDED.qty WHERE EXCLUDED.qty > 1;
SELECT id, name, qty FROM items ORDER BY id;
-- A row affected twice is PostgreSQL's 21000; nothing of the statement remains.
INSERT INTO items VALUES (1, 'a', 1), (1, 'b', 2) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty;
INSERT INTO items VALUES (50, 'a', 1), (50, 'b', 2) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty;
INSERT INTO items VALUES (51, 'a', 1), (1, 'b', 2), (1, 'c', 3) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty;
INSERT INTO items VALUES (1, 'a', 1), (1, 'b', 2) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty WHERE EXCLUDED.qty > 1;
INSERT INTO items VALUES (1, 'a', 5), (1, 'b', 2) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty WHERE EXCLUDED.qty > 3;
SELECT id, name, qty FROM items ORDER BY id;
-- RETURNING: the inserted and updated rows only, in the order of the VALUES.
INSERT INTO items VALUES (60, 'r60', 1), (1, 'r1', 2), (61, 'r61', 3) ON CONFLICT (id) DO NOTHING RETURNING id, name;
INSERT INTO items VALUES (62, 'r62', 1), (1, 'r1', 2), (63, 'r63', 3) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty RETURNING *;
INSERT INTO items VALUES (2, 'r2', 2) ON CONFLICT (id) DO UPDATE SET qty = 0 WHERE false RETURNING id;
INSERT INTO items VALUES (2, 'r2', 5) ON CONFLICT (id) DO UPDATE SET qty = items.qty + EXCLUDED.qty RETURNING id, qty, qty * 2 AS twice, name || '!' AS loud;
INSERT INTO items AS t VALUES (64, 'r64', 1), (2, 'r2', 1) ON CONFLICT (id) DO UPDATE SET qty = t.qty - 1 RETURNING t.id, t.qty;
INSERT INTO items VALUES (1, 'r1', 1) ON CONFLICT DO NOTHING RETURNING id;
-- Errors as PostgreSQL raises them.
INSERT INTO items VALUES (1, 'a', 1) ON CONFLICT DO UPDATE SET qty = 1;
INSERT INTO items VALUES (1, 'a', 1) ON CONFLICT (qty) DO NOTHING;
INSERT INTO items VALUES (1, 'a', 1) ON CONFLICT (id, name) DO NOTHING;
INSERT INTO items VALUES (1, 'a', 1) ON CONFLICT (nosuch) DO NOTHING;
INSERT INTO items VALUES (1, 'a', 1) ON CONFLICT ON CONSTRAINT nosuch DO NOTHING;
INSERT INTO items VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET qty = qty + 1;
INSERT INTO items AS x VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET qty = items.qty + 1;
INSERT INTO items VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET nosuch = 1;
INSERT INTO items VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET qty = 1, qty = 2;
INSERT INTO items VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.nosuch;
INSERT INTO items VALUES (1, 'a', 1) ON CONFLICT (id) DO UPDATE SET name = NULL;
INSERT INTO items VALUES (70, NULL, 1) ON CONFLICT (id) DO NOTHING;
INSERT INTO items VALUES (1, 'a', 1) ON CONFLICT (id) WHERE qty > 0 DO NOTHING;
SELECT id, name, qty FROM items ORDER BY id;
-- ON CONSTRAINT, non-arbiter unique indexes, composite and text keys.
CREATE TABLE users (id int PRIMARY KEY, email text UNIQUE, name varchar(20), visits int NOT NULL DEFAULT 0);
INSERT INTO users VALUES (1, 'a@x', 'Ann', 1), (2, 'b@x', 'Bob', 1);
INSERT INTO users VALUES (1, 'z@x', 'Zed', 1) ON CONFLICT ON CONSTRAINT users_pkey DO UPDATE SET visits = users.visits + 1;
INSERT INTO users VALUES (3, 'a@x', 'Al', 1) ON CONFLICT ON CONSTRAINT users_email_key DO UPDATE SET visits = users.visits + 10, name = EXCLUDED.name;
INSERT INTO users VALUES (3, 'a@x', 'Al', 1) ON CONFLICT (id) DO NOTHING;
INSERT INTO users VALUES (3, 'a@x', 'Al', 1) ON CONFLICT (id) DO UPDATE SET visits = 0;
INSERT INTO users VALUES (1, 'c@x', 'Cy', 1) ON CONFLICT (email) DO UPDATE SET visits = 0;
INSERT INTO users VALUES (2, 'a@x', 'Cy', 1) ON CONFLICT (email) DO UPDATE SET email = 'b@x';
INSERT INTO users VALUES (3, 'a@x', 'Al', 1) ON CONFLICT DO NOTHING;
INSERT INTO users VALUES (3, 'c@x', 'Cy', 1), (4, 'c@x', 'Di', 1), (5, 'A@x', 'Ed', 1) ON CONFLICT DO NOTHING;
INSERT INTO users VALUES (6, 'a@x ', 'Sp', 1), (7, 'e@x', 'Eve', 1) ON CONFLICT (email) DO UPDATE SET visits = users.visits + 100 RETURNING id, email, visits;
INSERT INTO users (id, email, name) VALUES (8, 'f@x', 'Fay') ON CONFLICT (email) DO UPDATE SET visits = EXCLUDED.visits + 5 RETURNING id, visits;
INSERT INTO users (id, email, name) VALUES (9, 'f@x', 'Fay') ON CONFLICT (email) DO UPDATE SET visits = EXCLUDED.visits + 5 RETURNING id, visits;
INSERT INTO users VALUES (10, NULL, 'n1', 1), (11, NULL, 'n2', 1) ON CONFLICT (email) DO UPDATE SET visits = 99;
INSERT INTO users VALUES (12, 'a@x', 'Gus', 1) ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name || ' is way too long for twenty characters';
INSERT INTO users VALUES (12, 'g@x', 'Gus', 1) ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name || ' is way too long for twenty characters';
INSERT INTO users VALUES (2, 'g@x', 'Gus', 1) ON CONFLICT (email) DO UPDATE SET name = 'again';
SELECT id, email, name, visits FROM users ORDER BY id;
CREATE TABLE pairs (a int, b text, v int, PRIMARY KEY (a, b));
INSERT INTO pairs VALUES (1, 'x', 1), (1, 'y', 2), (2, 'x', 3);
INSERT INTO pairs VALUES (1, 'x', 10), (1, 'z', 20) ON CONFLICT (a, b) DO UPDATE SET v = pairs.v + EXCLUDED.v;
INSERT INTO pairs VALUES (1, 'y', 10), (2, 'y', 20) ON CONFLICT (b, a) DO UPDATE SET v = EXCLUDED.v RETURNING a, b, v;
INSERT INTO pairs VALUES (1, 'x', 0), (1, 'x', 0) ON CONFLICT (a, b) DO UPDATE SET v = 0;
INSERT INTO pairs VALUES (1, 'x', 0), (1, 'x', 0), (3, 'q', 0) ON CONFLICT DO NOTHING RETURNING *;
INSERT INTO pairs VALUES (1, 'x', 0) ON CONFLICT (a) DO NOTHING;
SELECT a, b, v FROM pairs ORDER BY a, b;
-- Tables without a primary key: the row is found by TiDB's row id.
CREATE TABLE tags (tag varchar(10) UNIQUE, hits int);
INSERT INTO tags VALUES ('go', 1), ('pg', 1);
INSERT INTO tags VALUES ('go', 1), ('sql', 1) ON CONFLICT (tag) DO UPDATE SET hits = tags.hits + EXCLUDED.hits;
INSERT INTO tags VALUES ('go', 1), ('pg', 5) ON CONFLICT (tag) DO UPDATE SET hits = tags.hits + EXCLUDED.hits WHERE EXCLUDED.hits > 1;
INSERT INTO tags VALUES ('go', 1), ('new', 1) ON CONFLICT DO NOTHING;
INSERT INTO tags VALUES (NULL, 1), (NULL, 2) ON CONFLICT (tag) DO UPDATE SET hits = 0;
INSERT INTO tags VALUES ('go', 1), ('go', 1) ON CONFLICT (tag) DO UPDATE SET hits = 0;
SELECT tag, hits FROM tags ORDER BY tag;
CREATE TABLE plain (a int, b text);
INSERT INTO plain VALUES (1, 'a'), (1, 'a') ON CONFLICT DO NOTHING;
INSERT INTO plain VALUES (1, 'a') ON CONFLICT (a) DO NOTHING;
SELECT a, b FROM plain ORDER BY a, b;
-- SERIAL and identity keys: the sequence advances for every proposed row, as in PostgreSQL.
CREATE TABLE s (id serial PRIMARY KEY, code text UNIQUE, n int);
INSERT INTO s (code, n) VALUES ('a', 1), ('b', 1) ON CONFLICT (code) DO NOTHING RETURNING id, code;
INSERT INTO s (code, n) VALUES ('a', 2), ('c', 1) ON CONFLICT (code) DO UPDATE SET n = s.n + EXCLUDED.n RETURNING id, code, n;
INSERT INTO s (code, n) VALUES ('a', 2) ON CONFLICT (code) DO NOTHING;
INSERT INTO s (code, n) VALUES ('d', 1) RETURNING id;
INSERT INTO s VALUES (DEFAULT, 'e', 1), (DEFAULT, 'a', 1) ON CONFLICT (code) DO UPDATE SET n = EXCLUDED.id RETURNING id, code, n;
INSERT INTO s VALUES (1, 'zz', 1) ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code || '!' RETURNING *;
SELECT id, code, n FROM s ORDER BY id;
CREATE TABLE ident (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, k text UNIQUE);
INSERT INTO ident (k) VALUES ('a'), ('b') ON CONFLICT DO NOTHING RETURNING id, k;
INSERT INTO ident (k) VALUES ('a'), ('c') ON CONFLICT (k) DO UPDATE SET k = EXCLUDED.k || '2' RETURNING id, k;
INSERT INTO ident (id, k) VALUES (1, 'x') ON CONFLICT DO NOTHING;
INSERT INTO ident (id, k) OVERRIDING SYSTEM VALUE VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET k = 'one' RETURNING id, k;
SELECT id, k FROM ident ORDER BY id;
-- DEFAULT VALUES and DEFAULT in some rows.
CREATE TABLE dv (id serial PRIMARY KEY, note text);
INSERT INTO dv DEFAULT VALUES ON CONFLICT DO NOTHING;
INSERT INTO dv DEFAULT VALUES ON CONFLICT (id) DO UPDATE SET note = 'x' RETURNING id, note;
INSERT INTO dv VALUES (DEFAULT, 'a'), (1, 'b'), (DEFAULT, 'c') ON CONFLICT (id) DO UPDATE SET note = EXCLUDED.note RETURNING id, note;
SELECT id, note FROM dv ORDER BY id;
-- Text keys compare as bytes; case and trailing spaces make different keys.
CREATE TABLE words (w text PRIMARY KEY, n int);
INSERT INTO words VALUES ('a', 1), ('A', 1), ('a ', 1), ('é', 1);
INSERT INTO words VALUES ('a', 1), ('A', 1), ('a ', 1), ('é', 1), ('e', 1) ON CONFLICT (w) DO UPDATE SET n = words.n + 1 RETURNING w, n;
SELECT w, n FROM words ORDER BY w;
-- A transaction block: savepoint rollback around an upsert.
BEGIN;
INSERT INTO items VALUES (80, 'tx', 1) ON CONFLICT (id) DO UPDATE SET qty = 0;
SAVEPOINT sp;
INSERT INTO items VALUES (80, 'tx', 5), (81, 'tx', 1) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty;
SELECT id, qty FROM items WHERE id >= 80 ORDER BY id;
ROLLBACK TO SAVEPOINT sp;
SELECT id, qty FROM items WHERE id >= 80 ORDER BY id;
INSERT INTO items VALUES (80, 'tx', 1), (80, 'tx', 2) ON CONFLICT (id) DO UPDATE SET qty = 0;
SELECT 1;
ROLLBACK;
SELECT id, qty FROM items WHERE id >= 80 ORDER BY id;
BEGIN;
INSERT INTO items VALUES (82, 'tx', 1) ON CONFLICT DO NOTHING;
INSERT INTO items VALUES (82, 'tx', 2) ON CONFLICT (id) DO UPDATE SET qty = items.qty + EXCLUDED.qty RETURNING qty;
COMMIT;
SELECT id, qty FROM items WHERE id >= 80 ORDER BY id;
-- Values of other types ride along as expressions.
CREATE TABLE docs (id int PRIMARY KEY, body jsonb, price numeric(8, 2), at timestamp, ok boolean, raw bytea);
INSERT INTO docs VALUES (1, '{"a": 1}', 1.5, '2024-01-02 03:04:05', true, '\x00ff');
INSERT INTO docs VALUES (1, '{"b": [1, 2]}', 2.25, '2025-06-07 08:09:10.5', false, '\xdead') ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, price = docs.price + EXCLUDED.price, at = EXCLUDED.at, ok = EXCLUDED.ok AND docs.ok, raw = EXCLUDED.raw RETURNING *;
INSERT INTO docs VALUES (2, '{"c": null}', 9.99, NULL, NULL, NULL), (1, '{}', 0, NULL, true, NULL) ON CONFLICT (id) DO UPDATE SET price = EXCLUDED.price WHERE docs.price > 1 RETURNING id, price, body;
SELECT id, body, price, at, ok, raw FROM docs ORDER BY id;
-- Expressions in the VALUES and in DO UPDATE.
INSERT INTO items VALUES (90, upper('abc'), 2 * 3), (1 + 90, 'x' || 'y', length('four')) ON CONFLICT (id) DO NOTHING RETURNING *;
INSERT INTO items VALUES (90, 'q', 1) ON CONFLICT (id) DO UPDATE SET name = lower(EXCLUDED.name) || items.name, qty = CASE WHEN items.qty > 5 THEN EXCLUDED.qty ELSE items.qty END RETURNING *;
INSERT INTO items VALUES ('92', 'text id', '7') ON CONFLICT (id) DO NOTHING RETURNING id, qty;
INSERT INTO items VALUES (92, 'text id', 7) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty + 1 WHERE items.name LIKE 'text%' AND EXCLUDED.name = items.name RETURNING id, qty;
SELECT id, name, qty FROM items ORDER BY id;

-- INSERT … ON CONFLICT is refused with 0A000 until its exact emulation lands (foundation
-- issue 3): TiDB's ON DUPLICATE KEY UPDATE fires on any unique key and miscounts rows.
CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, qty int DEFAULT 0);
INSERT INTO items VALUES (1, 'apple', 10), (2, 'pear', 0);
-- gap: on-conflict
INSERT INTO items VALUES (1, 'dup', 1) ON CONFLICT DO NOTHING;
-- gap: on-conflict
INSERT INTO items VALUES (1, 'dup', 1) ON CONFLICT (id) DO NOTHING;
-- gap: on-conflict
INSERT INTO items VALUES (1, 'dup', 77), (40, 'new', 1) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty;
-- gap: on-conflict
INSERT INTO items VALUES (41, 'n41', 1) ON CONFLICT (id) DO UPDATE SET qty = EXCLUDED.qty;
-- gap: on-conflict
INSERT INTO items VALUES (41, 'n41', 5) ON CONFLICT (id) DO UPDATE SET qty = items.qty + EXCLUDED.qty WHERE items.qty < 3;
-- gap: on-conflict
INSERT INTO items VALUES (41, 'n41', 5) ON CONFLICT (id) DO UPDATE SET qty = items.qty + EXCLUDED.qty WHERE items.qty < 3;
-- gap: on-conflict
SELECT id, name, qty FROM items ORDER BY id;

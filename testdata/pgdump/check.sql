-- Run by e2e.TestPgDumpRestore on the reference schema as PostgreSQL 15 built it and on the
-- same schema restored from its pg_dump through pgtidb: every statement must give the same
-- result (rows, types, tags, SQLSTATEs). Serial and identity defaults, PK/UNIQUE/CHECK/FK
-- violations, foreign-key actions, views, sequences, setval as pg_dump's data dumps write it.
INSERT INTO public.customers (email, name) VALUES ('ann@example.com', 'Ann'), ('bob@example.com', 'Bob') RETURNING id, email, active;
INSERT INTO public.customers (email, name) VALUES ('cy@example.com', 'Cy');
INSERT INTO public.customers (email, name, active) VALUES ('dee@example.com', 'Dee', false) RETURNING id;
INSERT INTO public.customers (email, name) VALUES ('ann@example.com', 'Ann again');
INSERT INTO public.customers (id, email, name) VALUES (1, 'other@example.com', 'dup id');
INSERT INTO public.customers (email) VALUES ('noname@example.com');
SELECT id, email, name, active FROM public.customers ORDER BY id;
SELECT pg_get_serial_sequence('public.customers', 'id'), pg_get_serial_sequence('public.orders', 'id');
SELECT pg_get_serial_sequence('app.tickets', 'id'), pg_get_serial_sequence('app.tickets', 'code');
INSERT INTO public.products (sku, title, price) VALUES ('A-1', 'Anvil', 19.99) RETURNING sku, stock, weight;
INSERT INTO public.products (sku, title, price, weight, ratio, stock, big, code, released, opens, updated, picture, attrs, raw, uid)
    VALUES ('B-2', 'Bell', 5.5, 1.25, 0.5, 7, 9000000000, 'ab', '2024-02-29', '08:30:00', '2024-02-29 10:11:12.5', '\x00ff', '{"b": [1, 2], "a": null}', '{"z": 1}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
INSERT INTO public.products (sku, title, price) VALUES ('C-3', 'Cup', -1);
INSERT INTO public.products (sku, title, price, stock) VALUES ('C-3', 'Cup', 1, -1);
INSERT INTO public.products (sku, title, price) VALUES ('A-1', 'Anvil twice', 1);
INSERT INTO public.products (sku, title, price) VALUES ('C-3', 'Cup', 2.345);
SELECT * FROM public.products ORDER BY sku;
INSERT INTO public.orders (customer_id, note) VALUES (1, 'first'), (2, 'second') RETURNING id, customer_id, total;
INSERT INTO public.orders (customer_id) VALUES (99);
INSERT INTO public.orders (customer_id, note) VALUES (1, 'third');
INSERT INTO public.order_lines (order_id, line, sku, qty) VALUES (1, 1, 'A-1', 2), (1, 2, 'B-2', 1), (2, 1, 'C-3', 5), (3, 1, 'A-1', 1);
INSERT INTO public.order_lines (order_id, line, sku) VALUES (1, 1, 'B-2');
INSERT INTO public.order_lines (order_id, line, sku) VALUES (42, 1, 'B-2');
INSERT INTO public.order_lines (order_id, line, sku) VALUES (1, 3, 'Z-9');
SELECT order_id, line, sku, qty FROM public.order_lines ORDER BY order_id, line;
DELETE FROM public.products WHERE sku = 'B-2';
SELECT order_id, line, sku FROM public.order_lines ORDER BY order_id, line;
DELETE FROM public.orders WHERE id = 2;
SELECT order_id, line FROM public.order_lines ORDER BY order_id, line;
UPDATE public.customers SET id = 10 WHERE id = 1;
SELECT id, customer_id, note FROM public.orders ORDER BY id;
INSERT INTO app.tickets (customer_id, subject, region) VALUES (10, 'broken', 'eu'), (2, 'slow', 'us') RETURNING id, code, priority;
INSERT INTO app.tickets (customer_id, subject, region, priority) VALUES (2, 'urgent', 'eu', 1) RETURNING id, code;
INSERT INTO app.tickets (id, subject, region) VALUES (50, 'forced', 'eu');
INSERT INTO app.tickets (id, subject, region) OVERRIDING SYSTEM VALUE VALUES (50, 'forced', 'eu') RETURNING id, code;
INSERT INTO app.tickets (code, subject, region) VALUES (7, 'by hand', 'eu') RETURNING id, code;
INSERT INTO app.tickets (code, subject, region) VALUES (7, 'same code', 'us');
INSERT INTO app.tickets (subject, region) VALUES ('broken', 'eu');
INSERT INTO app.tickets (subject, region, priority) VALUES ('bad priority', 'eu', 6);
INSERT INTO app.tickets (customer_id, subject, region) VALUES (77, 'nobody', 'eu');
UPDATE app.tickets SET id = 99 WHERE subject = 'slow';
DELETE FROM public.customers WHERE id = 2;
SELECT id, code, customer_id, subject, priority, region FROM app.tickets ORDER BY id;
SELECT * FROM public.active_customers ORDER BY id;
SELECT * FROM app.open_tickets ORDER BY id;
SELECT nextval('public.invoice_no'), nextval('public.invoice_no');
SELECT nextval('app.batch_seq');
SELECT pg_catalog.setval('public.invoice_no', 2000, true);
SELECT nextval('public.invoice_no');
INSERT INTO app.invoices (amount) VALUES (9.5), (12) RETURNING no, batch, amount;
SELECT lastval();
SELECT pg_catalog.setval('public.customers_id_seq', 100, false);
INSERT INTO public.customers (email, name) VALUES ('eve@example.com', 'Eve') RETURNING id;
SELECT pg_catalog.setval('app.tickets_code_seq', 500, true);
INSERT INTO app.tickets (subject, region) VALUES ('after setval', 'us') RETURNING id, code;

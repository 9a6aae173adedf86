-- Date/time functions and arithmetic, timestamptz under changing TimeZone settings.
SELECT '2024-01-31'::date + 1 AS d1, '2024-03-01'::date - 1 AS d2, '2024-03-01'::date - '2024-02-01'::date AS days;
SELECT '2024-01-31'::date + interval '1 month' AS plus_month, '2024-01-15 10:00'::timestamp - interval '90 minutes' AS minus;
SELECT '2024-01-15 10:00'::timestamp + interval '1 day 2 hours' AS ts, date '2024-02-28' + interval '1 day' AS leap;
-- gap: interval
SELECT '2024-03-10 12:00:00'::timestamp - '2024-03-09 10:30:00'::timestamp AS diff;
-- gap: interval
SELECT interval '1 day' AS i1, interval '90 minutes' AS i2, interval '1 year 2 months' AS i3, interval '-1 day' AS i4;
SELECT extract(year FROM date '2024-05-06') AS y, extract(month FROM date '2024-05-06') AS m, extract(day FROM date '2024-05-06') AS d;
SELECT extract(dow FROM date '2024-05-05') AS dow_sun, extract(isodow FROM date '2024-05-05') AS isodow, extract(doy FROM date '2024-05-06') AS doy;
SELECT extract(week FROM date '2024-01-01') AS wk, extract(quarter FROM date '2024-05-06') AS q;
SELECT extract(century FROM date '2024-05-06') AS c;
SELECT extract(hour FROM timestamp '2024-05-06 07:08:09.5') AS h, extract(minute FROM timestamp '2024-05-06 07:08:09.5') AS mi, extract(second FROM timestamp '2024-05-06 07:08:09.5') AS s;
SELECT extract(epoch FROM timestamp '2024-01-01 00:00:00') AS ep, extract(epoch FROM timestamptz '2024-01-01 00:00:00+00') AS eptz;
SELECT date_part('year', timestamp '2024-05-06 07:08:09') AS y, date_part('dow', date '2024-05-06') AS dow;
SELECT date_trunc('month', timestamp '2024-05-06 07:08:09') AS m, date_trunc('hour', timestamp '2024-05-06 07:08:09') AS h, date_trunc('year', timestamp '2024-05-06 07:08:09') AS y;
SELECT date_trunc('week', timestamp '2024-05-08 07:08:09') AS w, date_trunc('day', date '2024-05-06') AS dd;
SELECT to_char(timestamp '2024-05-06 07:08:09', 'YYYY-MM-DD HH24:MI:SS') AS c1, to_char(date '2024-05-06', 'DD/MM/YYYY') AS c2;
-- gap: not-yet
SELECT to_char(timestamp '2024-05-06 19:08:09', 'HH12:MI AM') AS c3, to_char(date '2024-05-06', 'Mon Day') AS c4;
-- gap: not-yet
SELECT to_char(1234.5, '9999.99') AS n1, to_char(42, '00000') AS n2;
-- gap: not-yet
SELECT to_date('06.05.2024', 'DD.MM.YYYY') AS d, to_timestamp('2024-05-06 07:08', 'YYYY-MM-DD HH24:MI') AS ts;
SELECT make_date(2024, 2, 29) AS md;
-- gap: not-yet
SELECT make_time(7, 8, 9.5) AS mt, make_timestamp(2024, 5, 6, 7, 8, 9) AS mts;
-- gap: not-yet
SELECT age(timestamp '2024-05-06', timestamp '2023-01-01') AS a;
SELECT date '2024-05-06' > date '2024-01-01' AS gt, timestamp '2024-05-06 00:00' = date '2024-05-06' AS eq;
SELECT '2024-05-06'::date BETWEEN '2024-01-01' AND '2024-12-31' AS inside;
-- gap: interval
SELECT time '10:00' + interval '3 hours' AS t, time '23:00' + interval '2 hours' AS wrap;
-- gap: interval
SELECT time '10:00' - time '08:30' AS tdiff;
SELECT now() IS NOT NULL AS has_now, now() = current_timestamp AS same_now;
SELECT pg_typeof(now()) AS t_now, pg_typeof(current_date) AS t_date;
-- gap: not-yet
SELECT pg_typeof(localtimestamp) AS lts, pg_typeof(current_time) AS ct, pg_typeof(localtime) AS lt;
-- gap: interval
SELECT now() - now() AS zero;
SELECT current_date - current_date AS zero_days;
SELECT clock_timestamp() >= now() AS after;
SHOW TimeZone;
SELECT '2024-03-10 12:00:00+00'::timestamptz AS t, '2024-03-10 12:00:00+02'::timestamptz AS t2, '2024-03-10 12:00:00'::timestamptz AS t3;
SET TimeZone = 'America/New_York';
SHOW TimeZone;
SELECT '2024-03-10 12:00:00+00'::timestamptz AS summer, '2024-01-10 12:00:00+00'::timestamptz AS winter;
SELECT '2024-01-10 12:00:00'::timestamptz AS local_input;
SELECT '2024-01-10 12:00:00+00'::timestamptz::timestamp AS as_local, '2024-01-10 12:00:00'::timestamp::timestamptz AS from_local;
SELECT '2024-01-10 12:00:00+00'::timestamptz::date AS d, extract(hour FROM '2024-01-10 12:00:00+00'::timestamptz) AS h;
SELECT date_trunc('day', '2024-01-10 03:00:00+00'::timestamptz) AS day_start;
SELECT '2024-03-10 01:30:00'::timestamptz + interval '1 hour' AS across_dst;
SELECT '2024-01-10 12:00:00+00'::timestamptz AT TIME ZONE 'Asia/Tokyo' AS tokyo, '2024-01-10 12:00:00'::timestamp AT TIME ZONE 'UTC' AS from_utc;
CREATE TABLE ev (id int PRIMARY KEY, at timestamptz, naive timestamp);
INSERT INTO ev VALUES (1, '2024-06-01 12:00:00+00', '2024-06-01 12:00:00'), (2, '2024-06-01 12:00:00', '2024-06-01 12:00:00.123456'), (3, NULL, NULL);
SELECT id, at, naive FROM ev ORDER BY id;
SET TimeZone = 'Asia/Kolkata';
SELECT id, at, naive FROM ev ORDER BY id;
SELECT id FROM ev WHERE at = '2024-06-01 17:30:00';
SELECT id, extract(epoch FROM at) AS ep FROM ev ORDER BY id;
SET TIME ZONE 'UTC';
SELECT id, at FROM ev ORDER BY at NULLS FIRST;
SET TimeZone = 'Europe/Berlin';
-- gap: not-yet
SELECT at::date AS d, to_char(at, 'HH24:MI TZ') AS c FROM ev WHERE id = 1;
RESET TimeZone;
SHOW TimeZone;
SELECT at FROM ev WHERE id = 2;
SELECT '2024-06-01 12:00:00.1234567'::timestamp AS rounded, '2024-06-01 12:00:00.5'::timestamp(0) AS p0;
SELECT timestamp '2024-12-31 23:59:59.999999' + interval '1 microsecond' AS rollover;
SELECT '1000-01-01'::date AS early_day, '9999-12-31'::date AS last_day;
SELECT '0001-01-01'::date AS first_day;
-- gap: not-yet
SELECT 'epoch'::timestamp AS ep, 'today'::date = current_date AS today;
SELECT date '2024-05-06' - 400 AS back, date '2024-05-06' + 1000 AS fwd;

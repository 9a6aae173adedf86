-- Math functions: result values and types.
SELECT abs(-5) AS a, abs(-5.5) AS an, abs(-2.5::float8) AS af, abs(-3::int8) AS a8;
SELECT ceil(1.2) AS c, ceiling(-1.2) AS c2, floor(1.8) AS f, floor(-1.2) AS f2, ceil(1.2::float8) AS cf;
SELECT round(2.5) AS r1, round(-2.5) AS r2, round(3.5) AS r3, round(2.4) AS r4;
SELECT round(2.5::float8) AS rf1, round(3.5::float8) AS rf2, round(-0.5::float8) AS rf3;
SELECT round(1.2345, 2) AS r, round(1235, -2) AS rneg, round(1.5, 0) AS r0, round(0.125, 2) AS rhalf;
SELECT trunc(1.789, 2) AS t, trunc(-1.7) AS t2, trunc(1.789) AS t3, trunc(5.5::float8) AS tf;
SELECT sign(-3) AS s1, sign(0) AS s2, sign(4.5) AS s3, sign(-2.0::float8) AS s4;
SELECT sqrt(16) AS sq, sqrt(2) AS sq2;
-- gap: numeric-transcendental
SELECT sqrt(2.0) AS sqn;
-- gap: not-yet
SELECT cbrt(27) AS cb;
-- gap: math-errors
SELECT sqrt(-1);
SELECT power(2, 10) AS p, power(2, -1) AS pneg;
-- gap: numeric-transcendental
SELECT power(2.0, 3) AS pn, 2.0 ^ 0.5 AS pfrac;
SELECT exp(1) AS e, ln(10) AS l, log(100) AS lg, log10(1000) AS l10;
-- gap: numeric-transcendental
SELECT exp(1.0) AS en, log(2, 8) AS lg2;
SELECT ln(0);
SELECT ln(-1);
SELECT mod(10, 3) AS m, mod(-10, 3) AS m2, mod(10.5, 3) AS m3;
SELECT div(7, 2) AS d, div(-7, 2) AS d2;
SELECT pi() AS pi, degrees(pi()) AS deg, radians(180) AS rad;
SELECT sin(0) AS s, cos(0) AS c, tan(0) AS t;
SELECT atan(1) * 4 AS pi4, atan2(1, 1) AS a2, asin(1) AS as1, acos(1) AS ac;
SELECT gcd(12, 18) AS g, lcm(4, 6) AS l;
-- gap: not-yet
SELECT factorial(5) AS f;
-- gap: numeric-scale
SELECT greatest(1.5, 2, 3::int8) AS g, least(1, 2.5::float8) AS l;
SELECT width_bucket(5.35, 0.024, 10.06, 5) AS wb;
SELECT random() >= 0 AND random() < 1 AS in_range;
SELECT pg_typeof(random()) AS rt;
SELECT 10 / 4 AS i, 10 / 4.0 AS n, 10 / 4::float8 AS f, 10::numeric / 4 AS n2;
SELECT 1 / 0;
SELECT 1 % 0;
SELECT 1.0 / 0;
SELECT 1::float8 / 0;
-- gap: numeric-scale
SELECT 0 / 5 AS z, 0.0 / 5 AS zn;
-- gap: numeric-transcendental
SELECT 2::numeric ^ 100 AS big;
-- gap: numeric-scale
SELECT 1e-20 * 1e-20 AS tiny, 123456789.123456789 * 1000 AS prec;
-- gap: numeric-scale
SELECT 1.0 / 3 AS third, 2.0 / 3 AS two_thirds, 1 / 3.0 * 3 AS back;
SELECT 100000 * 100000;
SELECT 100000::int8 * 100000 AS ok;
SELECT scale(1.2300) AS s, 1.2300 AS keeps_scale, 1.2300 + 0 AS add_scale, 1.2300 * 1.0 AS mul_scale;
-- gap: numeric-scale
SELECT sum(x) AS s, avg(x) AS a FROM (VALUES (1.10), (2.205), (3)) v(x);
SELECT avg(x) AS a FROM (VALUES (1), (2), (2)) v(x);
SELECT abs(-2147483648);

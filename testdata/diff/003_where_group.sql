-- WHERE, GROUP BY / HAVING, aggregates and DISTINCT over a small table with NULLs.
CREATE TABLE emp (id int PRIMARY KEY, name text NOT NULL, dept text, salary numeric(10, 2), hired date, manager int);
INSERT INTO emp VALUES
  (1, 'Alice', 'eng', 120000.00, '2019-03-01', NULL),
  (2, 'Bob', 'eng', 95000.50, '2020-07-15', 1),
  (3, 'Carol', 'sales', 70000.00, '2018-01-10', 1),
  (4, 'Dan', 'sales', NULL, '2021-11-30', 3),
  (5, 'Eve', NULL, 50000.00, '2022-05-05', 1),
  (6, 'Frank', 'ops', 82000.25, NULL, 1),
  (7, 'Grace', 'eng', 130000.00, '2017-09-09', NULL),
  (8, 'heidi', 'ops', 82000.25, '2023-02-28', 6);
SELECT id, name FROM emp WHERE dept = 'eng';
SELECT id FROM emp WHERE salary > 80000 AND dept <> 'eng';
SELECT id FROM emp WHERE dept IS NULL OR salary IS NULL;
SELECT id FROM emp WHERE name LIKE '%a%';
SELECT id FROM emp WHERE name ILIKE 'h%' OR name LIKE 'H%';
SELECT id FROM emp WHERE name = 'alice';
SELECT id FROM emp WHERE hired BETWEEN '2019-01-01' AND '2021-12-31';
SELECT id FROM emp WHERE manager IN (1, 3);
SELECT id FROM emp WHERE manager NOT IN (1, 3);
SELECT id FROM emp WHERE NOT (salary > 90000);
SELECT id FROM emp WHERE salary = 82000.25;
SELECT id FROM emp WHERE hired > '2020-01-01'::date AND hired < DATE '2022-12-31';
SELECT id FROM emp WHERE id = '3';
SELECT dept, count(*) AS n FROM emp GROUP BY dept;
SELECT dept, count(salary) AS n, sum(salary) AS total, min(salary) AS lo, max(salary) AS hi FROM emp GROUP BY dept;
-- gap: numeric-scale
SELECT dept, avg(salary) AS mean FROM emp GROUP BY dept;
SELECT dept, count(*) AS n FROM emp GROUP BY dept HAVING count(*) > 1;
SELECT dept, sum(salary) AS total FROM emp WHERE hired IS NOT NULL GROUP BY dept HAVING sum(salary) > 100000;
SELECT count(*) AS n, count(DISTINCT dept) AS nd, count(dept) AS cd, count(DISTINCT salary) AS ns FROM emp;
SELECT DISTINCT dept FROM emp;
SELECT DISTINCT salary FROM emp;
SELECT DISTINCT dept, manager IS NULL AS top FROM emp;
SELECT count(*) AS n FROM emp WHERE false;
SELECT sum(salary) AS s, max(name) AS m, avg(id) AS a, count(salary) AS c FROM emp WHERE false;
SELECT sum(id) AS s, sum(id::int8) AS s8, sum(id::int2) AS s2, avg(id) AS a FROM emp;
SELECT sum(salary::float8) AS f, avg(salary::float8) AS af FROM emp WHERE dept = 'eng';
SELECT dept, string_agg(name, ',' ORDER BY name) AS names FROM emp GROUP BY dept;
SELECT string_agg(name, ', ') AS names FROM (SELECT name FROM emp WHERE id <= 3 ORDER BY id) s;
SELECT bool_and(salary > 60000) AS ba, bool_or(salary > 125000) AS bo, every(id > 0) AS ev FROM emp;
SELECT dept, max(hired) AS last_hired FROM emp GROUP BY dept HAVING max(hired) IS NOT NULL;
SELECT extract(year FROM hired) AS y, count(*) AS n FROM emp GROUP BY 1;
SELECT length(name) AS len, count(*) AS n FROM emp GROUP BY length(name);
SELECT count(*) AS n FROM emp GROUP BY dept HAVING dept IS NULL;
SELECT 1 AS x FROM emp HAVING count(*) > 5;
SELECT min(name) AS lo, max(name) AS hi FROM emp;
SELECT manager, count(*) AS n FROM emp GROUP BY manager;
SELECT dept, count(*) FILTER (WHERE salary > 80000) AS rich FROM emp GROUP BY dept;
-- gap: not-yet
SELECT stddev_pop(id) AS sp, var_samp(id) AS vs FROM emp;
SELECT d, n FROM (SELECT dept AS d, count(*) AS n FROM emp GROUP BY dept) s WHERE n = 2;
SELECT name FROM emp WHERE salary > (SELECT avg(salary) FROM emp);
SELECT dept, name, salary, rank() OVER (PARTITION BY dept ORDER BY salary DESC NULLS LAST) AS r FROM emp WHERE dept IS NOT NULL;
SELECT id, sum(id) OVER (ORDER BY id) AS running, row_number() OVER (ORDER BY id DESC) AS rn FROM emp;
SELECT id, lag(name) OVER (ORDER BY id) AS prev, lead(id, 2, 0) OVER (ORDER BY id) AS next2 FROM emp;

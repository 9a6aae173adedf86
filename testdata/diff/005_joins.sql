-- Inner, outer and cross joins, USING/NATURAL, self joins and joins to derived tables.
CREATE TABLE dept (id int PRIMARY KEY, name text);
CREATE TABLE emp (id int PRIMARY KEY, name text, dept_id int, boss int);
INSERT INTO dept VALUES (1, 'eng'), (2, 'sales'), (3, 'empty');
INSERT INTO emp VALUES (1, 'a', 1, NULL), (2, 'b', 1, 1), (3, 'c', 2, 1), (4, 'd', NULL, 3), (5, 'e', 9, 3);
SELECT e.name, d.name AS dept FROM emp e JOIN dept d ON e.dept_id = d.id;
SELECT e.name, d.name AS dept FROM emp e INNER JOIN dept d ON d.id = e.dept_id WHERE d.name = 'eng';
SELECT e.name, d.name AS dept FROM emp e LEFT JOIN dept d ON e.dept_id = d.id;
SELECT e.name FROM emp e LEFT OUTER JOIN dept d ON e.dept_id = d.id WHERE d.id IS NULL;
SELECT e.name, d.name AS dept FROM emp e RIGHT JOIN dept d ON e.dept_id = d.id;
SELECT d.name FROM emp e RIGHT OUTER JOIN dept d ON e.dept_id = d.id WHERE e.id IS NULL;
SELECT count(*) AS n FROM emp CROSS JOIN dept;
SELECT e.name, d.name AS dept FROM emp e, dept d WHERE e.dept_id = d.id AND d.id = 2;
SELECT * FROM emp JOIN dept USING (id);
SELECT id, emp.name, dept.name FROM emp JOIN dept USING (id) WHERE id > 1;
SELECT * FROM emp NATURAL JOIN dept;
SELECT d.name, count(e.id) AS n FROM dept d LEFT JOIN emp e ON e.dept_id = d.id GROUP BY d.name;
SELECT a.name, b.name AS other FROM emp a JOIN emp b ON a.dept_id = b.dept_id AND a.id < b.id;
SELECT e.name, m.name AS boss FROM emp e LEFT JOIN emp m ON e.boss = m.id;
SELECT e.name, d.name AS dept FROM emp e LEFT JOIN dept d ON e.dept_id = d.id AND d.name = 'eng';
SELECT e.name, x.n FROM emp e JOIN (SELECT dept_id, count(*) AS n FROM emp GROUP BY dept_id) x ON x.dept_id = e.dept_id;
SELECT e.name, d.name AS dept, m.name AS boss FROM emp e JOIN dept d ON d.id = e.dept_id LEFT JOIN emp m ON m.id = e.boss;
SELECT e.name, d.name AS dept FROM emp e JOIN dept d ON e.dept_id = d.id ORDER BY e.name DESC;
SELECT e.id, d.id AS did FROM emp e JOIN dept d ON true WHERE e.id = 1 ORDER BY d.id;
-- gap: not-yet
SELECT e.name, d.name AS dept FROM emp e FULL JOIN dept d ON e.dept_id = d.id;
-- gap: not-yet
SELECT e.name, d.name AS dept FROM emp e FULL OUTER JOIN dept d ON e.dept_id = d.id WHERE e.id IS NULL OR d.id IS NULL;
SELECT e.name FROM emp e LEFT JOIN dept d ON e.dept_id = d.id WHERE coalesce(d.name, 'none') = 'none';
SELECT t1.x, t2.y FROM (VALUES (1), (2)) t1(x) JOIN (VALUES (2), (3)) t2(y) ON t1.x = t2.y;
SELECT e.name, d.name AS dept FROM dept d JOIN emp e ON e.dept_id = d.id AND e.boss IS NOT NULL WHERE d.id < 3;

package pgerror_test

import (
	"testing"

	"github.com/go-sql-driver/mysql"

	"github.com/pgtidb/pgtidb/pgerror"
)

// TestFromMySQL covers every row of the error table. Messages on the left are what the pinned
// TiDB (v8.4-era master, unistore) returned for the statement in the comment; messages on the
// right are PostgreSQL 15's wording for the same failure, minus what TiDB's message does not
// say (relation of a not-null violation, key values of a foreign-key violation…).
func TestFromMySQL(t *testing.T) {
	cases := []struct {
		number  uint16
		tidb    string
		code    string
		message string
		detail  string
	}{
		// INSERT INTO t (id, a) VALUES (1, 2) with id the primary key
		{1062, "Duplicate entry '1' for key 't.PRIMARY'", "23505", `duplicate key value violates unique constraint "t_pkey"`, ""},
		{1062, "Duplicate entry 'x@y' for key 't.t_email_key'", "23505", `duplicate key value violates unique constraint "t_email_key"`, ""},
		{1062, "Duplicate entry '1-a-b' for key 't.t_k'", "23505", `duplicate key value violates unique constraint "t_k"`, ""},
		{1451, "Cannot delete or update a parent row: a foreign key constraint fails (`d`.`c1`, CONSTRAINT `c1_pid_fkey` FOREIGN KEY (`pid`) REFERENCES `p1` (`id`))",
			"23503", `update or delete on table "p1" violates foreign key constraint "c1_pid_fkey" on table "c1"`, ""},
		{1452, "Cannot add or update a child row: a foreign key constraint fails (`d`.`c1`, CONSTRAINT `c1_pid_fkey` FOREIGN KEY (`pid`) REFERENCES `p1` (`id`))",
			"23503", `insert or update on table "c1" violates foreign key constraint "c1_pid_fkey"`, ""},
		// A foreign key into another schema (TiDB database): the referenced table is qualified.
		{1451, "Cannot delete or update a parent row: a foreign key constraint fails (`d__s`.`c`, CONSTRAINT `c_pid_fkey` FOREIGN KEY (`pid`) REFERENCES `d`.`p` (`id`))",
			"23503", `update or delete on table "p" violates foreign key constraint "c_pid_fkey" on table "c"`, ""},
		{1452, "Cannot add or update a child row: a foreign key constraint fails (`d__s`.`c`, CONSTRAINT `c_pid_fkey` FOREIGN KEY (`pid`) REFERENCES `d`.`p` (`id`))",
			"23503", `insert or update on table "c" violates foreign key constraint "c_pid_fkey"`, ""},
		{1216, "Cannot add or update a child row: a foreign key constraint fails", "23503", "insert or update violates a foreign key constraint", ""},
		{1217, "Cannot delete or update a parent row: a foreign key constraint fails", "23503", "update or delete violates a foreign key constraint", ""},
		{1048, "Column 'a' cannot be null", "23502", `null value in column "a" violates not-null constraint`, ""},
		{1364, "Field 'a' doesn't have a default value", "23502", `null value in column "a" violates not-null constraint`, ""},
		{3819, "Check constraint 'ck_c_check' is violated.", "23514", `new row violates check constraint "ck_c_check"`, ""},
		{1406, "Data too long for column 'b' at row 1", "22001", `value too long for column "b"`, ""},
		{1265, "Data truncated for column 'name', value is 'hammer'", "22001", `value too long for column "name"`, ""},
		{1265, "Data truncated for column 'a' at row 1", "XX000", "Data truncated for column 'a' at row 1", ""},
		{1264, "Out of range value for column 'c' at row 1", "22003", `value out of range for column "c"`, ""},
		{1690, "BIGINT value is out of range in '(9223372036854775807 + 1)'", "22003", "bigint out of range", ""},
		{1690, "BIGINT UNSIGNED value is out of range in '(18446744073709551615 + 1)'", "22003", "bigint out of range", ""},
		{1690, "DOUBLE value is out of range in 'exp(1000)'", "22003", "value out of range: overflow", ""},
		{1690, "DECIMAL value is out of range in '(1e65 * 10)'", "22003", "numeric field overflow", ""},
		{1365, "Division by 0", "22012", "division by zero", ""},
		{1366, "Incorrect int value: 'abc' for column 'a' at row 1", "22P02", `invalid input syntax for type integer: "abc"`, ""},
		{1366, "Incorrect decimal value: 'x' for column 'n' at row 1", "22P02", `invalid input syntax for type numeric: "x"`, ""},
		{1292, "Incorrect datetime value: 'abc' for column 'd' at row 1", "22007", `invalid input syntax for type timestamp: "abc"`, ""},
		{1292, "Incorrect date value: '2024-02-30' for column 'dd' at row 1", "22007", `invalid input syntax for type date: "2024-02-30"`, ""},
		{1292, "Incorrect time value: 'x' for column 'tm' at row 1", "22007", `invalid input syntax for type time: "x"`, ""},
		{1292, "Truncated incorrect DOUBLE value: 'abc'", "22P02", `invalid input syntax for type double precision: "abc"`, ""},
		{1292, "Truncated incorrect INTEGER value: '1x'", "22P02", `invalid input syntax for type integer: "1x"`, ""},
		{1146, "Table 'd.nosuch' doesn't exist", "42P01", `relation "nosuch" does not exist`, ""},
		{1051, "Unknown table 'd.nosuch'", "42P01", `table "nosuch" does not exist`, ""},
		{1051, "Unknown table 'd.nosuch,d.nosuch2'", "42P01", `table "nosuch" does not exist`, ""},
		{1054, "Unknown column 'x' in 'field list'", "42703", `column "x" does not exist`, ""},
		{1054, "Unknown column 't.x' in 'field list'", "42703", "column t.x does not exist", ""},
		{1054, "Unknown column 'd.t.x' in 'field list'", "42703", "column t.x does not exist", ""},
		{1054, "Unknown column 'qq' in 'where clause'", "42703", `column "qq" does not exist`, ""},
		{1049, "Unknown database 'nodb'", "3D000", `database "nodb" does not exist`, ""},
		{1007, "Can't create database 'dd'; database exists", "42P04", `database "dd" already exists`, ""},
		{1050, "Table 'd.t' already exists", "42P07", `relation "t" already exists`, ""},
		{1061, "Duplicate key name 't_email_key'", "42P07", `relation "t_email_key" already exists`, ""},
		{1060, "Duplicate column name 'a'", "42701", `column "a" specified more than once`, ""},
		{1064, `You have an error in your SQL syntax; check the manual that corresponds to your TiDB version for the right syntax to use line 1 column 5 near "selec 1" `,
			"42601", `syntax error at or near "selec"`, ""},
		{1064, `You have an error in your SQL syntax; check the manual that corresponds to your TiDB version for the right syntax to use line 1 column 21 near "" `,
			"42601", "syntax error at end of input", ""},
		{1064, `You have an error in your SQL syntax; check the manual that corresponds to your TiDB version for the right syntax to use line 1 column 9 near "(1)"`,
			"42601", `syntax error at or near "("`, ""},
		{1044, "Access denied for user 'u1'@'%' to database 'mysql'", "42501", "permission denied for schema mysql", ""},
		{1142, "INSERT command denied to user 'u1'@'%' for table 'ck'", "42501", "permission denied for table ck", ""},
		{1143, "SELECT command denied to user 'u1'@'%' for column 'a' in table 't'", "42501", "permission denied for table t", ""},
		{1045, "Access denied for user 'u1'@'127.0.0.1' (using password: YES)", "28P01", `password authentication failed for user "u1"`, ""},
		{1213, "Deadlock found when trying to get lock; try restarting transaction", "40P01", "deadlock detected", ""},
		{9007, "Write conflict, txnStartTS=1, conflictStartTS=2, conflictCommitTS=3, key={tableID=1, handle=1} primary={tableID=1, handle=1}, reason=optimistic [try again later]",
			"40001", "could not serialize access due to concurrent update", ""},
		{8002, "[1] can not retry select for update statement", "40001", "could not serialize access due to concurrent update", ""},
		{8005, "Write conflict, txnStartTS 1 is stale", "40001", "could not serialize access due to concurrent update", ""},
		{8022, "Error: KV error safe to retry x ", "40001", "could not serialize access due to concurrent update", ""},
		{8028, "Information schema is changed during the execution of the statement(for example, table definition may be updated by other DDL ran in parallel). If you see this error often, try increasing `tidb_max_delta_schema_count`",
			"40001", "could not serialize access due to concurrent schema change", ""},
		{8147, "transaction aborted because lazy uniqueness check is enabled and an error occurred: x", "40001",
			"could not serialize access due to a deferred uniqueness check", ""},
		{1205, "Lock wait timeout exceeded; try restarting transaction", "55P03", "canceling statement due to lock timeout", ""},
		{3572, "Statement aborted because lock(s) could not be acquired immediately and NOWAIT is set.", "55P03", "could not obtain lock on row", ""},
		{3024, "Query execution was interrupted, maximum statement execution time exceeded", "57014", "canceling statement due to statement timeout", ""},
		{1317, "Query execution was interrupted", "57014", "canceling statement due to user request", ""},
		{1305, "SAVEPOINT nosp does not exist", "3B001", `savepoint "nosp" does not exist`, ""},
		{1305, "FUNCTION d.nosuchfunc does not exist", "42883", "function nosuchfunc does not exist", ""},
		{8048, "The isolation level 'SERIALIZABLE' is not supported. Set tidb_skip_isolation_level_check=1 to skip this error", "0A000",
			"transaction isolation level SERIALIZABLE is not supported by pgtidb", ""},
		{1235, "function LOCK IN SHARE MODE has only noop implementation in tidb now, use tidb_enable_noop_functions to enable these functions", "0A000",
			"function LOCK IN SHARE MODE has only noop implementation in tidb now, use tidb_enable_noop_functions to enable these functions", ""},
		{8200, "Unsupported modify column: this column has primary key flag", "0A000", "Unsupported modify column: this column has primary key flag", ""},
		{8004, "Transaction is too large, size: 104857600", "54000", "transaction is too large", "Transaction is too large, size: 104857600"},
		{9500, "Transaction is too large", "54000", "transaction is too large", "Transaction is too large"},
		{8025, "entry too large, the max entry size is 6291456, the size of data is 7340032", "54000", "row is too big: size 7340032, maximum size 6291456", ""},
		{8001, "x holds 1B memory, exceeds threshold 0B.", "53200", "out of memory", "x holds 1B memory, exceeds threshold 0B."},
		{8175, "Your query has been cancelled due to exceeding the allowed memory limit for a single SQL query. Please try narrowing your query scope or increase the tidb_mem_quota_query limit and try again.[conn=1]",
			"53200", "out of memory", "Your query has been cancelled due to exceeding the allowed memory limit for a single SQL query. Please try narrowing your query scope or increase the tidb_mem_quota_query limit and try again.[conn=1]"},
		{8176, "Your query has been cancelled", "53200", "out of memory", "Your query has been cancelled"},
		{4135, "Sequence 'd.sq' has run out", "2200H", `nextval: reached the limit of sequence "sq"`, ""},
		{4139, "Unknown SEQUENCE: 'd.sq'", "42P01", `sequence "sq" does not exist`, ""},
		{1347, "'d.t' is not SEQUENCE", "42809", `"t" is not a sequence`, ""},
		{9001, "PD server timeout: x", "08006", "PD server timeout: x", ""},
		{9002, "TiKV server timeout", "08006", "TiKV server timeout", ""},
		{9005, "Region is unavailable", "08006", "Region is unavailable", ""},
		{3730, "Cannot drop table 'p1' referenced by a foreign key constraint 'c1_pid_fkey' on table 'c1'.", "2BP01",
			"cannot drop table p1 because other objects depend on it", "constraint c1_pid_fkey on table c1 depends on table p1"},
		{1105, "some internal failure", "XX000", "some internal failure", ""},
		{1229, "Variable 'x' is a GLOBAL variable and should be set with SET GLOBAL", "XX000", "Variable 'x' is a GLOBAL variable and should be set with SET GLOBAL", ""},
		// A message in an unexpected form keeps TiDB's text and the table's SQLSTATE.
		{1062, "Duplicate entry", "23505", "Duplicate entry", ""},
	}
	seen := map[uint16]bool{}
	for _, c := range cases {
		seen[c.number] = true
		e := pgerror.FromMySQL(&mysql.MySQLError{Number: c.number, Message: c.tidb})
		if e.Code != c.code || e.Message != c.message || e.Detail != c.detail {
			t.Errorf("%d %q:\n got  %s %q detail %q\n want %s %q detail %q", c.number, c.tidb, e.Code, e.Message, e.Detail, c.code, c.message, c.detail)
		}
	}
	for _, n := range []uint16{1062, 1451, 1452, 1216, 1217, 1048, 1364, 3819, 1406, 1265, 1264, 1690, 1365, 1366, 1292,
		1146, 1051, 1054, 1049, 1007, 1050, 1061, 1060, 1064, 1044, 1142, 1143, 1045, 1213, 9007, 8002, 8005, 8022, 8028,
		8147, 1205, 3572, 3024, 1317, 1305, 8048, 1235, 8200, 8004, 9500, 8025, 8001, 4135, 9001, 9002, 9005, 1105} {
		if !seen[n] {
			t.Errorf("error %d has no case", n)
		}
	}
	if col, ok := pgerror.NullsFound(&mysql.MySQLError{Number: 1265, Message: "Data truncated for column 'a' at row 1"}); !ok || col != "a" {
		t.Errorf("NullsFound: %q %v", col, ok)
	}
	if _, ok := pgerror.NullsFound(&mysql.MySQLError{Number: 1265, Message: "Data truncated for column 'a', value is 'abc'"}); ok {
		t.Error("NullsFound read a truncated value as NULLs")
	}
	if pgerror.FromMySQL(nil) != nil {
		t.Error("FromMySQL(nil) is not nil")
	}
}

func TestFromMySQLCode(t *testing.T) {
	cases := map[uint16]string{1062: "23505", 1292: "22P02", 1305: "3B001", 9005: "08006", 1105: "XX000", 65535: "XX000", 0: "XX000"}
	for n, want := range cases {
		if got := pgerror.FromMySQLCode(n); got != want {
			t.Errorf("FromMySQLCode(%d) = %s, want %s", n, got, want)
		}
	}
}

// TestFromMySQLIn: with the statement's target relation, not-null and check violations are
// worded as PostgreSQL 15 words them (checked: INSERT INTO people (id) VALUES (9) with name NOT
// NULL; UPDATE people SET name = NULL; INSERT violating CHECK (score > 0)).
func TestFromMySQLIn(t *testing.T) {
	cases := []struct {
		number   uint16
		tidb     string
		relation string
		message  string
	}{
		{1048, "Column 'name' cannot be null", "people", `null value in column "name" of relation "people" violates not-null constraint`},
		{1364, "Field 'name' doesn't have a default value", "people", `null value in column "name" of relation "people" violates not-null constraint`},
		{3819, "Check constraint 'people_score_check' is violated.", "people", `new row for relation "people" violates check constraint "people_score_check"`},
		{1048, "Column 'name' cannot be null", "", `null value in column "name" violates not-null constraint`},
		{1062, "Duplicate entry '1' for key 'people.PRIMARY'", "people", `duplicate key value violates unique constraint "people_pkey"`},
		{1048, "something else", "people", "something else"},
	}
	for _, c := range cases {
		e := pgerror.FromMySQLIn(&mysql.MySQLError{Number: c.number, Message: c.tidb}, c.relation)
		if e.Message != c.message || e.Code != pgerror.FromMySQL(&mysql.MySQLError{Number: c.number}).Code {
			t.Errorf("%d %q in %q: %s %q, want %q", c.number, c.tidb, c.relation, e.Code, e.Message, c.message)
		}
	}
	if pgerror.FromMySQLIn(nil, "t") != nil {
		t.Error("nil error")
	}
}

func TestKeyExistsDetail(t *testing.T) {
	err := &mysql.MySQLError{Number: 1062, Message: "Duplicate entry '1-a' for key 't.t_k'"}
	table, constraint, entry, ok := pgerror.DuplicateEntry(err)
	if !ok || table != "t" || constraint != "t_k" || entry != "1-a" {
		t.Fatalf("DuplicateEntry = %q %q %q %v", table, constraint, entry, ok)
	}
	// PostgreSQL 15: Key (k1, k2)=(1, a) already exists.
	if d, ok := pgerror.KeyExistsDetail([]string{"k1", "k2"}, entry); !ok || d != "Key (k1, k2)=(1, a) already exists." {
		t.Errorf("detail %q %v", d, ok)
	}
	if d, ok := pgerror.KeyExistsDetail([]string{"id"}, "1"); !ok || d != "Key (id)=(1) already exists." {
		t.Errorf("detail %q %v", d, ok)
	}
	if _, ok := pgerror.KeyExistsDetail([]string{"k1", "k2"}, "1-a-b"); ok {
		t.Error("an ambiguous entry must not give a detail")
	}
	if _, _, _, ok := pgerror.DuplicateEntry(&mysql.MySQLError{Number: 1048, Message: "Column 'a' cannot be null"}); ok {
		t.Error("DuplicateEntry accepted another error")
	}
}

// TestSequenceLimit reads TiDB's 4135 and words PostgreSQL's error with the bound.
func TestSequenceLimit(t *testing.T) {
	db, name, ok := pgerror.SequenceRunOut(&mysql.MySQLError{Number: 4135, Message: "Sequence 'app.s.x' has run out"})
	if !ok || db != "app" || name != "s.x" {
		t.Fatalf("SequenceRunOut = %q, %q, %v", db, name, ok)
	}
	if _, _, ok := pgerror.SequenceRunOut(&mysql.MySQLError{Number: 1146, Message: "Sequence 'a.b' has run out"}); ok {
		t.Error("SequenceRunOut took another error")
	}
	if e := pgerror.SequenceLimit("s", 1, 8); e.Code != "2200H" || e.Message != `nextval: reached maximum value of sequence "s" (8)` {
		t.Errorf("ascending: %s %s", e.Code, e.Message)
	}
	if e := pgerror.SequenceLimit("s", -2, -9); e.Message != `nextval: reached minimum value of sequence "s" (-9)` {
		t.Errorf("descending: %s", e.Message)
	}
}

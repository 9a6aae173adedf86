package typemap_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"testing"

	"github.com/go-sql-driver/mysql"

	"github.com/pgtidb/pgtidb/typemap"
)

// TestThroughTiDBAgainstPostgres is the whole value path, compared with PostgreSQL 15: a
// client's text parameter is read by DecodeParam, stored by go-sql-driver
// (interpolateParams=true) in the TiDB column pgtidb uses for the type, read back as TiDB's
// text, and printed by EncodeText; PostgreSQL prints `SELECT $1::type` for the same input.
// PGTIDB_TEST_TIDB is a go-sql-driver DSN of a TiDB (e.g. root@tcp(127.0.0.1:4000)/); the test
// skips without it, or without PostgreSQL.
func TestThroughTiDBAgainstPostgres(t *testing.T) {
	dsn := os.Getenv("PGTIDB_TEST_TIDB")
	if dsn == "" {
		t.Skip("PGTIDB_TEST_TIDB not set")
	}
	pg := postgres(t)
	cfg, err := mysql.ParseDSN(dsn)
	if err != nil {
		t.Fatal(err)
	}
	cfg.InterpolateParams = true
	cfg.Params = map[string]string{"time_zone": "'+00:00'"}
	connector, err := mysql.NewConnector(cfg)
	if err != nil {
		t.Fatal(err)
	}
	db := sql.OpenDB(connector)
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	for _, q := range []string{"CREATE DATABASE IF NOT EXISTS pgtidb_typemap_test", "USE pgtidb_typemap_test"} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Skipf("TiDB at %s: %v", dsn, err)
		}
	}
	zone := "Asia/Kolkata"
	if _, err := pg.Exec(ctx, "SET TimeZone = '"+zone+"'"); err != nil {
		t.Fatal(err)
	}
	s := &typemap.Settings{TimeZone: mustZone(t, zone), ExtraFloatDigits: 1}

	cases := []struct {
		pgType string
		column string // the TiDB column pgtidb stores the type in
		typ    typemap.Type
		inputs []string
	}{
		{"bool", "TINYINT(1)", typemap.Of(typemap.Bool), []string{"t", "false", "yes", "0"}},
		{"int2", "SMALLINT", typemap.Of(typemap.Int2), []string{"-32768", " 12 "}},
		{"int4", "INT", typemap.Of(typemap.Int4), []string{"2147483647", "-5"}},
		{"int8", "BIGINT", typemap.Of(typemap.Int8), []string{"-9223372036854775808"}},
		{"float4", "FLOAT", typemap.Of(typemap.Float4), []string{"0.1", "1e20", "-3.4e38", "1.5e-7", "123456.7", "16777217", "1e-45", "-767666432"}},
		{"float8", "DOUBLE", typemap.Of(typemap.Float8), []string{"0.1", "1e300", "5e-324", "123456789012345.678", "2.2250738585072014e-308", "18660404550660928"}},
		{"numeric(10,2)", "DECIMAL(10,2)", numericT(10, 2), []string{"1.5", "-12.345", "99999999.99", "0"}},
		{"numeric", "DECIMAL(65,30)", typemap.Of(typemap.Numeric), []string{"1.5", "123", "0.000000000000000000000000000001", "-99999999999999999999999999999999999"}},
		{"text", "LONGTEXT", typemap.Of(typemap.Text), []string{"héllo", "", "a'b\\c"}},
		{"varchar(5)", "VARCHAR(5)", charT(typemap.Varchar, 5), []string{"ab", "ab  "}},
		{"char(5)", "CHAR(5)", charT(typemap.BPChar, 5), []string{"ab", "ab  ", "abcde", "é"}},
		{"bytea", "LONGBLOB", typemap.Of(typemap.Bytea), []string{`\x00ff`, "abc", `\x`}},
		{"date", "DATE", typemap.Of(typemap.Date), []string{"2024-01-31", "0001-01-01 BC", "1999-12-31", "01/02/2003"}},
		{"time", "TIME(6)", typemap.Of(typemap.Time), []string{"10:00:00.5", "24:00", "23:59:59.999999", "00:00"}},
		{"timestamp", "DATETIME(6)", typemap.Of(typemap.Timestamp), []string{"2024-01-31 10:00:00.123", "9999-12-31 23:59:59.999999", "0001-01-01 00:00:00", "0001-12-31 23:00 BC"}},
		{"timestamptz", "DATETIME(6)", typemap.Of(typemap.Timestamptz), []string{"2024-01-31 10:00:00+02", "2024-03-10 02:30 America/New_York", "2024-01-31 10:00", "1900-06-01 00:00"}},
		{"jsonb", "JSON", typemap.Of(typemap.JSONB), []string{`{"b": 1, "aa": [1, 2.5, "x"], "a": null}`, `[1e2, 1.5e-7]`, `"é\n"`, `{"a": {"c": 1, "b": 2}}`, `{"a":1,"a":2}`}},
		{"json", "LONGTEXT", typemap.Of(typemap.JSON), []string{`{"b":1,  "a":2, "a": 3}`, `[1, 2.50]`}},
		{"uuid", "CHAR(36)", typemap.Of(typemap.UUID), []string{"A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "{a0eebc999c0b4ef8bb6d6bb9bd380a11}"}},
	}
	for i, c := range cases {
		table := fmt.Sprintf("v%d", i)
		for _, q := range []string{"DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " (id INT PRIMARY KEY, v " + c.column + ")"} {
			if _, err := db.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		for j, in := range c.inputs {
			var want string
			if err := pg.QueryRow(ctx, "SELECT format('%s', $1::text::"+c.pgType+")", in).Scan(&want); err != nil {
				t.Fatalf("PostgreSQL %s %q: %v", c.pgType, in, err)
			}
			param, err := typemap.DecodeParam(c.typ, 0, []byte(in), s)
			if err != nil {
				t.Errorf("%s %q: DecodeParam: %v", c.pgType, in, err)
				continue
			}
			if _, err := db.ExecContext(ctx, "INSERT INTO "+table+" VALUES (?, ?)", j, param); err != nil {
				t.Errorf("%s %q: TiDB insert of %#v: %v", c.pgType, in, param, err)
				continue
			}
			var raw sql.RawBytes
			rows, err := db.QueryContext(ctx, "SELECT v FROM "+table+" WHERE id = ?", j)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				if err := rows.Scan(&raw); err != nil {
					t.Fatal(err)
				}
				got, err := typemap.EncodeText(nil, c.typ, raw, s)
				if err != nil || string(got) != want {
					t.Errorf("%s %q: TiDB stored %q, pgtidb prints %q (%v), PostgreSQL %q", c.pgType, in, raw, got, err, want)
				}
			}
			rows.Close()
		}
	}
	_, _ = db.ExecContext(ctx, "DROP DATABASE pgtidb_typemap_test")
}

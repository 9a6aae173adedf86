package e2e

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"
)

// The INSERT … RETURNING benchmarks of issue 3: the same insert through pgtidb with RETURNING id
// (pgx, cached prepared statements) and as a plain INSERT straight to TiDB (go-sql-driver, the
// way a MySQL application would do it). README.md's performance section records the ratio.
//
//	go test ./e2e -run '^$' -bench 'Insert' -benchtime 2000x

const benchRows = 100

func benchDatabase(b *testing.B) string {
	b.Helper()
	e := requirePgtidb(b)
	if err := createDatabase(context.Background(), e, "bench"); err != nil {
		b.Fatal(err)
	}
	return "bench"
}

func pgxBench(b *testing.B) *pgx.Conn {
	b.Helper()
	db := benchDatabase(b)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtidbServer.DSN(db))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { conn.Close(ctx) })
	if _, err := conn.Exec(ctx, "DROP TABLE IF EXISTS bench_ret"); err != nil {
		b.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "CREATE TABLE bench_ret (id bigint PRIMARY KEY, v text)"); err != nil {
		b.Fatal(err)
	}
	return conn
}

func tidbBench(b *testing.B) *sql.DB {
	b.Helper()
	db := benchDatabase(b)
	cfg := mysql.NewConfig()
	cfg.Net, cfg.Addr, cfg.User, cfg.DBName = "tcp", tidb.Addr(), "root", db
	cfg.InterpolateParams = true
	connector, err := mysql.NewConnector(cfg)
	if err != nil {
		b.Fatal(err)
	}
	sqldb := sql.OpenDB(connector)
	sqldb.SetMaxOpenConns(1)
	b.Cleanup(func() { sqldb.Close() })
	for _, s := range []string{"DROP TABLE IF EXISTS bench_plain", "CREATE TABLE bench_plain (id BIGINT PRIMARY KEY, v LONGTEXT)"} {
		if _, err := sqldb.Exec(s); err != nil {
			b.Fatal(err)
		}
	}
	return sqldb
}

func valuesList(placeholder func(i int) string, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = placeholder(i)
	}
	return strings.Join(parts, ", ")
}

func BenchmarkInsertReturningPgtidb(b *testing.B) {
	conn := pgxBench(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var id int64
		if err := conn.QueryRow(ctx, "INSERT INTO bench_ret (id, v) VALUES ($1, $2) RETURNING id", int64(i), "x").Scan(&id); err != nil {
			b.Fatal(err)
		}
		if id != int64(i) {
			b.Fatalf("RETURNING id gave %d, want %d", id, i)
		}
	}
}

func BenchmarkInsertPlainTiDB(b *testing.B) {
	db := tidbBench(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.Exec("INSERT INTO bench_plain (id, v) VALUES (?, ?)", int64(i), "x"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkInsert100ReturningPgtidb(b *testing.B) {
	conn := pgxBench(b)
	ctx := context.Background()
	query := "INSERT INTO bench_ret (id, v) VALUES " +
		valuesList(func(i int) string { return fmt.Sprintf("($%d, 'x')", i+1) }, benchRows) + " RETURNING id"
	args := make([]any, benchRows)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range args {
			args[j] = int64(i*benchRows + j)
		}
		rows, err := conn.Query(ctx, query, args...)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			n++
		}
		if rows.Err() != nil || n != benchRows {
			b.Fatalf("RETURNING gave %d rows (%v), want %d", n, rows.Err(), benchRows)
		}
	}
}

func BenchmarkInsert100PlainTiDB(b *testing.B) {
	db := tidbBench(b)
	query := "INSERT INTO bench_plain (id, v) VALUES " + valuesList(func(int) string { return "(?, 'x')" }, benchRows)
	args := make([]any, benchRows)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range args {
			args[j] = int64(i*benchRows + j)
		}
		if _, err := db.Exec(query, args...); err != nil {
			b.Fatal(err)
		}
	}
}

// The nextval benchmarks: SELECT nextval('s') through pgtidb of a CACHE 1 sequence (TiDB's
// NEXTVAL in the statement) and of a CACHE 100 one (the session's block, taken every 100
// values). Each checks that the values come one after another, as one session draws them.
//
//	go test ./e2e -run '^$' -bench 'Nextval' -benchtime 2000x
func BenchmarkNextvalCache1(b *testing.B)   { benchNextval(b, 1) }
func BenchmarkNextvalCache100(b *testing.B) { benchNextval(b, 100) }

func benchNextval(b *testing.B, cache int) {
	conn := pgxBench(b)
	ctx := context.Background()
	name := fmt.Sprintf("bench_seq_c%d", cache)
	for _, s := range []string{"DROP SEQUENCE IF EXISTS " + name, fmt.Sprintf("CREATE SEQUENCE %s CACHE %d", name, cache)} {
		if _, err := conn.Exec(ctx, s); err != nil {
			b.Fatal(err)
		}
	}
	query := "SELECT nextval('" + name + "')"
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var v int64
		if err := conn.QueryRow(ctx, query).Scan(&v); err != nil {
			b.Fatal(err)
		}
		if v != int64(i)+1 {
			b.Fatalf("nextval gave %d, want %d", v, i+1)
		}
	}
}

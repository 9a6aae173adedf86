package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestPgxReturning inserts, updates and deletes with RETURNING through pgx under every
// QueryExecMode, with $n parameters, on PostgreSQL and on pgtidb, and compares the rows pgx
// decodes, their OIDs and the command tags.
func TestPgxReturning(t *testing.T) {
	pg, pt := requireBoth(t)
	ctx := context.Background()
	const db = "d_pgx_returning"
	conns := map[string]map[string]*pgx.Conn{}
	for _, ep := range []endpoint{pg, pt} {
		if err := createDatabase(ctx, ep, db); err != nil {
			t.Fatal(err)
		}
		conns[ep.name] = map[string]*pgx.Conn{}
		for _, m := range pgxModes {
			cfg, err := pgx.ParseConfig(ep.DSN(db))
			if err != nil {
				t.Fatal(err)
			}
			cfg.DefaultQueryExecMode = m.mode
			conn, err := pgx.ConnectConfig(ctx, cfg)
			if err != nil {
				t.Fatalf("%s: %v", ep.name, err)
			}
			defer conn.Close(ctx)
			conns[ep.name][m.name] = conn
		}
		if _, err := conns[ep.name]["SimpleProtocol"].Exec(ctx,
			"CREATE TABLE rt (id bigint PRIMARY KEY, name text NOT NULL, score numeric(6,2) DEFAULT 0, created timestamptz DEFAULT now())"); err != nil {
			t.Fatalf("%s: %v", ep.name, err)
		}
		if _, err := conns[ep.name]["SimpleProtocol"].Exec(ctx, "CREATE TABLE rs (id serial PRIMARY KEY, name text NOT NULL)"); err != nil {
			t.Fatalf("%s: %v", ep.name, err)
		}
		if _, err := conns[ep.name]["SimpleProtocol"].Exec(ctx, "CREATE TABLE rn (a int, b text, n numeric(5,2), at timestamptz DEFAULT now())"); err != nil {
			t.Fatalf("%s: %v", ep.name, err)
		}
		if _, err := conns[ep.name]["SimpleProtocol"].Exec(ctx, "CREATE TABLE rf (r real, d float8, k bigint)"); err != nil {
			t.Fatalf("%s: %v", ep.name, err)
		}
		if _, err := conns[ep.name]["SimpleProtocol"].Exec(ctx, "CREATE TABLE rfk (f float8 PRIMARY KEY, r real UNIQUE, v int)"); err != nil {
			t.Fatalf("%s: %v", ep.name, err)
		}
	}
	run := func(conn *pgx.Conn, sql string, args ...any) string {
		rows, err := conn.Query(ctx, sql, args...)
		if err != nil {
			return "error: " + err.Error()
		}
		defer rows.Close()
		var out string
		for _, f := range rows.FieldDescriptions() {
			out += fmt.Sprintf("%s:%d ", f.Name, f.DataTypeOID)
		}
		for rows.Next() {
			vals, err := rows.Values()
			if err != nil {
				return "error: " + err.Error()
			}
			out += "|"
			for _, v := range vals {
				out += canonical(v) + ","
			}
		}
		if err := rows.Err(); err != nil {
			return out + " error: " + errResult(err).String()
		}
		return out + " tag: " + rows.CommandTag().String()
	}
	for mi, m := range pgxModes {
		t.Run(m.name, func(t *testing.T) {
			base := int64(mi * 100)
			stmts := []struct {
				sql  string
				args []any
			}{
				{"INSERT INTO rt (id, name) VALUES ($1, $2) RETURNING id", []any{base + 1, "one"}},
				{"INSERT INTO rt (id, name, score) VALUES ($1, $2, $3), ($4, $5, $6) RETURNING id, name, score, created IS NOT NULL AS stamped",
					[]any{base + 3, "three", "3.5", base + 2, "two", "2.25"}},
				{"INSERT INTO rt (id, name) VALUES ($1, $2) RETURNING id", []any{base + 1, "dup"}},
				{"UPDATE rt SET score = score + $1 WHERE id = $2 RETURNING id, score", []any{"1", base + 2}},
				{"UPDATE rt SET score = score + $1 WHERE id > $2 AND id < $3 RETURNING id", []any{"1", base + 50, base + 100}},
				{"DELETE FROM rt WHERE id = $1 RETURNING id, name, score", []any{base + 3}},
				{"DELETE FROM rt WHERE id = $1 RETURNING id", []any{int64(-1)}},
				// A SERIAL key: the ids the rows really got, in VALUES order.
				{"INSERT INTO rs (name) VALUES ($1) RETURNING id", []any{"one"}},
				{"INSERT INTO rs (name) VALUES ($1), ($2) RETURNING id, name", []any{"two", "three"}},
				{"INSERT INTO rs (id, name) VALUES (DEFAULT, $1), ($2, $3) RETURNING id, name", []any{"four", int32(1000 + mi), "explicit"}},
				{"SELECT id, name FROM rs WHERE id > $1 ORDER BY id", []any{int32(0)}},
				{"SELECT currval('rs_id_seq') + $1 AS c", []any{int64(1)}},
				// A table without a primary key: rows read back by all their values (identical
				// rows, rounding to the column's scale, a default).
				{"INSERT INTO rn (a, b, n) VALUES ($1, $2, $3), ($1, $2, $3), ($4, NULL, $5) RETURNING a, b, n, at IS NOT NULL AS stamped",
					[]any{base + 1, "x", "1.235", base + 2, "9.999"}},
				{"UPDATE rn SET b = $1 WHERE a = $2 RETURNING a, b, n", []any{"y", base + 1}},
				{"INSERT INTO rn (a, b) SELECT a + $1, b FROM rn WHERE a = $2 RETURNING a, b, n, $3::text AS tag", []any{int32(50), base + 1, "t"}},
				{"DELETE FROM rn WHERE a = $1 RETURNING a, b, n", []any{base + 2}},
				{"SELECT a, b, n FROM rn WHERE a >= $1 ORDER BY a, b", []any{base}},
				// Floats as parameters (binary float4/float8 in the extended modes): read as
				// the columns store them, rows found exactly.
				{"INSERT INTO rf VALUES ($1, $2, $3), ($4, $5, $3) RETURNING r::float8 AS r8, d, k",
					[]any{float32(0.1), 1.0 / 3, base + 1, float32(16777216), 1e-300}},
				{"INSERT INTO rf (r, d, k) SELECT d, r, k + $1 FROM rf WHERE k = $2 RETURNING r::float8 AS r8, d, k", []any{int64(50), base + 1}},
				{"INSERT INTO rfk VALUES ($1, $2, $3) ON CONFLICT (f) DO UPDATE SET v = rfk.v + excluded.v RETURNING f, r::float8 AS r8, v",
					[]any{float64(base) + 0.1, float32(base) + 0.1, int32(1)}},
				{"INSERT INTO rfk VALUES ($1, $2, $3) ON CONFLICT (f) DO UPDATE SET v = rfk.v + excluded.v RETURNING f, r::float8 AS r8, v",
					[]any{float64(base) + 0.1, float32(base) + 0.1, int32(2)}},
				{"INSERT INTO rfk VALUES ($1, $2, $3) ON CONFLICT (r) DO NOTHING RETURNING f", []any{float64(base) + 0.2, float32(base) + 0.1, int32(3)}},
				{"UPDATE rfk SET v = v * 10 WHERE f = $1 RETURNING f, v", []any{float64(base) + 0.1}},
				{"SELECT r::float8 AS r8, d, k FROM rf WHERE k >= $1 ORDER BY k, r", []any{base}},
				// DDL plans (sequence, then table; table, then sequence) through every mode.
				{fmt.Sprintf("CREATE TABLE rsm%d (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text)", mi), nil},
				{fmt.Sprintf("INSERT INTO rsm%d (v) VALUES ($1), ($2) RETURNING id, v", mi), []any{"a", "b"}},
				{fmt.Sprintf("INSERT INTO rsm%d (id, v) VALUES ($1, $2)", mi), []any{int64(5), "c"}},
				{fmt.Sprintf("SELECT pg_get_serial_sequence('rsm%d', 'id')", mi), nil},
				{fmt.Sprintf("DROP TABLE rsm%d", mi), nil},
				{fmt.Sprintf("SELECT count(*) FROM rsm%d", mi), nil},
			}
			for _, st := range stmts {
				pgRes := run(conns[pg.name][m.name], st.sql, st.args...)
				ptRes := run(conns[pt.name][m.name], st.sql, st.args...)
				if pgRes != ptRes {
					t.Errorf("%s: %s\n    PG:     %s\n    pgtidb: %s", m.name, st.sql, pgRes, ptRes)
				}
			}
		})
	}
}

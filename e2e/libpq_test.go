package e2e

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/lib/pq"
)

// TestLibpqReturning drives database/sql with github.com/lib/pq the way an ORM does with a
// SERIAL or identity key: INSERT … RETURNING id through QueryRow and Query, with and without
// parameters, in transactions that commit or roll back, through a prepared statement reused
// several times, then reads the tables back. Every step runs on PostgreSQL 15 and on pgtidb and
// the two transcripts are compared step by step.
func TestLibpqReturning(t *testing.T) {
	pg, pt := requireBoth(t)
	ctx := context.Background()
	const db = "d_libpq"
	dbs := map[string]*sql.DB{}
	for _, ep := range []endpoint{pg, pt} {
		if err := createDatabase(ctx, ep, db); err != nil {
			t.Fatal(err)
		}
		h, err := sql.Open("postgres", ep.DSN(db))
		if err != nil {
			t.Fatal(err)
		}
		defer h.Close()
		// One connection: currval and the prepared statements stay on one session.
		h.SetMaxOpenConns(1)
		dbs[ep.name] = h
	}
	steps := []struct {
		name string
		run  func(db *sql.DB) string
	}{
		{"create", func(db *sql.DB) string {
			return execAll(db,
				"CREATE TABLE lp (id serial PRIMARY KEY, name text NOT NULL, qty int)",
				"CREATE TABLE lpi (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text, ok bool DEFAULT true)")
		}},
		{"QueryRow RETURNING id", func(db *sql.DB) string {
			var id int64
			return scanned(db.QueryRow("INSERT INTO lp (name) VALUES ('a') RETURNING id").Scan(&id), id)
		}},
		{"Query multi-row RETURNING id", func(db *sql.DB) string {
			return queryRows(db.Query("INSERT INTO lp (name, qty) VALUES ('b', 2), ('c', 3), ('d', NULL) RETURNING id"))
		}},
		{"parameters", func(db *sql.DB) string {
			var id int64
			var name string
			return scanned(db.QueryRow("INSERT INTO lp (name, qty) VALUES ($1, $2) RETURNING id, name", "e", 5).Scan(&id, &name), id, name)
		}},
		{"parameters, several rows", func(db *sql.DB) string {
			return queryRows(db.Query("INSERT INTO lp (name, qty) VALUES ($1, $2), ($3, $2 + 1) RETURNING id, name, qty", "f", 6, "g"))
		}},
		{"Exec counts RETURNING rows", func(db *sql.DB) string {
			res, err := db.Exec("INSERT INTO lp (name) VALUES ($1), ($2) RETURNING id", "h", "i")
			if err != nil {
				return pqError(err)
			}
			n, err := res.RowsAffected()
			return scanned(err, n)
		}},
		{"transaction rolled back", func(db *sql.DB) string {
			tx, err := db.Begin()
			if err != nil {
				return pqError(err)
			}
			var id1, id2 int64
			e1 := tx.QueryRow("INSERT INTO lp (name) VALUES ($1) RETURNING id", "rolled back").Scan(&id1)
			e2 := tx.QueryRow("INSERT INTO lp (name) VALUES ('rolled back too') RETURNING id").Scan(&id2)
			return scanned(e1, id1) + " " + scanned(e2, id2) + " " + scanned(tx.Rollback())
		}},
		{"after the rollback", func(db *sql.DB) string {
			var id, cur int64
			e := db.QueryRow("INSERT INTO lp (name) VALUES ($1) RETURNING id", "after").Scan(&id)
			return scanned(e, id) + " " + scanned(db.QueryRow("SELECT currval('lp_id_seq')").Scan(&cur), cur)
		}},
		{"transaction committed", func(db *sql.DB) string {
			tx, err := db.Begin()
			if err != nil {
				return pqError(err)
			}
			out := queryRows(tx.Query("INSERT INTO lp (name, qty) VALUES ($1, $2), ($3, $4) RETURNING id, qty", "j", 10, "k", 11))
			var id int64
			out += " " + scanned(tx.QueryRow("INSERT INTO lpi (v) VALUES ($1) RETURNING id", "in tx").Scan(&id), id)
			return out + " " + scanned(tx.Commit())
		}},
		{"failed statement in a transaction", func(db *sql.DB) string {
			tx, err := db.Begin()
			if err != nil {
				return pqError(err)
			}
			var id int64
			e1 := tx.QueryRow("INSERT INTO lp (id, name) VALUES ($1, $2) RETURNING id", 1, "duplicate").Scan(&id)
			e2 := tx.QueryRow("INSERT INTO lp (name) VALUES ($1) RETURNING id", "after the error").Scan(&id)
			return scanned(e1, id) + " " + scanned(e2) + " " + scanned(tx.Commit())
		}},
		{"prepared statement reused", func(db *sql.DB) string {
			stmt, err := db.Prepare("INSERT INTO lp (name, qty) VALUES ($1, $2) RETURNING id, name, qty")
			if err != nil {
				return pqError(err)
			}
			defer stmt.Close()
			var out []string
			for i := 0; i < 4; i++ {
				var id int64
				var name string
				var qty sql.NullInt64
				var q any = i * 100
				if i == 2 {
					q = nil
				}
				out = append(out, scanned(stmt.QueryRow(fmt.Sprintf("p%d", i), q).Scan(&id, &name, &qty), id, name, qty))
			}
			return strings.Join(out, " ")
		}},
		{"prepared statement in a transaction", func(db *sql.DB) string {
			tx, err := db.Begin()
			if err != nil {
				return pqError(err)
			}
			stmt, err := tx.Prepare("INSERT INTO lpi (v, ok) VALUES ($1, $2) RETURNING id, v, ok")
			if err != nil {
				_ = tx.Rollback()
				return pqError(err)
			}
			var out []string
			for i, ok := range []bool{true, false, true} {
				out = append(out, queryRows(stmt.Query(fmt.Sprintf("v%d", i), ok)))
			}
			stmt.Close()
			return strings.Join(out, " ") + " " + scanned(tx.Rollback())
		}},
		{"identity key", func(db *sql.DB) string {
			out := queryRows(db.Query("INSERT INTO lpi (v) VALUES ($1), ($2) RETURNING *", "x", "y"))
			var id int64
			return out + " " + scanned(db.QueryRow("INSERT INTO lpi (id, v) VALUES ($1, $2) RETURNING id", 99, "explicit").Scan(&id), id)
		}},
		{"UPDATE and DELETE RETURNING", func(db *sql.DB) string {
			return queryRows(db.Query("UPDATE lp SET qty = coalesce(qty, 0) + $1 WHERE name IN ($2, $3) RETURNING id, qty", 1, "a", "d")) + " " +
				queryRows(db.Query("DELETE FROM lp WHERE name = $1 RETURNING id, name", "b"))
		}},
		{"contents", func(db *sql.DB) string {
			return queryRows(db.Query("SELECT id, name, qty FROM lp ORDER BY id")) + " " +
				queryRows(db.Query("SELECT id, v, ok FROM lpi ORDER BY id"))
		}},
	}
	for _, st := range steps {
		pgOut := st.run(dbs[pg.name])
		ptOut := st.run(dbs[pt.name])
		if pgOut != ptOut {
			t.Errorf("%s:\n    PG:     %s\n    pgtidb: %s", st.name, pgOut, ptOut)
		}
		if strings.Contains(pgOut, "driver error") {
			t.Errorf("%s: the step itself is broken on PostgreSQL: %s", st.name, pgOut)
		}
	}
}

// execAll runs statements without results and reports the first error.
func execAll(db *sql.DB, stmts ...string) string {
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			return pqError(err)
		}
	}
	return "ok"
}

// scanned shows a step's values, or its error.
func scanned(err error, vals ...any) string {
	if err != nil {
		return pqError(err)
	}
	return showSQLValues(vals)
}

// queryRows shows every row of a result as text, or the error.
func queryRows(rows *sql.Rows, err error) string {
	if err != nil {
		return pqError(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return pqError(err)
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return pqError(err)
		}
		out = append(out, showSQLValues(vals))
	}
	if err := rows.Err(); err != nil {
		return strings.Join(out, " ") + " " + pqError(err)
	}
	return strings.Join(cols, ",") + ": " + strings.Join(out, " ")
}

func showSQLValues(vals []any) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		switch v := v.(type) {
		case []byte:
			parts[i] = string(v)
		case sql.NullInt64:
			if v.Valid {
				parts[i] = fmt.Sprint(v.Int64)
			} else {
				parts[i] = "NULL"
			}
		case nil:
			parts[i] = "NULL"
		default:
			parts[i] = fmt.Sprintf("%v", v)
		}
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// pqError shows an error by its SQLSTATE (messages are not compared).
func pqError(err error) string {
	if errors.Is(err, pq.ErrInFailedTransaction) {
		return "error: commit of a failed transaction (rolled back)"
	}
	var pe *pq.Error
	if errors.As(err, &pe) {
		return "error " + string(pe.Code)
	}
	return "driver error: " + err.Error()
}

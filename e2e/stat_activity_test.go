package e2e

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// pg_stat_activity lists every client session of the server — other databases', idle ones,
// ones idle in an open or a failed transaction block — with PostgreSQL's values: the same
// rows on PostgreSQL and pgtidb once pids, times, ports and transaction ids are masked. The
// observer's reads follow PostgreSQL's snapshot rule (one snapshot per transaction), and a
// prepared statement reads the sessions when it runs, not when it was prepared.
func TestStatActivity(t *testing.T) {
	pg, pgtidb := requireBoth(t)
	ctx := context.Background()
	results := map[string][]activityResult{}
	for _, e := range []endpoint{pg, pgtidb} {
		results[e.name] = statActivitySteps(t, ctx, e)
	}
	want, got := results[pg.name], results[pgtidb.name]
	for i := range want {
		if i >= len(got) {
			t.Fatalf("pgtidb: missing step %q", want[i].step)
		}
		t.Logf("step %q: %v", want[i].step, want[i])
		if !reflect.DeepEqual(want[i], got[i]) {
			t.Errorf("step %q differs:\nPG:     %v\npgtidb: %v", want[i].step, want[i], got[i])
		}
	}
}

// activityResult is one observation: the result's column types and its rows as text.
type activityResult struct {
	step  string
	types []uint32
	rows  [][]string
}

func (r activityResult) String() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%v", r.types)
	for _, row := range r.rows {
		fmt.Fprintf(&sb, "\n        %q", row)
	}
	return sb.String()
}

// activityQuery reads the test's sessions (application names psa_…) with every column of
// pg_stat_activity, the ones that differ between two runs masked.
const activityQuery = `SELECT a.datname, d.datname = a.datname AS datid_ok, a.pid = pg_backend_pid() AS me,
	a.leader_pid, a.usesysid, a.usename, a.application_name, a.client_addr, a.client_hostname,
	a.client_port > 0 AS tcp, a.backend_start IS NOT NULL AS started, a.xact_start IS NOT NULL AS in_xact,
	a.query_start IS NOT NULL AS queried, a.state_change >= a.backend_start AS changed,
	a.xact_start <= a.query_start AS xact_first, a.query_start <= a.state_change AS query_first,
	a.wait_event_type, a.wait_event, a.state, a.backend_xid,
	a.backend_xmin IS NULL OR a.pid = pg_backend_pid() AS xmin_ok, a.query_id, a.query, a.backend_type
FROM pg_stat_activity a LEFT JOIN pg_database d ON d.oid = a.datid
WHERE a.application_name LIKE 'psa\_%' ORDER BY a.application_name`

// statActivitySteps opens the sessions on e and returns what an observer session reads.
func statActivitySteps(t *testing.T, ctx context.Context, e endpoint) []activityResult {
	t.Helper()
	const db = "stat_activity"
	if err := createDatabase(ctx, e, db); err != nil {
		t.Fatal(err)
	}
	open := func(database, app string) *pgconn.PgConn {
		t.Helper()
		conn, err := pgconn.Connect(ctx, e.DSN(database)+"&application_name="+app)
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		t.Cleanup(func() { conn.Close(context.Background()) })
		return conn
	}
	exec := func(conn *pgconn.PgConn, sql string, wantErr bool) {
		t.Helper()
		_, err := conn.Exec(ctx, sql).ReadAll()
		if (err != nil) != wantErr {
			t.Fatalf("%s: %s: error %v, want error: %v", e.name, sql, err, wantErr)
		}
	}
	var out []activityResult
	observe := func(step string, r *pgconn.ResultReader) {
		t.Helper()
		res := activityResult{step: step}
		for _, f := range r.FieldDescriptions() {
			res.types = append(res.types, f.DataTypeOID)
		}
		for r.NextRow() {
			var row []string
			for _, v := range r.Values() {
				if v == nil {
					row = append(row, "NULL")
				} else {
					row = append(row, string(v))
				}
			}
			res.rows = append(res.rows, row)
		}
		if _, err := r.Close(); err != nil {
			t.Fatalf("%s: %s: %v", e.name, step, err)
		}
		out = append(out, res)
	}
	query := func(conn *pgconn.PgConn, step, sql string) {
		t.Helper()
		results, err := conn.Exec(ctx, sql).ReadAll()
		if err != nil {
			t.Fatalf("%s: %s: %v", e.name, step, err)
		}
		res := activityResult{step: step}
		last := results[len(results)-1]
		for _, f := range last.FieldDescriptions {
			res.types = append(res.types, f.DataTypeOID)
		}
		for _, values := range last.Rows {
			var row []string
			for _, v := range values {
				if v == nil {
					row = append(row, "NULL")
				} else {
					row = append(row, string(v))
				}
			}
			res.rows = append(res.rows, row)
		}
		out = append(out, res)
	}

	fresh := open(db, "psa_fresh")
	idle := open(db, "psa_idle0")
	exec(idle, "SET application_name = 'psa_idle'", false)
	exec(idle, "SELECT 1 AS idle_query", false)
	inTxn := open(db, "psa_txn")
	exec(inTxn, "BEGIN", false)
	exec(inTxn, "SELECT 2 AS txn_query", false)
	aborted := open(db, "psa_aborted")
	exec(aborted, "BEGIN", false)
	exec(aborted, "SELECT 1/0", true)
	observer := open("postgres", "psa_observer")

	// Every column's type, and the rows of every session.
	observe("columns", observer.ExecParams(ctx, "SELECT * FROM pg_stat_activity WHERE false", nil, nil, nil, nil))
	query(observer, "sessions", activityQuery)

	// One snapshot per transaction: the idle session's next statement shows after COMMIT.
	exec(observer, "BEGIN", false)
	query(observer, "in block", activityQuery)
	exec(idle, "SELECT 3 AS second_query", false)
	query(observer, "in block, after another session's statement", activityQuery)
	exec(observer, "COMMIT", false)
	query(observer, "after commit", activityQuery)

	// A prepared statement reads the sessions when it runs.
	const prepared = `SELECT application_name, state, query FROM pg_stat_activity
		WHERE application_name IN ('psa_idle', 'psa_txn') ORDER BY application_name`
	if _, err := observer.Prepare(ctx, "psa", prepared, nil); err != nil {
		t.Fatalf("%s: prepare: %v", e.name, err)
	}
	observe("prepared, first run", observer.ExecPrepared(ctx, "psa", nil, nil, nil))
	exec(inTxn, "COMMIT", false)
	exec(idle, "SELECT 4 AS third_query", false)
	observe("prepared, second run", observer.ExecPrepared(ctx, "psa", nil, nil, nil))

	// The sessions that ended are gone (PostgreSQL's backends exit after the client left).
	for _, c := range []*pgconn.PgConn{fresh, idle, inTxn, aborted} {
		c.Close(ctx)
	}
	const left = "SELECT application_name, state FROM pg_stat_activity WHERE application_name LIKE 'psa\\_%'"
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		results, err := observer.Exec(ctx, left).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		if len(results[0].Rows) == 1 {
			break
		}
	}
	query(observer, "after disconnects", left)
	return out
}

package returning_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/go-sql-driver/mysql"

	"github.com/pgtidb/pgtidb/returning"
)

// fakeServer answers the statements of one test: queries by their text, and an Exec error
// for the first failExec executions of a statement.
type fakeServer struct {
	mu       sync.Mutex
	rows     map[string][][]string
	failExec map[string]error
	failures map[string]int
	log      []string
}

type fakeDriver struct{ srv *fakeServer }

func (d fakeDriver) Open(string) (driver.Conn, error) { return &fakeConn{srv: d.srv}, nil }

type fakeConn struct{ srv *fakeServer }

func (c *fakeConn) Prepare(string) (driver.Stmt, error) { return nil, errors.New("not supported") }
func (c *fakeConn) Close() error                        { return nil }
func (c *fakeConn) Begin() (driver.Tx, error)           { return nil, errors.New("not supported") }

func (c *fakeConn) QueryContext(_ context.Context, query string, _ []driver.NamedValue) (driver.Rows, error) {
	c.srv.mu.Lock()
	defer c.srv.mu.Unlock()
	c.srv.log = append(c.srv.log, query)
	rows, ok := c.srv.rows[query]
	if !ok {
		return nil, fmt.Errorf("unexpected query %q", query)
	}
	return &fakeRows{rows: rows}, nil
}

func (c *fakeConn) ExecContext(_ context.Context, query string, _ []driver.NamedValue) (driver.Result, error) {
	c.srv.mu.Lock()
	defer c.srv.mu.Unlock()
	c.srv.log = append(c.srv.log, query)
	if err := c.srv.failExec[query]; err != nil && c.srv.failures[query] > 0 {
		c.srv.failures[query]--
		return nil, err
	}
	return driver.RowsAffected(strings.Count(query, "(")), nil
}

type fakeRows struct {
	rows [][]string
	i    int
}

func (r *fakeRows) Columns() []string {
	if len(r.rows) == 0 {
		return []string{"c"}
	}
	cols := make([]string, len(r.rows[0]))
	for i := range cols {
		cols[i] = fmt.Sprintf("c%d", i)
	}
	return cols
}
func (r *fakeRows) Close() error { return nil }
func (r *fakeRows) Next(dest []driver.Value) error {
	if r.i >= len(r.rows) {
		return io.EOF
	}
	for j, v := range r.rows[r.i] {
		dest[j] = []byte(v)
	}
	r.i++
	return nil
}

var driverSeq struct {
	sync.Mutex
	n int
}

// open returns a connection to srv.
func open(t *testing.T, srv *fakeServer) *sql.Conn {
	driverSeq.Lock()
	driverSeq.n++
	name := fmt.Sprintf("returning-fake-%d", driverSeq.n)
	driverSeq.Unlock()
	sql.Register(name, fakeDriver{srv: srv})
	db, err := sql.Open(name, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

type nopSink struct{ emitted []returning.Row }

func (s *nopSink) Stream(rows *sql.Rows) (int64, error) {
	defer rows.Close()
	var n int64
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}
func (s *nopSink) Emit(row returning.Row) error { s.emitted = append(s.emitted, row); return nil }

func static(sql string) func([]returning.Row) (string, error) {
	return func([]returning.Row) (string, error) { return sql, nil }
}

// TestComputeAndBuildFrom: a Compute step sees every collected result, a BuildFrom step sees
// the Compute step's rows too, and a skipped Collect counts as an empty result.
func TestComputeAndBuildFrom(t *testing.T) {
	srv := &fakeServer{rows: map[string][][]string{"A": {{"1"}, {"2"}}}}
	var seen [][]returning.Row
	plan := &returning.Plan{CountExec: true, Steps: []returning.Step{
		{Kind: returning.Collect, Build: static("A")},
		{Kind: returning.Collect, BuildFrom: func([][]returning.Row) (string, []int, error) { return "", nil, nil }},
		{Kind: returning.Compute, Compute: func(all [][]returning.Row) ([]returning.Row, error) {
			seen = all
			return []returning.Row{{[]byte("x")}}, nil
		}},
		{Kind: returning.Exec, BuildFrom: func(all [][]returning.Row) (string, []int, error) {
			if len(all) != 3 || string(all[2][0][0]) != "x" {
				return "", nil, fmt.Errorf("BuildFrom saw %q", all)
			}
			return "INSERT (1),(2)", []int{0}, nil
		}},
	}}
	n, err := returning.Execute(context.Background(), open(t, srv), plan, []any{"p"}, &nopSink{})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("count %d, want 2", n)
	}
	if len(seen) != 2 || len(seen[0]) != 2 || seen[1] != nil {
		t.Errorf("Compute saw %q, want the two rows of A and an empty result", seen)
	}
}

// TestRetryOnArbiterDuplicate: a duplicate key on a retry index reruns the plan from
// RetryFrom, forgetting what the rerun steps collected; another duplicate key is the error.
func TestRetryOnArbiterDuplicate(t *testing.T) {
	dup := &mysql.MySQLError{Number: 1062, Message: "Duplicate entry '1' for key 't.PRIMARY'"}
	other := &mysql.MySQLError{Number: 1062, Message: "Duplicate entry 'a' for key 't.t_u_key'"}
	for _, tc := range []struct {
		name    string
		err     error
		fail    int
		wantErr bool
		reads   int
	}{
		{"arbiter, once", dup, 1, false, 2},
		{"arbiter, always", dup, 1000, true, 101},
		{"other index", other, 1, true, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := &fakeServer{
				rows:     map[string][][]string{"P": {{"1"}}, "LOCK": {}},
				failExec: map[string]error{"INSERT (1)": tc.err},
				failures: map[string]int{"INSERT (1)": tc.fail},
			}
			var sizes []int
			plan := &returning.Plan{CountExec: true, Steps: []returning.Step{
				{Kind: returning.Collect, Build: static("P")},
				{Kind: returning.Collect, Build: static("LOCK")},
				{Kind: returning.Compute, Compute: func(all [][]returning.Row) ([]returning.Row, error) {
					sizes = append(sizes, len(all))
					return nil, nil
				}},
				{Kind: returning.Exec, Build: static("INSERT (1)"), RetryKeys: []string{"PRIMARY"}, RetryFrom: 1},
			}}
			_, err := returning.Execute(context.Background(), open(t, srv), plan, nil, &nopSink{})
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error: %v", err, tc.wantErr)
			}
			var p, lock int
			for _, q := range srv.log {
				switch q {
				case "P":
					p++
				case "LOCK":
					lock++
				}
			}
			if p != 1 || lock != tc.reads {
				t.Errorf("ran P %d and LOCK %d times, want 1 and %d", p, lock, tc.reads)
			}
			for _, n := range sizes {
				if n != 2 {
					t.Errorf("Compute saw %d results after a rerun, want 2", n)
				}
			}
		})
	}
}

// TestWholeReturn: a Return step marked Whole fails the statement when it reads back fewer
// rows than the Exec steps wrote, and passes when it reads them all.
func TestWholeReturn(t *testing.T) {
	srv := &fakeServer{rows: map[string][][]string{"ONE": {{"1"}}, "TWO": {{"1"}, {"2"}}}}
	for _, c := range []struct {
		ret  string
		fail bool
	}{{"ONE", true}, {"TWO", false}} {
		plan := &returning.Plan{Steps: []returning.Step{
			{Kind: returning.Exec, Build: static("INSERT (1),(2)")},
			{Kind: returning.Return, Build: static(c.ret), Whole: true},
		}}
		n, err := returning.Execute(context.Background(), open(t, srv), plan, nil, &nopSink{})
		if (err != nil) != c.fail {
			t.Errorf("%s: returned %d, error %v; want failure %v", c.ret, n, err, c.fail)
		}
	}
}

// TestPerKey: a PerKey Exec step runs once per key row of the latest Collect step, skipping
// the rows it builds no SQL for; a failure runs the Undo of the earlier steps.
func TestPerKey(t *testing.T) {
	srv := &fakeServer{rows: map[string][][]string{"SCHEMAS": {{"d"}, {"d__a"}, {"d__b"}}},
		failExec: map[string]error{"DROP d": errors.New("boom")}, failures: map[string]int{"DROP d": 1}}
	plan := &returning.Plan{Steps: []returning.Step{
		{Kind: returning.Collect, Keys: 1, Build: static("SCHEMAS")},
		{Kind: returning.Exec, Build: static("OFF"), Undo: "ON"},
		{Kind: returning.Exec, PerKey: true, Build: func(keys []returning.Row) (string, error) {
			if len(keys) != 1 {
				return "", fmt.Errorf("PerKey got %d rows", len(keys))
			}
			if string(keys[0][0]) == "d" {
				return "", nil
			}
			return "DROP " + string(keys[0][0]), nil
		}},
		{Kind: returning.Exec, Build: static("DROP d")},
	}}
	_, err := returning.Execute(context.Background(), open(t, srv), plan, nil, &nopSink{})
	if err == nil {
		t.Fatal("want the error of DROP d")
	}
	want := "SCHEMAS OFF DROP d__a DROP d__b DROP d ON"
	if got := strings.Join(srv.log, " "); got != want {
		t.Errorf("ran %q, want %q", got, want)
	}
}

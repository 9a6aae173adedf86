package e2e

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"go.uber.org/zap"

	"github.com/pgtidb/pgtidb/proxy"
)

// Sequences with PostgreSQL's default CACHE 1 hand values out in the order they are asked
// for, across sessions and across pgtidb instances in front of the same TiDB: a value
// handed out after another was handed out is larger. TestSequencesAcrossInstances runs one
// workload on two connections to PostgreSQL and on two pgtidb instances (a second proxy on the
// embedded TiDB): the sequential part must give PostgreSQL's exact values (a CACHE 10
// sequence's session blocks included), and in the concurrent part every nextval and every
// serial key must follow the hand-out order on both.
func TestSequencesAcrossInstances(t *testing.T) {
	pg, pt := requireBoth(t)
	second := startSecondPgtidb(t)
	ctx := context.Background()
	const db = "d_instances"
	transcripts := map[string][]string{}
	for _, sys := range []struct {
		name string
		a, b endpoint
	}{{"PG", pg, pg}, {"pgtidb", pt, second}} {
		if err := createDatabase(ctx, sys.a, db); err != nil {
			t.Fatal(err)
		}
		c1 := pgxConnect(t, sys.a, db)
		run(t, c1, "CREATE SEQUENCE s")
		run(t, c1, "CREATE TABLE t (id serial PRIMARY KEY, via int)")
		run(t, c1, "CREATE TABLE g (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, via int)")
		run(t, c1, "CREATE SEQUENCE cs CACHE 10")
		c2 := pgxConnect(t, sys.b, db)
		// Another pgtidb instance learns of DDL when it polls the catalog version (catalog.Store.Watch).
		waitFor(t, c2, "SELECT count(*) = 4 FROM pg_class WHERE relname IN ('s', 't', 'g', 'cs')")

		var out []string
		step := func(conn *pgx.Conn, who, sql string) {
			out = append(out, who+": "+sql+" → "+queryText(ctx, conn, sql))
		}
		for i := 0; i < 4; i++ {
			for _, c := range []struct {
				who  string
				conn *pgx.Conn
			}{{"1", c1}, {"2", c2}} {
				step(c.conn, c.who, "SELECT nextval('s')")
				step(c.conn, c.who, fmt.Sprintf("INSERT INTO t (via) VALUES (%s) RETURNING id", c.who))
				step(c.conn, c.who, fmt.Sprintf("INSERT INTO g (via) VALUES (%s), (%s) RETURNING id", c.who, c.who))
				step(c.conn, c.who, "SELECT currval('s'), lastval()")
			}
		}
		// setval and restarts through one instance are what the other hands out next.
		step(c1, "1", "SELECT setval('s', 100)")
		step(c2, "2", "SELECT nextval('s')")
		step(c2, "2", "SELECT setval('s', 50, false)")
		step(c1, "1", "SELECT nextval('s')")
		step(c1, "1", "SELECT currval('s')")
		step(c2, "2", "SELECT currval('s')")
		step(c1, "1", "ALTER SEQUENCE s RESTART WITH 7")
		step(c2, "2", "SELECT nextval('s')")
		step(c1, "1", "TRUNCATE t RESTART IDENTITY")
		step(c2, "2", "INSERT INTO t (via) VALUES (2) RETURNING id")
		// CACHE 10: each session takes blocks of 10 values, whichever instance it is on; a
		// restart through one instance voids the other's blocks (once it polled the catalog
		// version), a setval only the calling session's.
		step(c1, "1", "SELECT nextval('cs')")
		step(c2, "2", "SELECT nextval('cs')")
		step(c1, "1", "SELECT nextval('cs')")
		step(c2, "2", "SELECT nextval('cs')")
		step(c1, "1", "ALTER SEQUENCE cs RESTART WITH 100")
		time.Sleep(1500 * time.Millisecond)
		step(c2, "2", "SELECT nextval('cs')")
		step(c1, "1", "SELECT nextval('cs')")
		step(c2, "2", "SELECT setval('cs', 500)")
		step(c1, "1", "SELECT nextval('cs')")
		step(c2, "2", "SELECT nextval('cs')")
		step(c2, "2", "SELECT currval('cs'), lastval()")
		step(c1, "1", "SELECT last_value FROM cs")
		transcripts[sys.name] = out
		c1.Close(ctx)
		c2.Close(ctx)

		checkHandOutOrder(t, sys.name, sys.a, sys.b, db)
	}
	want, got := transcripts["PG"], transcripts["pgtidb"]
	for i := range want {
		if i >= len(got) || want[i] != got[i] {
			g := "(missing)"
			if i < len(got) {
				g = got[i]
			}
			t.Errorf("step %d differs:\nPG:     %s\npgtidb: %s", i, want[i], g)
		}
	}
}

// drawn is one value a session was handed, and when: asked for at start, answered at end.
type drawn struct {
	v          int64
	start, end time.Time
	worker     int
}

// checkHandOutOrder runs four sessions at once, two on each endpoint, each drawing from the
// sequence s (nextval) and from t's serial column (INSERT … RETURNING id), and checks that the
// values are distinct and follow the order they were handed out in: a value whose call
// ended before another call started is the smaller one. They draw from the CACHE 10 sequence
// cs too, whose values must be distinct and increase within each session.
func checkHandOutOrder(t *testing.T, sys string, a, b endpoint, db string) {
	t.Helper()
	ctx := context.Background()
	const workers, calls = 4, 25
	var mu sync.Mutex
	got := map[string][]drawn{}
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		e := a
		if w%2 == 1 {
			e = b
		}
		conn := pgxConnect(t, e, db)
		defer conn.Close(ctx)
		wg.Add(1)
		go func(w int, conn *pgx.Conn) {
			defer wg.Done()
			for i := 0; i < calls; i++ {
				for _, q := range []struct{ key, sql string }{
					{"s", "SELECT nextval('s')"},
					{"t", fmt.Sprintf("INSERT INTO t (via) VALUES (%d) RETURNING id", w)},
					{"cs", "SELECT nextval('cs')"},
				} {
					var d drawn
					d.worker, d.start = w, time.Now()
					if err := conn.QueryRow(ctx, q.sql).Scan(&d.v); err != nil {
						errs <- fmt.Errorf("worker %d: %s: %w", w, q.sql, err)
						return
					}
					d.end = time.Now()
					mu.Lock()
					got[q.key] = append(got[q.key], d)
					mu.Unlock()
				}
			}
		}(w, conn)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("%s: %v", sys, err)
	}
	for key, ds := range got {
		if len(ds) != workers*calls {
			t.Errorf("%s: %s: %d values, want %d", sys, key, len(ds), workers*calls)
		}
		seen := map[int64]int{}
		for _, d := range ds {
			if w, dup := seen[d.v]; dup {
				t.Errorf("%s: %s: value %d handed to workers %d and %d", sys, key, d.v, w, d.worker)
			}
			seen[d.v] = d.worker
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i].end.Before(ds[j].end) })
		if key == "cs" {
			// CACHE 10: each session's values come from its own blocks, so they increase per
			// session only (PostgreSQL's values are out of order across sessions too).
			last := map[int]int64{}
			for _, d := range ds {
				if prev, ok := last[d.worker]; ok && d.v <= prev {
					t.Errorf("%s: cs: worker %d got %d after %d", sys, d.worker, d.v, prev)
				}
				last[d.worker] = d.v
			}
			t.Logf("%s: cs: %d distinct values, increasing per session", sys, len(seen))
			continue
		}
		for i, x := range ds {
			for _, y := range ds[i+1:] {
				if x.end.Before(y.start) && x.v >= y.v {
					t.Errorf("%s: %s: worker %d got %d after worker %d's call returned %d", sys, key, y.worker, y.v, x.worker, x.v)
				}
			}
		}
		t.Logf("%s: %s: %d distinct values in hand-out order", sys, key, len(seen))
	}
}

// startSecondPgtidb starts another proxy on the embedded TiDB the shared pgtidb uses, as a
// second pgtidb instance in front of the same cluster; the test's cleanup stops it.
func startSecondPgtidb(t *testing.T) endpoint {
	t.Helper()
	requirePgtidb(t)
	ctx := context.Background()
	s, err := proxy.NewServer(ctx, proxy.Config{Upstream: tidb.Addr(), UpstreamUser: "root", Logger: proxyLog.Named("second")})
	if err != nil {
		t.Fatalf("second pgtidb: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		if err := s.Serve(ln); err != nil && !errors.Is(err, net.ErrClosed) {
			proxyLog.Error("second proxy Serve returned", zap.Error(err))
		}
	}()
	t.Cleanup(func() { _ = s.Close() })
	return endpoint{name: "pgtidb (second)", host: "127.0.0.1", port: ln.Addr().(*net.TCPAddr).Port}
}

func pgxConnect(t *testing.T, e endpoint, db string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), e.DSN(db))
	if err != nil {
		t.Fatalf("%s: %v", e.name, err)
	}
	return conn
}

func run(t *testing.T, conn *pgx.Conn, sql string) {
	t.Helper()
	if _, err := conn.Exec(context.Background(), sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// waitFor polls a boolean query until it is true, for at most 30 seconds.
func waitFor(t *testing.T, conn *pgx.Conn, sql string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var ok bool
		err := conn.QueryRow(context.Background(), sql).Scan(&ok)
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not true after 30 s (last error: %v)", sql, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// queryText runs sql and renders its rows (or its error's SQLSTATE and message) as text.
func queryText(ctx context.Context, conn *pgx.Conn, sql string) string {
	rows, err := conn.Query(ctx, sql)
	if err != nil {
		return "error: " + err.Error()
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			return "error: " + err.Error()
		}
		out = append(out, fmt.Sprint(vals...))
	}
	if err := rows.Err(); err != nil {
		return "error: " + err.Error()
	}
	return strings.Join(out, "; ") + " (" + rows.CommandTag().String() + ")"
}

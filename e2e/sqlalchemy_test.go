package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// debianPython is the interpreter with Debian's python3-sqlalchemy and python3-psycopg2
// (.ci/run installs them); a python3 earlier on PATH (pyenv) does not have them.
const debianPython = "/usr/bin/python3"

// sqlalchemyGaps are the inspector calls whose result on pgtidb is known to differ from
// PostgreSQL's, with the KNOWN_GAPS.md entry explaining why. The test checks that each of them
// still differs, so that a fixed gap is noticed and removed from the list.
var sqlalchemyGaps = map[string]string{}

// TestSQLAlchemyInspect runs e2e/python/reflect.py (SQLAlchemy's inspect() over psycopg2)
// against PostgreSQL 15 and against pgtidb: it creates the same reference schema on both with
// SQL and prints one JSON line per inspector call (schemas, tables, views, sequences, columns
// with types/defaults/identity, primary and foreign keys, indexes, unique and check
// constraints, comments). The lines are compared call by call.
func TestSQLAlchemyInspect(t *testing.T) {
	if _, err := os.Stat(debianPython); err != nil {
		t.Fatalf("%s is missing (apt-get install python3-sqlalchemy python3-psycopg2; .ci/run does it)", debianPython)
	}
	pg, pt := requireBoth(t)
	ctx := context.Background()
	const db = "d_sqlalchemy"
	type line struct {
		Call   string          `json:"call"`
		Result json.RawMessage `json:"result"`
	}
	results := map[string][]line{}
	for _, ep := range []endpoint{pg, pt} {
		if err := createDatabase(ctx, ep, db); err != nil {
			t.Fatal(err)
		}
		rctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
		cmd := exec.CommandContext(rctx, debianPython, "python/reflect.py", ep.DSN(db))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		cancel()
		if err != nil {
			t.Fatalf("%s: reflect.py: %v\n%s\nstdout so far:\n%s", ep.name, err, stderr.String(), stdout.String())
		}
		for _, s := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
			var l line
			if err := json.Unmarshal([]byte(s), &l); err != nil {
				t.Fatalf("%s: reflect.py printed %q: %v", ep.name, s, err)
			}
			results[ep.name] = append(results[ep.name], l)
		}
	}
	want, got := results[pg.name], results[pt.name]
	if len(want) < 40 {
		t.Fatalf("PostgreSQL's run printed %d calls, want every call of reflect.py", len(want))
	}
	if len(got) != len(want) {
		t.Fatalf("pgtidb's run printed %d calls, PostgreSQL's %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Call != w.Call {
			t.Fatalf("call %d is %q on pgtidb, %q on PostgreSQL", i+1, g.Call, w.Call)
		}
		same := bytes.Equal(w.Result, g.Result)
		if gap, ok := sqlalchemyGaps[w.Call]; ok {
			if same {
				t.Errorf("%s: known gap %q no longer differs; remove it from sqlalchemyGaps and KNOWN_GAPS.md", w.Call, gap)
			}
			continue
		}
		if !same {
			t.Errorf("%s differs:\n    PG:     %s\n    pgtidb: %s", w.Call, w.Result, g.Result)
		}
	}
	t.Logf("%d inspector calls compared, %d known gaps", len(want), len(sqlalchemyGaps))
}

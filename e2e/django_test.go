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

// djangoGaps are the steps of e2e/python/django_orm.py whose result on pgtidb is known to
// differ from PostgreSQL's, with the KNOWN_GAPS.md entry explaining why. The test checks that
// each still differs, so that a fixed gap is noticed and removed from the list.
var djangoGaps = map[string]string{}

// TestDjangoORM runs e2e/python/django_orm.py (Django's ORM from Debian's python3-django, over
// psycopg2) against PostgreSQL 15 and against pgtidb, each in a fresh database: the migrations
// of django.contrib.contenttypes and auth, Django's introspection, and the ORM's inserts,
// lookups, joins, aggregates, updates, deletes and transactions. It prints one JSON line per
// step; the lines are compared step by step.
func TestDjangoORM(t *testing.T) {
	if err := exec.Command(debianPython, "-c", "import django, psycopg2").Run(); err != nil {
		t.Fatalf("%s cannot import django and psycopg2 (apt-get install python3-django python3-psycopg2; .ci/run does it): %v", debianPython, err)
	}
	pg, pt := requireBoth(t)
	ctx := context.Background()
	const db = "d_django"
	type line struct {
		Step   string          `json:"step"`
		Result json.RawMessage `json:"result"`
	}
	results := map[string][]line{}
	for _, ep := range []endpoint{pg, pt} {
		if err := createDatabase(ctx, ep, db); err != nil {
			t.Fatal(err)
		}
		rctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
		cmd := exec.CommandContext(rctx, debianPython, "python/django_orm.py", ep.DSN(db))
		cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		cancel()
		if err != nil {
			t.Fatalf("%s: django_orm.py: %v\n%s\nstdout so far:\n%s", ep.name, err, stderr.String(), stdout.String())
		}
		for _, s := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
			var l line
			if err := json.Unmarshal([]byte(s), &l); err != nil {
				t.Fatalf("%s: django_orm.py printed %q: %v", ep.name, s, err)
			}
			results[ep.name] = append(results[ep.name], l)
		}
	}
	want, got := results[pg.name], results[pt.name]
	if len(want) < 40 {
		t.Fatalf("PostgreSQL's run printed %d steps, want every step of django_orm.py", len(want))
	}
	if len(got) != len(want) {
		t.Fatalf("pgtidb's run printed %d steps, PostgreSQL's %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Step != w.Step {
			t.Fatalf("step %d is %q on pgtidb, %q on PostgreSQL", i+1, g.Step, w.Step)
		}
		same := bytes.Equal(w.Result, g.Result)
		if gap, ok := djangoGaps[w.Step]; ok {
			if same {
				t.Errorf("%s: known gap %q no longer differs; remove it from djangoGaps and KNOWN_GAPS.md", w.Step, gap)
			}
			continue
		}
		if !same {
			t.Errorf("%s differs:\n    PG:     %s\n    pgtidb: %s", w.Step, w.Result, g.Result)
		}
	}
	t.Logf("%d Django steps compared, %d known gaps", len(want), len(djangoGaps))
}

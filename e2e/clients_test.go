package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The client tests (node-postgres, Sequelize, SQLAlchemy, Django) run one client program
// against PostgreSQL 15 and against pgtidb, each in a fresh database, and compare what it
// prints: one line per step.

// clientOutputs runs the command makeCmd gives for each server (with the server's DSN of
// database db, created afresh) and returns its stdout lines, PostgreSQL's first.
func clientOutputs(t *testing.T, db string, timeout time.Duration, makeCmd func(ctx context.Context, dsn string) *exec.Cmd) (pgLines, ptLines []string) {
	t.Helper()
	pg, pt := requireBoth(t)
	ctx := context.Background()
	outputs := map[string][]string{}
	for _, ep := range []endpoint{pg, pt} {
		if err := createDatabase(ctx, ep, db); err != nil {
			t.Fatal(err)
		}
		rctx, cancel := context.WithTimeout(ctx, timeout)
		cmd := makeCmd(rctx, ep.DSN(db))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		cancel()
		if err != nil {
			t.Fatalf("%s: %s: %v\n%s\nstdout so far:\n%s", ep.name, strings.Join(cmd.Args, " "), err, stderr.String(), stdout.String())
		}
		outputs[ep.name] = strings.Split(strings.TrimSpace(stdout.String()), "\n")
	}
	return outputs[pg.name], outputs[pt.name]
}

// step is one printed step: its name and its result as JSON.
type step struct {
	name   string
	result json.RawMessage
}

// objectSteps reads lines {"<key>": name, "result": …}; arraySteps reads lines [name, result].
func objectSteps(key string) func(string) (step, error) {
	return func(line string) (step, error) {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			return step{}, err
		}
		var name string
		err := json.Unmarshal(m[key], &name)
		return step{name: name, result: m["result"]}, err
	}
}

// wholeLineSteps reads lines {"<key>": name, …}: the whole line is the result.
func wholeLineSteps(key string) func(string) (step, error) {
	return func(line string) (step, error) {
		s, err := objectSteps(key)(line)
		s.result = json.RawMessage(line)
		return s, err
	}
}

func arraySteps(line string) (step, error) {
	var a []json.RawMessage
	if err := json.Unmarshal([]byte(line), &a); err != nil || len(a) != 2 {
		return step{}, &json.UnmarshalTypeError{Value: line}
	}
	var name string
	err := json.Unmarshal(a[0], &name)
	return step{name: name, result: a[1]}, err
}

// colonStep reads "name: result" (GORM's transcript).
func colonStep(line string) (step, error) {
	name, result, _ := strings.Cut(line, ": ")
	return step{name: name, result: json.RawMessage(result)}, nil
}

// readSteps parses a run's lines into steps.
func readSteps(t *testing.T, who string, lines []string, parse func(string) (step, error)) []step {
	t.Helper()
	out := make([]step, len(lines))
	seen := map[string]bool{}
	for i, l := range lines {
		s, err := parse(l)
		if err != nil {
			t.Fatalf("%s printed %q: %v", who, l, err)
		}
		if seen[s.name] {
			t.Fatalf("%s printed step %q twice: steps are compared by name", who, s.name)
		}
		seen[s.name] = true
		out[i] = s
	}
	return out
}

// compareClientRuns parses both runs' lines and compares their steps (compareSteps);
// PostgreSQL's run must have at least minSteps.
func compareClientRuns(t *testing.T, pgLines, ptLines []string, parse func(string) (step, error), gaps map[string]string, minSteps int) {
	t.Helper()
	want, got := readSteps(t, "PostgreSQL's run", pgLines, parse), readSteps(t, "pgtidb's run", ptLines, parse)
	if len(want) < minSteps {
		t.Fatalf("PostgreSQL's run printed %d steps, want at least %d:\n%s", len(want), minSteps, strings.Join(pgLines, "\n"))
	}
	compareSteps(t, want, got, gaps)
	t.Logf("%d steps compared, %d known gaps", len(want), len(gaps))
}

// compareSteps compares pgtidb's steps (got) with PostgreSQL's (want) by name, so that a
// missing step does not shift the others. Steps listed in gaps (name → KNOWN_GAPS.md entry)
// must differ: a known gap that no longer differs is reported, to be removed from the list.
func compareSteps(t *testing.T, want, got []step, gaps map[string]string) {
	t.Helper()
	gotBy := map[string]json.RawMessage{}
	for _, s := range got {
		gotBy[s.name] = s.result
	}
	seen := map[string]bool{}
	for _, w := range want {
		seen[w.name] = true
		g, ok := gotBy[w.name]
		if gap, isGap := gaps[w.name]; isGap {
			if ok && bytes.Equal(g, w.result) {
				t.Errorf("%s: known gap %q no longer differs; remove it from the gap list and KNOWN_GAPS.md", w.name, gap)
			}
			continue
		}
		switch {
		case !ok:
			t.Errorf("%s: missing on pgtidb; PG: %s", w.name, w.result)
		case !bytes.Equal(g, w.result):
			t.Errorf("%s differs:\n    PG:     %s\n    pgtidb: %s", w.name, w.result, g)
		}
	}
	for _, g := range got {
		if _, isGap := gaps[g.name]; !seen[g.name] && !isGap {
			t.Errorf("%s: only on pgtidb: %s", g.name, g.result)
		}
	}
}

// nodeClient returns the runner of script (in nodeDir) with node, after `npm ci` when the
// locked dependencies are missing; it skips the test when node or npm is not installed.
func nodeClient(t *testing.T, script string) func(ctx context.Context, dsn string) *exec.Cmd {
	t.Helper()
	node, nodeErr := exec.LookPath("node")
	npm, npmErr := exec.LookPath("npm")
	if nodeErr != nil || npmErr != nil {
		t.Skip("node and npm are not installed (apt-get install nodejs npm; .ci/run does it): node test skipped")
	}
	for _, dep := range []string{"pg", "sequelize"} {
		if _, err := os.Stat(filepath.Join(nodeDir, "node_modules", dep, "package.json")); err != nil {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, npm, "ci", "--no-audit", "--no-fund")
			cmd.Dir = nodeDir
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("npm ci in e2e/%s: %v\n%s", nodeDir, err, out)
			}
			break
		}
	}
	return func(ctx context.Context, dsn string) *exec.Cmd {
		cmd := exec.CommandContext(ctx, node, script, dsn)
		cmd.Dir = nodeDir
		// node-postgres decodes timestamptz into the local time zone's Date; its JSON is UTC.
		cmd.Env = append(os.Environ(), "TZ=UTC")
		return cmd
	}
}

// pythonClient returns the runner of script with Debian's /usr/bin/python3, failing the test
// when it cannot import modules (.ci/run installs them).
func pythonClient(t *testing.T, script string, modules ...string) func(ctx context.Context, dsn string) *exec.Cmd {
	t.Helper()
	if err := exec.Command(debianPython, "-c", "import "+strings.Join(modules, ", ")).Run(); err != nil {
		t.Fatalf("%s cannot import %s (.ci/run installs them from Debian): %v", debianPython, strings.Join(modules, ", "), err)
	}
	return func(ctx context.Context, dsn string) *exec.Cmd {
		cmd := exec.CommandContext(ctx, debianPython, script, dsn)
		cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
		return cmd
	}
}

package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// nodeDir holds the node-postgres client script and its locked dependencies (npm pg).
const nodeDir = "node"

// TestNodePostgresReturning runs e2e/node/returning.js (node-postgres: simple and
// parameterized queries, INSERT … RETURNING id and RETURNING * over several types,
// transactions, a named prepared statement) against PostgreSQL 15 and against pgtidb and
// compares its JSON output line by line. node_modules is installed with `npm ci` from the
// committed package-lock.json when it is missing. The test skips only when node or npm is not
// installed (.ci/run installs them).
func TestNodePostgresReturning(t *testing.T) {
	node, nodeErr := exec.LookPath("node")
	npm, npmErr := exec.LookPath("npm")
	if nodeErr != nil || npmErr != nil {
		t.Skip("node and npm are not installed (apt-get install nodejs npm; .ci/run does it): node-postgres test skipped")
	}
	pg, pt := requireBoth(t)
	ctx := context.Background()
	if _, err := os.Stat(filepath.Join(nodeDir, "node_modules", "pg", "package.json")); err != nil {
		ictx, cancel := context.WithTimeout(ctx, 5*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ictx, npm, "ci", "--no-audit", "--no-fund")
		cmd.Dir = nodeDir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm ci in e2e/%s: %v\n%s", nodeDir, err, out)
		}
	}
	const db = "d_node_pg"
	outputs := map[string][]string{}
	for _, ep := range []endpoint{pg, pt} {
		if err := createDatabase(ctx, ep, db); err != nil {
			t.Fatal(err)
		}
		rctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		cmd := exec.CommandContext(rctx, node, "returning.js", ep.DSN(db))
		cmd.Dir = nodeDir
		// node-postgres decodes timestamptz into the local time zone's Date; its JSON is UTC.
		cmd.Env = append(os.Environ(), "TZ=UTC")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		cancel()
		if err != nil {
			t.Fatalf("%s: node returning.js: %v\n%s\nstdout so far:\n%s", ep.name, err, stderr.String(), stdout.String())
		}
		outputs[ep.name] = strings.Split(strings.TrimSpace(stdout.String()), "\n")
	}
	pgLines, ptLines := outputs[pg.name], outputs[pt.name]
	if len(pgLines) < 25 {
		t.Fatalf("PostgreSQL's run printed %d steps, want every step of returning.js:\n%s", len(pgLines), strings.Join(pgLines, "\n"))
	}
	for i := range pgLines {
		if i >= len(ptLines) {
			t.Errorf("pgtidb's run stopped after %d steps; PostgreSQL's went on with %s", len(ptLines), pgLines[i])
			break
		}
		if pgLines[i] != ptLines[i] {
			t.Errorf("step %d differs:\n    PG:     %s\n    pgtidb: %s", i+1, pgLines[i], ptLines[i])
		}
	}
	if len(ptLines) > len(pgLines) {
		t.Errorf("pgtidb's run printed %d steps, PostgreSQL's %d", len(ptLines), len(pgLines))
	}
}

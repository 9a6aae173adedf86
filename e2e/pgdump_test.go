package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// pgdumpFailure is the error pg_dump --schema-only (version 15, the one on PATH) stops with
// against pgtidb, "" while it gets through (KNOWN_GAPS.md, "pg_dump against pgtidb").
// TestPgDump fails when pg_dump fails otherwise, or succeeds while this is set.
// TestPgDumpTables checks the dump of the schema without its views.
const pgdumpFailure = ``

// pgdumpKnownDiffs are the lines (after pgdumpMask) by which the schema restored from pgtidb's
// dump differs from the original, each "-line" (only in the original's dump) or "+line" (only
// in the restored one's), each explained in KNOWN_GAPS.md ("pg_dump against pgtidb").
var pgdumpKnownDiffs = []string{}

// pgdumpMasks are the only parts of a dump masked before two dumps are compared; both dumps
// compared are taken by pg_dump from real PostgreSQL databases with the same owner, so only
// what pg_dump makes up per run differs:
//   - the key of psql's \restrict / \unrestrict lines, random per dump (pg_dump ≥ 15.14).
var pgdumpMasks = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`(?m)^\\(un)?restrict [0-9A-Za-z]+$`), `\${1}restrict KEY`},
}

func pgdumpMask(dump string) string {
	for _, m := range pgdumpMasks {
		dump = m.re.ReplaceAllString(dump, m.with)
	}
	return dump
}

// TestPgDump builds the reference schema (testdata/pgdump/schema.sql) through pgtidb and on
// PostgreSQL 15 and runs pg_dump --schema-only against pgtidb. Its dump is restored with psql
// (ON_ERROR_STOP=1) into a fresh PostgreSQL database, which is dumped again and compared,
// after pgdumpMask, with the dump of the schema built on PostgreSQL: the differences must be
// exactly pgdumpKnownDiffs. The same round trip of PostgreSQL's own dump (restored into
// another fresh database) must give no difference at all, which checks the comparison.
func TestPgDump(t *testing.T) {
	pg, pt := requireBoth(t)
	ctx := context.Background()
	const orig, fromPG, src, fromPgtidb = "pgdump_orig", "pgdump_from_pg", "pgdump_pgtidb", "pgdump_from_pgtidb"
	for _, db := range []struct {
		ep   endpoint
		name string
	}{{pg, orig}, {pg, fromPG}, {pt, src}, {pg, fromPgtidb}} {
		if err := createDatabase(ctx, db.ep, db.name); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	schema := filepath.Join(pgdumpDir, "schema.sql")
	psqlStrict(t, pg, orig, schema)
	psqlStrict(t, pt, src, schema)

	want := readFile(t, pgDump(t, pg, orig, filepath.Join(dir, "orig.sql"), "--schema-only"))

	// Control: PostgreSQL's own dump restored into a fresh database dumps the same.
	psqlStrict(t, pg, fromPG, filepath.Join(dir, "orig.sql"))
	control := readFile(t, pgDump(t, pg, fromPG, filepath.Join(dir, "from_pg.sql"), "--schema-only"))
	if d := dumpDiff(want, control); len(d) > 0 {
		t.Fatalf("PostgreSQL's dump restored into PostgreSQL dumps differently (the masks are wrong):\n%s", strings.Join(d, "\n"))
	}

	// pg_dump against pgtidb.
	ptDump := filepath.Join(dir, "pgtidb.sql")
	cmd := exec.Command("pg_dump", "--schema-only", "-h", pt.host, "-p", strconv.Itoa(pt.port), "-U", "postgres", "-f", ptDump, src)
	cmd.Env = psqlEnv()
	out, err := cmd.CombinedOutput()
	switch {
	case err != nil && pgdumpFailure != "" && strings.Contains(string(out), pgdumpFailure):
		t.Logf("pg_dump against pgtidb stops at the known gap: %s", strings.TrimSpace(string(out)))
		return
	case err != nil:
		t.Fatalf("pg_dump --schema-only against pgtidb: %v\n%s\nwant it to succeed or fail with the known gap %q", err, out, pgdumpFailure)
	case pgdumpFailure != "":
		t.Errorf("pg_dump --schema-only against pgtidb succeeds now: set pgdumpFailure to \"\" and update KNOWN_GAPS.md")
	}
	psqlStrict(t, pg, fromPgtidb, ptDump)
	got := readFile(t, pgDump(t, pg, fromPgtidb, filepath.Join(dir, "from_pgtidb.sql"), "--schema-only"))
	d := dumpDiff(want, got)
	if strings.Join(d, "\n") != strings.Join(pgdumpKnownDiffs, "\n") {
		t.Errorf("the schema restored from pgtidb's dump differs from the original by:\n%s\nwant exactly the known differences:\n%s",
			strings.Join(d, "\n"), strings.Join(pgdumpKnownDiffs, "\n"))
	}
}

// pgdumpTablesKnownDiffs are the lines (after pgdumpMask and pgdumpServerMask) by which
// pg_dump's dump of the reference schema without its views, taken against pgtidb, differs
// from its dump of the same schema built on PostgreSQL, each explained in KNOWN_GAPS.md
// ("pg_dump against pgtidb"). It compares the dumps themselves, where TestPgDump compares the
// schema restored from pgtidb's dump.
var pgdumpTablesKnownDiffs = []string{}

// pgdumpServerMask masks the one line of a dump that names the server it was taken from, for
// comparing a dump taken against pgtidb with one taken against PostgreSQL.
var pgdumpServerMask = regexp.MustCompile(`(?m)^-- Dumped from database version .*$`)

// TestPgDumpTables runs pg_dump --schema-only against pgtidb over the reference schema without
// its views (CREATE VIEW and COMMENT ON VIEW left out: pg_get_viewdef, which pg_dump needs for
// a view, is refused), which gets through, and compares its dump with PostgreSQL's dump of the
// same schema: the differences must be exactly pgdumpTablesKnownDiffs.
func TestPgDumpTables(t *testing.T) {
	pg, pt := requireBoth(t)
	ctx := context.Background()
	const onPG, onPgtidb = "pgdump_tables_pg", "pgdump_tables_pgtidb"
	if err := createDatabase(ctx, pg, onPG); err != nil {
		t.Fatal(err)
	}
	if err := createDatabase(ctx, pt, onPgtidb); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	text := readFile(t, filepath.Join(pgdumpDir, "schema.sql"))
	var kept []string
	for _, stmt := range strings.Split(text, ";\n") {
		if s := strings.TrimSpace(stmt); !strings.HasPrefix(s, "CREATE VIEW ") && !strings.HasPrefix(s, "COMMENT ON VIEW ") {
			kept = append(kept, stmt)
		}
	}
	schema := filepath.Join(dir, "schema_tables.sql")
	if err := os.WriteFile(schema, []byte(strings.Join(kept, ";\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	psqlStrict(t, pg, onPG, schema)
	psqlStrict(t, pt, onPgtidb, schema)
	want := readFile(t, pgDump(t, pg, onPG, filepath.Join(dir, "pg.sql"), "--schema-only"))
	got := readFile(t, pgDump(t, pt, onPgtidb, filepath.Join(dir, "pgtidb.sql"), "--schema-only"))
	d := dumpDiff(pgdumpServerMask.ReplaceAllString(want, "-- Dumped from SERVER"), pgdumpServerMask.ReplaceAllString(got, "-- Dumped from SERVER"))
	if strings.Join(d, "\n") != strings.Join(pgdumpTablesKnownDiffs, "\n") {
		t.Errorf("pg_dump's dump of the tables through pgtidb differs from PostgreSQL's by:\n%s\nwant exactly the known differences:\n%s",
			strings.Join(d, "\n"), strings.Join(pgdumpTablesKnownDiffs, "\n"))
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// dumpDiff returns the changed lines of an ordered line diff (lineDiff) of the masked dumps a
// and b: "-line" only in a, "+line" only in b; equal dumps give none.
func dumpDiff(a, b string) []string {
	var out []string
	for _, l := range strings.Split(lineDiff(pgdumpMask(a), pgdumpMask(b)), "\n") {
		if strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "+ ") {
			out = append(out, l[:1]+l[2:])
		}
	}
	return out
}

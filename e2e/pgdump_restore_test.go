package e2e

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// pgdumpDir holds the reference schema (schema.sql) and the statements run on it (check.sql).
const pgdumpDir = "../testdata/pgdump"

// pgdumpGapsHeading starts the KNOWN_GAPS.md section that lists the statements of a
// pg_dump --schema-only dump pgtidb refuses: one item "- **`PREFIX`** …" per kind of statement,
// before the paragraph "What else …".
const pgdumpGapsHeading = "## pg_dump restore"

// TestPgDumpRestore builds the reference schema on PostgreSQL 15, dumps it with
// pg_dump --schema-only (plain format) and restores the dump through pgtidb with psql:
//
//   - the whole dump: exactly the statements KNOWN_GAPS.md lists fail, nothing else;
//   - the --no-owner dump without those statements, with ON_ERROR_STOP=1: psql succeeds;
//   - every relation has the same column names and types (RowDescription of SELECT * … LIMIT 0)
//     on PostgreSQL and on the restored schema, and check.sql's statements (serial and
//     identity defaults, PK/UNIQUE/CHECK/FK violations and actions, views, sequences, setval)
//     give the same results on both;
//   - pg_dump --schema-only --clean --if-exists restores over the restored schema;
//   - pg_dump --data-only --inserts of PostgreSQL's rows then restores through pgtidb (with
//     ON_ERROR_STOP=1) into the full restore: the same rows, and the sequences go on alike.
func TestPgDumpRestore(t *testing.T) {
	pg, pt := requireBoth(t)
	ctx := context.Background()
	const src, full, clean = "pgdump_src", "pgdump_full", "pgdump_clean"
	for _, db := range []struct {
		ep   endpoint
		name string
	}{{pg, src}, {pt, full}, {pt, clean}} {
		if err := createDatabase(ctx, db.ep, db.name); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	psqlStrict(t, pg, src, filepath.Join(pgdumpDir, "schema.sql"))

	dump := pgDump(t, pg, src, filepath.Join(dir, "schema.sql"), "--schema-only")
	refused := pgdumpRefusedPrefixes(t)
	statements := dumpStatements(t, dump)
	var want []string
	for _, st := range statements {
		if hasAnyPrefix(st.text, refused) {
			want = append(want, st.text)
		}
	}
	got := psqlFailures(t, pt, full, dump, statements)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("statements of the dump pgtidb refused:\n  %s\nwant exactly the ones KNOWN_GAPS.md lists:\n  %s",
			strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}

	noOwner := pgDump(t, pg, src, filepath.Join(dir, "no_owner.sql"), "--schema-only", "--no-owner")
	psqlStrict(t, pt, clean, withoutStatements(t, noOwner, refused))

	pgConn, ptConn := connectPair(t, ctx, pg, src, pt, clean)
	relations := pgdumpRelations(t, ctx, pgConn)
	if len(relations) < 8 {
		t.Fatalf("the reference schema has only %d relations: %v", len(relations), relations)
	}
	for _, r := range relations {
		if r.kind == "S" {
			continue
		}
		sql := "SELECT * FROM " + r.name + " LIMIT 0"
		if d := compare(runSimple(ctx, pgConn, sql), runSimple(ctx, ptConn, sql), true); d != "" {
			t.Errorf("%s: %s", sql, d)
		}
	}
	src2, err := os.ReadFile(filepath.Join(pgdumpDir, "check.sql"))
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := splitScript("testdata/pgdump/check.sql", string(src2))
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range stmts {
		if d := compare(runSimple(ctx, pgConn, st.sql), runSimple(ctx, ptConn, st.sql), st.ordered); d != "" {
			t.Errorf("%s:%d: %s\n  %s", st.file, st.line, st.display(), d)
		}
	}

	// pg_dump --clean --if-exists restores over the restored schema (dropping it first: DROP
	// CONSTRAINT, DROP DEFAULT of the SERIAL columns, DROP SEQUENCE, DROP TABLE…), twice.
	cleanDump := pgDump(t, pg, src, filepath.Join(dir, "clean.sql"), "--schema-only", "--clean", "--if-exists")
	for i := 0; i < 2; i++ {
		psqlStrict(t, pt, clean, withoutStatements(t, cleanDump, refused))
	}
	for _, r := range relations {
		sql := "SELECT * FROM " + r.name + " LIMIT 0"
		if r.kind == "S" {
			continue
		}
		if d := compare(runSimple(ctx, pgConn, sql), runSimple(ctx, ptConn, sql), true); d != "" {
			t.Errorf("after pg_dump --clean: %s: %s", sql, d)
		}
	}

	// The rows check.sql left on PostgreSQL, dumped as INSERTs and setval calls, restore into
	// the full restore (which has the schema and nothing else).
	data := pgDump(t, pg, src, filepath.Join(dir, "data.sql"), "--data-only", "--inserts")
	psqlStrict(t, pt, full, data)
	fullConn, err := pt.connect(ctx, full)
	if err != nil {
		t.Fatal(err)
	}
	defer fullConn.Close(ctx)
	for _, r := range relations {
		sql := "SELECT * FROM " + r.name
		if r.kind == "S" {
			sql = "SELECT nextval('" + r.name + "')"
		}
		if d := compare(runSimple(ctx, pgConn, sql), runSimple(ctx, fullConn, sql), false); d != "" {
			t.Errorf("after the data dump: %s: %s", sql, d)
		}
	}
}

// connectPair connects to database a on PostgreSQL and b on pgtidb, closed when t ends.
func connectPair(t *testing.T, ctx context.Context, pg endpoint, a string, pt endpoint, b string) (pgConn, ptConn *pgconn.PgConn) {
	t.Helper()
	pgConn, err := pg.connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pgConn.Close(ctx) })
	ptConn, err = pt.connect(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ptConn.Close(ctx) })
	return pgConn, ptConn
}

// relation is a table, view or sequence of the reference schema, by qualified name.
type relation struct{ name, kind string }

// pgdumpRelations lists the reference schema's relations as PostgreSQL's catalog has them.
func pgdumpRelations(t *testing.T, ctx context.Context, conn *pgconn.PgConn) []relation {
	t.Helper()
	o := runSimple(ctx, conn, `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relkind::text
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname IN ('public', 'app') AND c.relkind IN ('r', 'v', 'S') ORDER BY 1`)
	if o.code != "" || o.broken != "" {
		t.Fatalf("listing the reference schema: %s %s", o.code, o.msg+o.broken)
	}
	var out []relation
	for _, row := range o.rows {
		out = append(out, relation{name: row[0], kind: row[1]})
	}
	return out
}

// pgDump runs pg_dump with args against database db and writes the dump to path.
func pgDump(t *testing.T, ep endpoint, db, path string, args ...string) string {
	t.Helper()
	args = append(args, "-h", ep.host, "-p", strconv.Itoa(ep.port), "-U", "postgres", "-f", path, db)
	cmd := exec.Command("pg_dump", args...)
	cmd.Env = psqlEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pg_dump %v: %v\n%s", args, err, out)
	}
	return path
}

// psqlStrict runs a script with psql -v ON_ERROR_STOP=1; any error fails the test.
func psqlStrict(t *testing.T, ep endpoint, db, script string) {
	t.Helper()
	cmd := exec.Command("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", ep.host, "-p", strconv.Itoa(ep.port),
		"-U", "postgres", "-d", db, "-f", script)
	cmd.Env = psqlEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: psql -v ON_ERROR_STOP=1 -f %s: %v\n%s", ep.name, script, err, out)
	}
}

// psqlEnv is the environment of psql and pg_dump, the same for both servers: the caller's
// without its PG*/locale/pager variables, PGTZ=UTC, UTF8, the C.UTF-8 locale, no pager.
func psqlEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "PG") || strings.HasPrefix(kv, "LC_") || strings.HasPrefix(kv, "LANG") || strings.HasPrefix(kv, "PSQL") || strings.HasPrefix(kv, "PAGER") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "PGTZ=UTC", "PGCLIENTENCODING=UTF8", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "PAGER=", "PSQL_PAGER=")
}

// dumpStatement is one SQL statement of a dump: its lines and its text on one line.
type dumpStatement struct {
	first, last int // 1-based lines
	text        string
}

// dumpStatements splits a plain dump into its statements by lines, as pg_dump writes them:
// comments and blank lines between statements, psql meta-commands (\restrict) on their own
// lines, every statement ending with a semicolon at the end of a line.
func dumpStatements(t *testing.T, path string) []dumpStatement {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []dumpStatement
	var cur *dumpStatement
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if cur == nil {
			if s := strings.TrimSpace(line); s == "" || strings.HasPrefix(s, "--") || strings.HasPrefix(s, `\`) {
				continue
			}
			cur = &dumpStatement{first: n}
		}
		cur.text = strings.TrimSpace(cur.text + " " + strings.TrimSpace(line))
		if strings.HasSuffix(strings.TrimSpace(line), ";") {
			cur.last = n
			out = append(out, *cur)
			cur = nil
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if cur != nil {
		t.Fatalf("%s: unterminated statement at line %d", path, cur.first)
	}
	return out
}

// psqlErrorLine matches psql's report of a failed statement in a script.
var psqlErrorLine = regexp.MustCompile(`^psql:[^:]*:(\d+): ERROR: `)

// psqlFailures runs the dump with psql (ON_ERROR_STOP=0) and returns the statements that
// failed, in dump order. psql reports the line a failed statement ends on.
func psqlFailures(t *testing.T, ep endpoint, db, dump string, statements []dumpStatement) []string {
	t.Helper()
	out := runPsql(t, ep, db, dump)
	var failed []string
	for _, line := range strings.Split(out, "\n") {
		m := psqlErrorLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		found := false
		for _, st := range statements {
			if n >= st.first && n <= st.last {
				failed = append(failed, st.text)
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%s: error at line %d outside any statement: %s", ep.name, n, line)
		}
	}
	return failed
}

// withoutStatements writes a copy of the dump without the statements starting with one of
// prefixes, and returns its path.
func withoutStatements(t *testing.T, dump string, prefixes []string) string {
	t.Helper()
	src, err := os.ReadFile(dump)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	for _, st := range dumpStatements(t, dump) {
		if hasAnyPrefix(st.text, prefixes) {
			for i := st.first; i <= st.last; i++ {
				lines[i-1] = ""
			}
		}
	}
	path := strings.TrimSuffix(dump, ".sql") + "_accepted.sql"
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// pgdumpRefusedPrefixes reads the statements KNOWN_GAPS.md says pgtidb refuses in a
// schema-only dump: the items "- **`PREFIX`** …" of its pg_dump restore section.
func pgdumpRefusedPrefixes(t *testing.T) []string {
	t.Helper()
	src, err := os.ReadFile(knownGapsFile)
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(src), "\n"+pgdumpGapsHeading)
	if !ok {
		t.Fatalf("%s has no section %q", knownGapsFile, pgdumpGapsHeading)
	}
	// The list ends where the section goes on to what else a dump can hold.
	for _, end := range []string{"\n## ", "\nWhat else"} {
		if i := strings.Index(section, end); i >= 0 {
			section = section[:i]
		}
	}
	item := regexp.MustCompile("(?m)^- \\*\\*`([^`]+)`\\*\\*")
	var out []string
	for _, m := range item.FindAllStringSubmatch(section, -1) {
		out = append(out, m[1])
	}
	sort.Strings(out)
	return out
}

package e2e

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// diffDir holds the differential scripts; diffDir/gaps holds scripts with known gaps.
const diffDir = "../testdata/diff"

// gapMarker introduces a known gap: the statement that follows the comment line
// "-- gap: KEY" is expected to differ; KEY names its entry in KNOWN_GAPS.md.
const gapMarker = "-- gap:"

// statementTimeout bounds one statement on either server.
const statementTimeout = 60 * time.Second

// statement is one statement of a differential script.
type statement struct {
	file    string // path from the module root, for reports
	line    int    // line of the statement's first non-comment line
	sql     string // text sent to the servers (leading comments included)
	gap     string // known-gap key, "" for an ordinary statement
	ordered bool   // the top-level SELECT has ORDER BY: rows compare in order
}

// display is the statement without its leading comments, on one line, for reports.
func (s statement) display() string {
	body, _ := splitLeadingComments(s.sql)
	return strings.Join(strings.Fields(body), " ")
}

// script is one differential script.
type script struct {
	name  string // file name without .sql
	gaps  bool   // under gaps/
	stmts []statement
}

// loadScripts reads testdata/diff/*.sql and testdata/diff/gaps/*.sql (filtered by
// $PGTIDB_E2E_SCRIPTS, a regular expression on the file name).
func loadScripts(t *testing.T) []script {
	t.Helper()
	var filter *regexp.Regexp
	if f := os.Getenv("PGTIDB_E2E_SCRIPTS"); f != "" {
		filter = regexp.MustCompile(f)
	}
	var scripts []script
	for _, gaps := range []bool{false, true} {
		dir := diffDir
		if gaps {
			dir = filepath.Join(diffDir, "gaps")
		}
		paths, err := filepath.Glob(filepath.Join(dir, "*.sql"))
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(paths)
		for _, path := range paths {
			if filter != nil && !filter.MatchString(filepath.Base(path)) {
				continue
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			rel := strings.TrimPrefix(filepath.ToSlash(path), "../")
			stmts, err := splitScript(rel, string(src))
			if err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
			// A "-- gap: KEY" marker in a regular script keeps a construct that is not built
			// yet next to the feature it tests (testdata/doc.go); every key needs its reason
			// in KNOWN_GAPS.md (checkGapKeysDocumented).
			scripts = append(scripts, script{name: strings.TrimSuffix(filepath.Base(path), ".sql"), gaps: gaps, stmts: stmts})
		}
	}
	if len(scripts) == 0 {
		t.Fatalf("no differential scripts in %s (PGTIDB_E2E_SCRIPTS=%q)", diffDir, os.Getenv("PGTIDB_E2E_SCRIPTS"))
	}
	checkGapKeysDocumented(t, scripts)
	return scripts
}

// knownGapsFile documents every known-gap key, in its section "Differential suite".
const knownGapsFile = "../KNOWN_GAPS.md"

// checkGapKeysDocumented fails the test when a "-- gap: KEY" marker has no row for `KEY` in
// KNOWN_GAPS.md's "Differential suite" section.
func checkGapKeysDocumented(t *testing.T, scripts []script) {
	t.Helper()
	doc, err := os.ReadFile(knownGapsFile)
	if err != nil {
		t.Fatalf("known gaps need their reasons in %s: %v", knownGapsFile, err)
	}
	_, section, ok := strings.Cut(string(doc), "\n## Differential suite")
	if !ok {
		t.Fatalf("%s has no section \"Differential suite\"", knownGapsFile)
	}
	if i := strings.Index(section, "\n## "); i >= 0 {
		section = section[:i]
	}
	for _, sc := range scripts {
		for _, st := range sc.stmts {
			if st.gap != "" && !strings.Contains(section, "`"+st.gap+"`") {
				t.Errorf("%s:%d: known gap %q has no entry in %s (section \"Differential suite\")", st.file, st.line, st.gap, knownGapsFile)
			}
		}
	}
}

// splitScript splits a script into statements with pg_query's parser; a script that does not
// parse as a whole (one made of syntax errors on purpose) is split with pg_query's scanner.
func splitScript(file, src string) ([]statement, error) {
	parts, err := pg_query.SplitWithParser(src, true)
	if err != nil {
		if parts, err = pg_query.SplitWithScanner(src, true); err != nil {
			return nil, err
		}
	}
	var stmts []statement
	cursor := 0
	for _, part := range parts {
		body, comments := splitLeadingComments(part)
		if strings.TrimSpace(body) == "" {
			continue
		}
		at := strings.Index(src[cursor:], body)
		if at < 0 {
			return nil, fmt.Errorf("cannot locate statement %q", body)
		}
		at += cursor
		cursor = at + len(body)
		s := statement{
			file:    file,
			line:    1 + strings.Count(src[:at], "\n"),
			sql:     part,
			ordered: hasTopLevelOrderBy(part),
		}
		for _, c := range comments {
			if strings.HasPrefix(c, gapMarker) {
				s.gap = strings.TrimSpace(strings.TrimPrefix(c, gapMarker))
				if s.gap == "" {
					return nil, fmt.Errorf("line %d: %q without a key", s.line, gapMarker)
				}
			}
		}
		stmts = append(stmts, s)
	}
	return stmts, nil
}

// splitLeadingComments separates the "--" comment lines (and blank lines) that precede a
// statement from the statement itself.
func splitLeadingComments(sql string) (body string, comments []string) {
	rest := sql
	for {
		rest = strings.TrimLeft(rest, " \t\r\n")
		if !strings.HasPrefix(rest, "--") {
			return rest, comments
		}
		line, after, _ := strings.Cut(rest, "\n")
		comments = append(comments, strings.TrimSpace(line))
		rest = after
	}
}

// hasTopLevelOrderBy reports whether the statement is a SELECT whose outermost level sorts.
func hasTopLevelOrderBy(sql string) bool {
	tree, err := pg_query.Parse(sql)
	if err != nil || len(tree.Stmts) != 1 {
		return false
	}
	sel := tree.Stmts[0].GetStmt().GetSelectStmt()
	return sel != nil && len(sel.GetSortClause()) > 0
}

// nullText stands for SQL NULL among text values (no server sends a NUL byte in text).
const nullText = "\x00NULL"

type column struct {
	name string
	oid  uint32
}

// outcome is what one statement produced on one server.
type outcome struct {
	cols   []column
	rows   [][]string
	tag    string
	code   string // SQLSTATE of the error, "" on success
	msg    string // error message, reported but never compared
	tx     byte   // transaction status after the statement: 'I', 'T' or 'E'
	broken string // the connection failed (not an SQL error)
}

func (o *outcome) addResult(r *pgconn.Result) {
	if r == nil {
		return
	}
	if r.Err != nil {
		o.setErr(r.Err)
	}
	if len(r.FieldDescriptions) > 0 {
		o.cols = o.cols[:0]
		for _, fd := range r.FieldDescriptions {
			o.cols = append(o.cols, column{name: fd.Name, oid: fd.DataTypeOID})
		}
	}
	for _, row := range r.Rows {
		vals := make([]string, len(row))
		for i, v := range row {
			if v == nil {
				vals[i] = nullText
			} else {
				vals[i] = string(v)
			}
		}
		o.rows = append(o.rows, vals)
	}
	if r.Err == nil {
		o.tag = r.CommandTag.String()
	}
}

func (o *outcome) setErr(err error) {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		o.code, o.msg = pgErr.Code, pgErr.Message
		return
	}
	o.broken = err.Error()
}

// protocol runs one statement on a connection.
type protocol func(ctx context.Context, conn *pgconn.PgConn, sql string) outcome

// runSimple sends the statement as a simple-protocol Query.
func runSimple(ctx context.Context, conn *pgconn.PgConn, sql string) outcome {
	var o outcome
	results, err := conn.Exec(ctx, sql).ReadAll()
	for _, r := range results {
		o.addResult(r)
	}
	if err != nil && o.code == "" && o.broken == "" {
		o.setErr(err)
	}
	o.tx = conn.TxStatus()
	return o
}

// runExtended sends the statement through the extended protocol: Parse (unnamed statement, no
// parameters), Bind (text results), Describe portal, Execute, Sync.
func runExtended(ctx context.Context, conn *pgconn.PgConn, sql string) outcome {
	var o outcome
	r := conn.ExecParams(ctx, sql, nil, nil, nil, nil).Read()
	o.addResult(r)
	o.tx = conn.TxStatus()
	return o
}

// compare returns "" when pgtidb's outcome matches PostgreSQL's, else what differs.
func compare(pg, pt outcome, ordered bool) string {
	switch {
	case pt.broken != "":
		return "pgtidb connection failed: " + pt.broken
	case pg.code != pt.code:
		return fmt.Sprintf("SQLSTATE: PG %s vs pgtidb %s", orOK(pg.code), orOK(pt.code))
	case pg.tx != pt.tx:
		return fmt.Sprintf("transaction status: PG %s vs pgtidb %s", txName(pg.tx), txName(pt.tx))
	case pg.code != "":
		return "" // the same error; rows and tags do not exist
	case pg.tag != pt.tag:
		return fmt.Sprintf("command tag: PG %q vs pgtidb %q", pg.tag, pt.tag)
	case len(pg.cols) != len(pt.cols):
		return fmt.Sprintf("column count: PG %d vs pgtidb %d", len(pg.cols), len(pt.cols))
	}
	for i := range pg.cols {
		if pg.cols[i].name != pt.cols[i].name {
			return fmt.Sprintf("column %d name: PG %q vs pgtidb %q", i+1, pg.cols[i].name, pt.cols[i].name)
		}
		if pg.cols[i].oid != pt.cols[i].oid {
			return fmt.Sprintf("column %d (%s) type: PG %s vs pgtidb %s", i+1, pg.cols[i].name, oidName(pg.cols[i].oid), oidName(pt.cols[i].oid))
		}
	}
	pgRows, ptRows := pg.rows, pt.rows
	if !ordered {
		pgRows, ptRows = sortedRows(pgRows), sortedRows(ptRows)
	}
	if len(pgRows) != len(ptRows) {
		return fmt.Sprintf("row count: PG %d vs pgtidb %d", len(pgRows), len(ptRows))
	}
	for i := range pgRows {
		for j := range pgRows[i] {
			if j >= len(ptRows[i]) || pgRows[i][j] != ptRows[i][j] {
				got := "(missing)"
				if j < len(ptRows[i]) {
					got = showValue(ptRows[i][j])
				}
				return fmt.Sprintf("row %d column %d (%s): PG %s vs pgtidb %s", i+1, j+1, pg.cols[j].name, showValue(pgRows[i][j]), got)
			}
		}
	}
	return ""
}

func sortedRows(rows [][]string) [][]string {
	out := append([][]string(nil), rows...)
	sort.Slice(out, func(i, j int) bool {
		return strings.Join(out[i], "\x01") < strings.Join(out[j], "\x01")
	})
	return out
}

func orOK(code string) string {
	if code == "" {
		return "(ok)"
	}
	return code
}

func txName(b byte) string {
	switch b {
	case 'I':
		return "idle"
	case 'T':
		return "in-block"
	case 'E':
		return "failed-block"
	}
	return fmt.Sprintf("%q", b)
}

func showValue(v string) string {
	if v == nullText {
		return "NULL"
	}
	return fmt.Sprintf("%q", v)
}

var oidNames = map[uint32]string{
	16: "bool", 17: "bytea", 18: "char", 19: "name", 20: "int8", 21: "int2", 23: "int4", 25: "text",
	26: "oid", 114: "json", 700: "float4", 701: "float8", 705: "unknown", 1042: "bpchar",
	1043: "varchar", 1082: "date", 1083: "time", 1114: "timestamp", 1184: "timestamptz",
	1186: "interval", 1266: "timetz", 1700: "numeric", 2249: "record", 2278: "void", 2950: "uuid",
	3802: "jsonb", 2205: "regclass", 2206: "regtype",
}

func oidName(oid uint32) string {
	if n, ok := oidNames[oid]; ok {
		return fmt.Sprintf("%s(%d)", n, oid)
	}
	return fmt.Sprint(oid)
}

// summary describes an outcome in one line for reports.
func (o outcome) summary() string {
	if o.broken != "" {
		return "CONNECTION FAILED: " + o.broken
	}
	if o.code != "" {
		return fmt.Sprintf("ERROR %s: %s [%s]", o.code, o.msg, txName(o.tx))
	}
	var b strings.Builder
	if len(o.cols) > 0 {
		b.WriteString("(")
		for i, c := range o.cols {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s %s", c.name, oidName(c.oid))
		}
		b.WriteString(") ")
		const maxRows = 8
		for i, row := range o.rows {
			if i == maxRows {
				fmt.Fprintf(&b, " …%d more", len(o.rows)-maxRows)
				break
			}
			vals := make([]string, len(row))
			for j, v := range row {
				vals[j] = showValue(v)
			}
			b.WriteString("[" + strings.Join(vals, " ") + "]")
		}
		b.WriteString(" ")
	}
	fmt.Fprintf(&b, "%s [%s]", o.tag, txName(o.tx))
	return b.String()
}

// tally counts one pass over the scripts.
type tally struct {
	passed, failed int
	gapsDiffer     int      // known gaps that still differ
	gapsFixed      []string // known gaps that now match (file:line), to be promoted
	failures       []string // file:line of every failing statement
}

// session is one side's connection to a script's database; it reconnects after the server
// closed the connection (the session state is then lost, and the report says so).
type session struct {
	ep   endpoint
	db   string
	conn *pgconn.PgConn
}

func (s *session) ensure(ctx context.Context) error {
	if s.conn != nil && !s.conn.IsClosed() {
		return nil
	}
	conn, err := s.ep.connect(ctx, s.db)
	if err != nil {
		return err
	}
	s.conn = conn
	return nil
}

func (s *session) close() {
	if s.conn != nil {
		s.conn.Close(context.Background())
	}
}

// runScripts runs every script on both servers with the given protocol and compares.
func runScripts(t *testing.T, pass string, dbPrefix string, run protocol) *tally {
	pg, pt := requireBoth(t)
	scripts := loadScripts(t)
	tl := &tally{}
	ctx := context.Background()
	for _, sc := range scripts {
		sc := sc
		db := dbPrefix + sc.name
		if sc.gaps {
			db = dbPrefix + "gap_" + sc.name
		}
		db = strings.ToLower(regexp.MustCompile(`[^A-Za-z0-9_]`).ReplaceAllString(db, "_"))
		subtest := sc.name
		if sc.gaps {
			subtest = "gaps/" + sc.name
		}
		t.Run(subtest, func(t *testing.T) {
			if err := createDatabase(ctx, pg, db); err != nil {
				t.Fatal(err)
			}
			if err := createDatabase(ctx, pt, db); err != nil {
				t.Errorf("%s: cannot create the script's database on pgtidb: %v", sc.name, err)
				tl.failed += len(sc.stmts)
				for _, s := range sc.stmts {
					tl.failures = append(tl.failures, fmt.Sprintf("%s:%d", s.file, s.line))
				}
				return
			}
			pgSess := &session{ep: pg, db: db}
			ptSess := &session{ep: pt, db: db}
			defer pgSess.close()
			defer ptSess.close()
			if err := pgSess.ensure(ctx); err != nil {
				t.Fatal(err)
			}
			for _, st := range sc.stmts {
				var ptOut outcome
				if err := ptSess.ensure(ctx); err != nil {
					ptOut = outcome{broken: "reconnect: " + err.Error()}
				}
				sctx, cancel := context.WithTimeout(ctx, statementTimeout)
				pgOut := run(sctx, pgSess.conn, st.sql)
				if ptOut.broken == "" {
					ptOut = run(sctx, ptSess.conn, st.sql)
				}
				cancel()
				if pgOut.broken != "" {
					t.Fatalf("%s:%d: PostgreSQL itself failed: %s", st.file, st.line, pgOut.broken)
				}
				diff := compare(pgOut, ptOut, st.ordered)
				where := fmt.Sprintf("%s:%d", st.file, st.line)
				reconnected := ""
				if ptSess.conn == nil || ptSess.conn.IsClosed() {
					reconnected = "\n    (pgtidb closed the connection; reconnecting, session state is lost)"
				}
				switch {
				case st.gap != "" && diff != "":
					tl.gapsDiffer++
					t.Logf("%s: known gap %q [%s]: %s\n    %s", where, st.gap, pass, st.display(), diff)
				case st.gap != "":
					tl.gapsFixed = append(tl.gapsFixed, where)
					t.Logf("%s: known gap %q now matches [%s]; move it out of gaps/: %s", where, st.gap, pass, st.display())
				case diff == "":
					tl.passed++
				default:
					tl.failed++
					tl.failures = append(tl.failures, where)
					t.Errorf("%s: [%s] %s\n    differs: %s\n    PG:     %s\n    pgtidb: %s%s",
						where, pass, st.display(), diff, pgOut.summary(), ptOut.summary(), reconnected)
				}
			}
		})
	}
	return tl
}

// TestDifferential runs testdata/diff through the simple query protocol on PostgreSQL and on
// pgtidb and compares them statement by statement. Its last line of output is
// "N passed, M failed" (read by CI); known gaps are counted separately and never fail it.
func TestDifferential(t *testing.T) {
	start := time.Now()
	tl := runScripts(t, "simple", "d_", runSimple)
	fmt.Printf("differential (simple protocol) took %s\n", time.Since(start).Round(time.Second))
	if len(tl.gapsFixed) > 0 {
		fmt.Printf("%d known gaps now match: %s\n", len(tl.gapsFixed), strings.Join(tl.gapsFixed, " "))
	}
	fmt.Printf("%d known gaps still differ\n", tl.gapsDiffer)
	fmt.Printf("%d passed, %d failed\n", tl.passed, tl.failed)
	if tl.failed > 0 {
		t.Errorf("%d statements differ from PostgreSQL: %s", tl.failed, strings.Join(tl.failures, " "))
	}
}

// TestDifferentialExtended runs the same scripts through the extended protocol (Parse, Bind,
// Describe, Execute, Sync with no parameters and text results) and compares the same way. Its
// summary line is prefixed with "extended protocol:" so that CI's line stays unique.
func TestDifferentialExtended(t *testing.T) {
	start := time.Now()
	tl := runScripts(t, "extended", "dx_", runExtended)
	fmt.Printf("differential (extended protocol) took %s\n", time.Since(start).Round(time.Second))
	fmt.Printf("extended protocol: %d known gaps still differ\n", tl.gapsDiffer)
	fmt.Printf("extended protocol: %d passed, %d failed\n", tl.passed, tl.failed)
	if tl.failed > 0 {
		t.Errorf("%d statements differ from PostgreSQL through the extended protocol: %s", tl.failed, strings.Join(tl.failures, " "))
	}
}

package e2e

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
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
	session string // the session that runs it ("A" unless a "-- session:" line chose another)
	async   bool   // "-- async": started in the background, collected later (scriptRun)
	wait    bool   // "-- wait": every pending background statement is collected first
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
	session := defaultSession
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
			switch {
			case strings.HasPrefix(c, gapMarker):
				s.gap = strings.TrimSpace(strings.TrimPrefix(c, gapMarker))
				if s.gap == "" {
					return nil, fmt.Errorf("line %d: %q without a key", s.line, gapMarker)
				}
			case strings.HasPrefix(c, sessionMarker):
				session = strings.TrimSpace(strings.TrimPrefix(c, sessionMarker))
				if !sessionName.MatchString(session) {
					return nil, fmt.Errorf("line %d: %q needs a session name (letters, digits, _), not %q", s.line, sessionMarker, session)
				}
			case c == asyncMarker:
				s.async = true
			case c == waitMarker:
				s.wait = true
			}
		}
		s.session = session
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
			r := &scriptRun{t: t, pass: pass, tl: tl, run: run, pg: pg, pt: pt, db: db, sessions: map[string]*sessionPair{}}
			defer r.close()
			for _, st := range sc.stmts {
				r.step(ctx, st)
			}
			r.collectAll(ctx)
		})
	}
	return tl
}

// Concurrent scripts. A script drives one session per side (PostgreSQL, pgtidb) unless a
// comment line "-- session: NAME" switches the following statements to session NAME (each
// name is one connection per side, opened on first use; the first session is "A"). Both sides
// see the same interleaving: statements run one at a time, in script order, each on its own
// session.
//
// "-- async" starts the next statement in the background: it is expected to block on a lock
// another session holds (B's INSERT of the key A inserted and has not committed). The runner
// waits until PostgreSQL's statement has either finished or is blocked (pg_blocking_pids is
// not empty), and the statement stays pending on its session. After every later statement
// the runner settles the pending ones the same way: a pending statement that PostgreSQL has
// finished (the lock was released) is awaited on pgtidb too and compared; one still blocked
// on PostgreSQL must still be running on pgtidb (TiDB's TIDB_TRX shows a lock wait in the
// script's database, or it is still running after asyncGrace). A pending statement is also
// collected before its session's next statement and, for every session, before a statement
// preceded by "-- wait" and at the end of the script; collecting one that PostgreSQL still
// blocks is an error in the script. Because PostgreSQL decides the order and the runner
// waits for each unblocked statement before the next one starts, the transcript is
// deterministic on both sides. A statement without "-- async" that blocks on PostgreSQL
// fails the script at once. Blocking where the other side does not is reported as a
// difference of that statement; a pgtidb statement stuck that way is cancelled when its
// session is needed.
const (
	sessionMarker  = "-- session:"
	asyncMarker    = "-- async"
	waitMarker     = "-- wait"
	defaultSession = "A"
)

var sessionName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// asyncGrace bounds how long pgtidb may take to show a lock wait (or to finish) for a
// statement PostgreSQL blocks. A statement PostgreSQL has finished counts as stuck on pgtidb
// when TiDB shows it waiting for a lock for stuckAfter, or for a pessimistic lock for
// pessimisticStuckAfter (it may wait for a lock a later statement releases); otherwise the
// runner waits for it up to statementTimeout. stuckAfter exceeds TiDB's longest backoff
// sleep (3 s) of an autocommit statement that met a lock and is about to retry its commit.
const (
	asyncGrace            = 2 * time.Second
	stuckAfter            = 6 * time.Second
	pessimisticStuckAfter = 500 * time.Millisecond
	stuckCheckDelay       = 100 * time.Millisecond
	stuckCheckInterval    = 25 * time.Millisecond
	pollInterval          = 5 * time.Millisecond
	blockCheckDelay       = 20 * time.Millisecond
)

// scriptRun is one script on both servers.
type scriptRun struct {
	t        *testing.T
	pass     string
	tl       *tally
	run      protocol
	pg, pt   endpoint
	db       string
	sessions map[string]*sessionPair
	names    []string // session names in order of first use

	pgMonitor   *pgconn.PgConn // asks PostgreSQL whether a session waits for a lock
	tidbMonitor *sql.DB        // asks TiDB the same about pgtidb's sessions
}

// sessionPair is one script session: its connection on each side and its pending statement.
type sessionPair struct {
	name    string
	pg, pt  *session
	pending *pendingStmt
}

// pendingStmt is an "-- async" statement still running on one side or both.
type pendingStmt struct {
	st      statement
	pg, pt  *running
	blocked bool   // PostgreSQL reported it waiting for a lock
	diff    string // a difference found while it ran (blocking on one side only)
}

// running is one statement in progress on one connection.
type running struct {
	done     chan outcome
	out      outcome
	finished bool
}

func start(ctx context.Context, run protocol, conn *pgconn.PgConn, sql string) *running {
	r := &running{done: make(chan outcome, 1)}
	go func() {
		sctx, cancel := context.WithTimeout(ctx, statementTimeout)
		defer cancel()
		r.done <- run(sctx, conn, sql)
	}()
	return r
}

// finishedOutcome returns an outcome that is already known (a failed reconnect).
func finishedOutcome(o outcome) *running {
	return &running{finished: true, out: o}
}

// poll reports whether the statement has finished, without waiting.
func (r *running) poll() bool {
	if !r.finished {
		select {
		case r.out = <-r.done:
			r.finished = true
		default:
		}
	}
	return r.finished
}

// wait waits up to limit for the statement to finish.
func (r *running) wait(limit time.Duration) bool {
	if r.finished {
		return true
	}
	select {
	case r.out = <-r.done:
		r.finished = true
	case <-time.After(limit):
	}
	return r.finished
}

func (r *scriptRun) session(ctx context.Context, name string) *sessionPair {
	if sp, ok := r.sessions[name]; ok {
		return sp
	}
	sp := &sessionPair{name: name, pg: &session{ep: r.pg, db: r.db}, pt: &session{ep: r.pt, db: r.db}}
	if err := sp.pg.ensure(ctx); err != nil {
		r.t.Fatal(err)
	}
	r.sessions[name] = sp
	r.names = append(r.names, name)
	return sp
}

func (r *scriptRun) close() {
	for _, name := range r.names {
		r.sessions[name].pg.close()
		r.sessions[name].pt.close()
	}
	if r.pgMonitor != nil {
		r.pgMonitor.Close(context.Background())
	}
	if r.tidbMonitor != nil {
		r.tidbMonitor.Close()
	}
}

// step runs one statement of the script.
func (r *scriptRun) step(ctx context.Context, st statement) {
	if st.wait {
		r.collectAll(ctx)
	}
	sp := r.session(ctx, st.session)
	if sp.pending != nil {
		r.collect(ctx, sp)
	}
	var ptRun *running
	if err := sp.pt.ensure(ctx); err != nil {
		ptRun = finishedOutcome(outcome{broken: "reconnect: " + err.Error()})
	}
	pgRun := start(ctx, r.run, sp.pg.conn, st.sql)
	if ptRun == nil {
		ptRun = start(ctx, r.run, sp.pt.conn, st.sql)
	}
	p := &pendingStmt{st: st, pg: pgRun, pt: ptRun}
	if st.async {
		sp.pending = p
	} else {
		if r.settlePG(ctx, sp, p) {
			r.t.Fatalf("%s:%d: %s blocks on PostgreSQL (it waits for a lock another session holds): mark it %q", st.file, st.line, st.display(), asyncMarker)
		}
		if !r.ptFinish(ctx, p) {
			// pgtidb waits where PostgreSQL does not (for a lock a later statement releases,
			// perhaps): report it when the session is collected.
			p.diff = "PostgreSQL ran it through, pgtidb waits for a lock"
			sp.pending = p
		} else {
			r.report(sp, p)
		}
	}
	r.settle(ctx)
}

// settle brings every pending statement to a known state: finished on PostgreSQL (then
// awaited on pgtidb and reported) or blocked on PostgreSQL (then it must not have finished on
// pgtidb).
func (r *scriptRun) settle(ctx context.Context) {
	for _, name := range r.names {
		sp := r.sessions[name]
		p := sp.pending
		if p == nil {
			continue
		}
		if r.settlePG(ctx, sp, p) {
			p.blocked = true
			if r.ptBlocked(ctx, p) {
				continue
			}
			if p.diff == "" {
				p.diff = "PostgreSQL blocks it (waiting for another session's lock), pgtidb ran it through"
			}
			continue
		}
		// PostgreSQL ran it through (at once, or once the lock was released).
		if !r.ptFinish(ctx, p) {
			if p.diff == "" {
				if p.blocked {
					p.diff = "PostgreSQL went on once the lock was released, pgtidb still waits for a lock"
				} else {
					p.diff = "PostgreSQL ran it through, pgtidb waits for a lock"
				}
			}
			continue // collected with its session or at the end
		}
		sp.pending = nil
		r.report(sp, p)
	}
}

// settlePG waits until the statement has finished on PostgreSQL or waits for a lock there,
// and reports whether it is blocked.
func (r *scriptRun) settlePG(ctx context.Context, sp *sessionPair, p *pendingStmt) bool {
	// Most statements finish at once: ask PostgreSQL about locks only after a while.
	if p.pg.wait(blockCheckDelay) {
		return false
	}
	deadline := time.Now().Add(statementTimeout)
	for !p.pg.poll() {
		if r.pgBlocked(ctx, sp.pg.conn.PID()) {
			return !p.pg.poll()
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("%s:%d: PostgreSQL neither finishes nor waits for a lock after %s", p.st.file, p.st.line, statementTimeout)
		}
		p.pg.wait(pollInterval)
	}
	return false
}

// pgBlocked asks PostgreSQL whether backend pid waits for a lock another backend holds.
func (r *scriptRun) pgBlocked(ctx context.Context, pid uint32) bool {
	if r.pgMonitor == nil {
		conn, err := r.pg.connect(ctx, "postgres")
		if err != nil {
			r.t.Fatal(err)
		}
		r.pgMonitor = conn
	}
	res := r.pgMonitor.ExecParams(ctx, "SELECT cardinality(pg_blocking_pids($1::int)) > 0", [][]byte{[]byte(fmt.Sprint(pid))}, nil, nil, nil).Read()
	if res.Err != nil || len(res.Rows) != 1 {
		r.t.Fatalf("PostgreSQL: pg_blocking_pids(%d): %v", pid, res.Err)
	}
	return string(res.Rows[0][0]) == "t"
}

// ptBlocked reports whether pgtidb's side of a statement PostgreSQL blocks is still running:
// it has not finished, and TiDB shows as many lock waits in the script's database as there
// are unfinished pending statements (or asyncGrace has passed).
func (r *scriptRun) ptBlocked(ctx context.Context, p *pendingStmt) bool {
	deadline := time.Now().Add(asyncGrace)
	seen := 0 // consecutive polls that showed enough waits
	for !p.pt.poll() {
		if _, all := r.tidbLockWaits(ctx); all >= r.ptUnfinished(p) {
			seen++
		} else {
			seen = 0
		}
		if seen == 2 || time.Now().After(deadline) {
			return true
		}
		p.pt.wait(pollInterval)
	}
	return false
}

// ptFinish waits for pgtidb's side of a statement PostgreSQL has finished, and reports
// whether it finished: false when TiDB shows it waiting for a lock (as many lock waits in the
// script's database as unfinished statements) for stuckAfter — for pessimisticStuckAfter
// when every wait is a pessimistic lock wait, which no commit passes through — or after
// statementTimeout.
func (r *scriptRun) ptFinish(ctx context.Context, p *pendingStmt) bool {
	// Most statements finish at once: ask TiDB about locks only after a while, and not on
	// every poll.
	if p.pt.wait(stuckCheckDelay) {
		return true
	}
	deadline := time.Now().Add(statementTimeout + time.Second)
	var waitingSince, pessimisticSince time.Time
	for !p.pt.wait(stuckCheckInterval) {
		now := time.Now()
		if now.After(deadline) {
			return false
		}
		unfinished := r.ptUnfinished(p)
		pessimistic, all := r.tidbLockWaits(ctx)
		if all < unfinished {
			waitingSince = time.Time{}
		} else if waitingSince.IsZero() {
			waitingSince = now
		}
		if pessimistic < unfinished {
			pessimisticSince = time.Time{}
		} else if pessimisticSince.IsZero() {
			pessimisticSince = now
		}
		if !waitingSince.IsZero() && now.Sub(waitingSince) >= stuckAfter ||
			!pessimisticSince.IsZero() && now.Sub(pessimisticSince) >= pessimisticStuckAfter {
			return false
		}
	}
	return true
}

// ptUnfinished counts the statements still running on pgtidb: the pending ones and p.
func (r *scriptRun) ptUnfinished(p *pendingStmt) int {
	n := 0
	if !p.pt.poll() {
		n++
	}
	for _, sp := range r.sessions {
		if sp.pending != nil && sp.pending != p && !sp.pending.pt.poll() {
			n++
		}
	}
	return n
}

// tidbLockWaits counts the TiDB transactions of the script's database that wait for a lock
// (INFORMATION_SCHEMA.TIDB_TRX), asked of the embedded TiDB directly; -1 when TiDB cannot say.
// A transaction block's statement waits for a pessimistic lock in state LockWaiting
// (pessimistic); an autocommit statement runs optimistically and waits for the other
// transaction's lock while committing, between backoff sleeps (state Committing, which every
// commit also passes through briefly).
func (r *scriptRun) tidbLockWaits(ctx context.Context) (pessimistic, all int) {
	if tidb == nil {
		return -1, -1
	}
	if r.tidbMonitor == nil {
		cfg := mysql.NewConfig()
		cfg.Net, cfg.Addr, cfg.User = "tcp", tidb.Addr(), "root"
		connector, err := mysql.NewConnector(cfg)
		if err != nil {
			return -1, -1
		}
		r.tidbMonitor = sql.OpenDB(connector)
		r.tidbMonitor.SetMaxOpenConns(1)
	}
	const q = "SELECT COUNT(IF(STATE = 'LockWaiting', 1, NULL)), COUNT(*) FROM INFORMATION_SCHEMA.TIDB_TRX WHERE STATE IN ('LockWaiting', 'Committing') AND DB = ?"
	if err := r.tidbMonitor.QueryRowContext(ctx, q, r.db).Scan(&pessimistic, &all); err != nil {
		return -1, -1
	}
	return pessimistic, all
}

// collect waits for a session's pending statement on both sides and reports it.
func (r *scriptRun) collect(ctx context.Context, sp *sessionPair) {
	p := sp.pending
	if r.settlePG(ctx, sp, p) {
		r.t.Fatalf("%s:%d: %s still waits for a lock on PostgreSQL when it is collected (its session is used again, %q or the end of the script): release the lock first",
			p.st.file, p.st.line, p.st.display(), waitMarker)
	}
	if p.diff != "" && !r.ptFinish(ctx, p) {
		// pgtidb waits for a lock PostgreSQL did not wait for, and the session is needed now:
		// cancel the statement (57014) rather than wait for TiDB's lock timeout.
		if err := sp.pt.conn.CancelRequest(ctx); err != nil {
			r.t.Logf("%s:%d: pgtidb: CancelRequest: %v", p.st.file, p.st.line, err)
		}
	}
	if !p.pt.wait(statementTimeout+time.Second) && p.diff == "" {
		p.diff = "pgtidb never finished it"
	}
	sp.pending = nil
	r.report(sp, p)
}

// collectAll collects the pending statements of every session.
func (r *scriptRun) collectAll(ctx context.Context) {
	for _, name := range r.names {
		if sp := r.sessions[name]; sp.pending != nil {
			r.collect(ctx, sp)
		}
	}
}

// report compares and counts one finished statement.
func (r *scriptRun) report(sp *sessionPair, p *pendingStmt) {
	t, st, tl := r.t, p.st, r.tl
	pgOut := p.pg.out
	ptOut := outcome{broken: "still running"}
	if p.pt.finished {
		ptOut = p.pt.out
	}
	if pgOut.broken != "" {
		t.Fatalf("%s:%d: PostgreSQL itself failed: %s", st.file, st.line, pgOut.broken)
	}
	diff := p.diff
	if diff == "" {
		diff = compare(pgOut, ptOut, st.ordered)
	}
	where := fmt.Sprintf("%s:%d", st.file, st.line)
	shown := st.display()
	if len(r.names) > 1 || st.session != defaultSession {
		shown = "[session " + st.session + "] " + shown
	}
	if st.async {
		shown += " [async]"
	}
	reconnected := ""
	if sp.pt.conn == nil || sp.pt.conn.IsClosed() {
		reconnected = "\n    (pgtidb closed the connection; reconnecting, session state is lost)"
	}
	switch {
	case st.gap != "" && diff != "":
		tl.gapsDiffer++
		t.Logf("%s: known gap %q [%s]: %s\n    %s", where, st.gap, r.pass, shown, diff)
	case st.gap != "":
		tl.gapsFixed = append(tl.gapsFixed, where)
		t.Logf("%s: known gap %q now matches [%s]; move it out of gaps/: %s", where, st.gap, r.pass, shown)
	case diff == "":
		tl.passed++
	default:
		tl.failed++
		tl.failures = append(tl.failures, where)
		t.Errorf("%s: [%s] %s\n    differs: %s\n    PG:     %s\n    pgtidb: %s%s",
			where, r.pass, shown, diff, pgOut.summary(), ptOut.summary(), reconnected)
	}
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

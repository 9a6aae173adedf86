package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/format"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pgtidb/pgtidb/typemap"
)

// RestoreFlags are the flags every translated statement is restored with: backquoted names,
// single-quoted strings without charset introducers, upper-case keywords, and backslashes in
// string literals doubled — PostgreSQL strings (standard_conforming_strings) have no backslash
// escapes while TiDB's do, and the session must keep NO_BACKSLASH_ESCAPES off so that LIKE's
// default escape character stays the backslash, as in PostgreSQL.
const RestoreFlags = format.DefaultRestoreFlags | format.RestoreStringWithoutCharset |
	format.RestoreStringEscapeBackslash

// Context carries what one translation needs. It is built per statement by the session; the
// translator keeps no globals.
type Context struct {
	// Resolver finds tables and their PostgreSQL column types (shadow catalog).
	Resolver catalog.Resolver
	// Database is the PostgreSQL database of the session (the TiDB database of its public
	// schema, see catalog.TiDBDatabase).
	Database string
	// ParamTypes are the parameter types the client declared in Parse; 0 means unspecified.
	// It may be shorter than the number of parameters the statement uses.
	ParamTypes []typemap.OID
	// User is the session's user (current_user, session_user).
	User string
	// Setting returns a session parameter (GUC) by name, as SHOW shows it; ok is false for
	// an unknown parameter. A translation that reads it must set Statement.Uncacheable.
	Setting func(name string) (value string, ok bool)
	// BackendPID is the process id the session announced in BackendKeyData
	// (pg_backend_pid()); 0 outside a session.
	BackendPID int32
	// Sessions returns the client sessions of the pgtidb instance, the session's own
	// included (pg_stat_activity, catalog.EmulationEnv.Sessions); nil outside a server.
	Sessions func() []catalog.SessionActivity
}

// Kind classifies a translated statement for the session's transaction logic.
type Kind int

const (
	// KindQuery returns rows (SELECT, VALUES, TABLE).
	KindQuery Kind = iota + 1
	// KindDML writes rows (INSERT, UPDATE, DELETE).
	KindDML
	// KindDDL changes the schema; TiDB commits any open transaction before running it.
	KindDDL
)

// Column is one result column as a RowDescription describes it.
type Column struct {
	Name string
	Type typemap.Type
}

// Statement is the translation of one PostgreSQL statement.
type Statement struct {
	// SQL is the TiDB statement, restored from a TiDB AST with RestoreFlags.
	SQL string
	// Tag is the verb of PostgreSQL's command tag: SELECT, INSERT, UPDATE, DELETE,
	// CREATE TABLE… The proxy adds the row counts ("INSERT 0 3", "SELECT 2").
	Tag  string
	Kind Kind
	// Columns describe the result rows; nil for statements that return none.
	Columns []Column
	// ParamOrder maps the i-th `?` in SQL to the 0-based index of the PostgreSQL parameter
	// ($n is n-1): PostgreSQL parameters can repeat and appear in any order.
	ParamOrder []int
	// ParamTypes is the inferred type of each PostgreSQL parameter $1..$n (len = highest n).
	ParamTypes []typemap.Type
	// Relation is the PostgreSQL name (unqualified, as stored) of the table an INSERT or
	// UPDATE writes or an ALTER TABLE alters, empty for other statements. The proxy names it in
	// errors TiDB's messages lack it from: `null value in column "c" of relation "t" violates
	// not-null constraint`, `column "c" of relation "t" contains null values`.
	Relation string
	// Catalog lists the shadow-catalog changes to apply once TiDB has run SQL.
	Catalog []catalog.Change
	// CatalogOnly marks a statement whose effect is its Catalog changes alone (COMMENT): SQL
	// does nothing, and the proxy applies the changes like a write, in the session's
	// transaction (KindDML).
	CatalogOnly bool
	// CheckWarnings asks the proxy to read TiDB's warnings after a query: TiDB answers some
	// errors PostgreSQL raises (division by zero, invalid text for a cast) with NULL or a
	// truncated value plus a warning. The translator sets it when the statement contains such
	// an operation (/, %, casts from text); the proxy turns those warnings into the error.
	CheckWarnings bool
	// Uncacheable marks a translation that depends on more than the statement text, the
	// database, the search path and the catalog — e.g. on a session parameter's value
	// (current_setting) — so the proxy must not reuse it.
	Uncacheable bool
	// Plan, when set, replaces SQL: the statement runs as several TiDB statements in one
	// transaction (RETURNING; see package returning). SQL then only shows the first step, and
	// ParamOrder is the identity: each step maps its own markers to the parameters.
	Plan *returning.Plan
	// SetConfig lists the settings the statement's set_config calls change, in call order:
	// the proxy applies them as SET / SET LOCAL after the statement ran without error.
	SetConfig []SetConfig
	// Nextvals are the sequences the statement calls nextval on (explicitly or through an
	// INSERT's SERIAL/identity defaults), in evaluation order: the session remembers the last
	// one for lastval() (see lastval.go).
	Nextvals []SequenceRef
	// SessionValues are values the proxy binds from the session's sequence state as the plan's
	// parameters after the client's: the next values of CACHE n > 1 sequences' session blocks
	// and their currvals (seqcache.go).
	SessionValues []SessionValue
	// Lastval asks the proxy to bind lastval()'s value as the plan's parameter after the
	// client's ones and the session values (read with LastvalQuery).
	Lastval bool
	// SequenceResets are the sequences whose session blocks (SessionValues) the statement
	// drops in the session that runs it, as PostgreSQL's setval, ALTER SEQUENCE and TRUNCATE …
	// RESTART IDENTITY discard the calling backend's cached values.
	SequenceResets []SequenceRef
	// SequenceRenews are the sequences to which the statement gives new values (ALTER
	// SEQUENCE, TRUNCATE … RESTART IDENTITY): every session drops its blocks of them, as
	// PostgreSQL's backends drop their cached values of a rewritten sequence.
	SequenceRenews []SequenceRef
	// Locking is set for a statement with a locking clause (SELECT … FOR UPDATE/SHARE): TiDB
	// takes no row lock outside a transaction, so the proxy runs it in a transaction block of
	// its own when the client has none open (PostgreSQL holds the locks for the statement).
	Locking bool
	// NeedsBlock marks a statement PostgreSQL runs only inside a transaction block (LOCK
	// TABLE): outside one the proxy refuses it with 25P01.
	NeedsBlock bool
	// ReadOnlyName names what makes a KindQuery statement one a read-only transaction refuses
	// ("setval()", "nextval()"): the proxy answers PostgreSQL's 25006 "cannot execute setval() in a
	// read-only transaction".
	ReadOnlyName string
	// Notices are the NOTICEs PostgreSQL sends when the statement succeeds ("relation … already
	// exists, skipping", "drop cascades to …"), decided from the catalog at translation.
	Notices []*pgerror.Error
}

// Translate turns one parsed PostgreSQL statement into its TiDB form, or returns a
// *pgerror.Error: 0A000 naming the construct when there is no faithful translation, or the
// error PostgreSQL would give (42P01 undefined table, 42703 undefined column…).
// Session and transaction statements (SET, SHOW, BEGIN…) are not the translator's: the
// proxy answers them through package compat before calling Translate.
func Translate(ctx *Context, raw *pg_query.RawStmt) (*Statement, error) {
	return translateStmt(ctx, raw.GetStmt())
}

package catalog

import "github.com/pgtidb/pgtidb/typemap"

// Table is a relation as PostgreSQL sees it: its schema, its name and its columns with the
// PostgreSQL types they were declared with (or, for tables pgtidb did not create, the PG types
// derived from their TiDB types).
type Table struct {
	// Schema is the PostgreSQL schema name (public, app…).
	Schema string
	// Name is the relation name as stored (already case-folded).
	Name string
	// Database is the TiDB database that holds the table (see Namespace).
	Database string
	// View is true for views, Sequence for sequences.
	View     bool
	Sequence bool
	// Columns in attnum order.
	Columns []Column
	// Texts are the PostgreSQL texts pgtidb keeps for the relation (its comment, its checks'
	// expressions…), see Text.
	Texts []Text
}

// Expr is PostgreSQL's text of an expression pgtidb stored when it created it, as
// pg_get_expr prints it (Plain) and with pretty = true (Pretty). TiDB is the text TiDB held for
// the same expression when it was stored (its COLUMN_DEFAULT or CHECK_CLAUSE): the catalog
// shows Plain and Pretty only while TiDB still holds that text, so that a change made another
// way (a MySQL client, a path that does not update the text) falls back to the text derived
// from TiDB's. Fresh marks an Expr the translator just made, whose TiDB text Apply reads from
// TiDB after the DDL ran. The zero Expr is no stored text.
type Expr struct {
	Plain, Pretty string
	TiDB          string
	Fresh         bool
}

// Stored reports whether e holds a text.
func (e Expr) Stored() bool { return e.Plain != "" }

// TextKind says what a Text is.
type TextKind string

const (
	// TextCheck is a CHECK constraint's expression (Name: the constraint).
	TextCheck TextKind = "check"
	// TextComment is the relation's comment (Name empty), or a constraint's (Name: the
	// constraint) with TextConstraintComment.
	TextComment           TextKind = "comment"
	TextConstraintComment TextKind = "concomment"
	// TextView is a view's query as pg_get_viewdef prints it, its relation names as markers
	// (ViewdefMarkers).
	TextView TextKind = "view"
	// TextSequenceType is a sequence's data type declared with AS, its OID as text (seqtype.go).
	TextSequenceType TextKind = "seqtype"
	// TextDeferral is a DEFERRABLE foreign key's deferral (Name: the constraint), as
	// pg_get_constraintdef prints it after the key: Deferrable or DeferrableInitiallyDeferred.
	// A NOT DEFERRABLE key has none.
	TextDeferral TextKind = "deferral"
	// TextSequenceState is PostgreSQL's is_called state of a sequence, which TiDB does not keep,
	// as the statement that last set it left it: "called", or the value the next nextval gives
	// while it is not called (after CREATE SEQUENCE, RESTART, setval(…, false)). The translator
	// writes and reads it at run time (translate/alter_sequence.go); Load leaves it out, so that
	// no cached Table carries it and a DeclareTable with SetTexts drops it (the translator then
	// knows less, never something stale).
	TextSequenceState TextKind = "seqstate"
	// TextSequenceStart is PostgreSQL's START of a sequence (decimal text) when TiDB's START
	// holds another value. TiDB keeps a sequence's values on its START + k·INCREMENT grid, so
	// pgtidb moves TiDB's START to the value a RESTART or setval restarts at (and keeps it on
	// a grid value within the bounds), while PostgreSQL's START only changes with ALTER
	// SEQUENCE … START. Run-time state like TextSequenceState: the translator's plans write and
	// read it, Load leaves it out; pg_sequence, pg_sequences and information_schema.sequences
	// show it in place of TiDB's START (seqtype.go).
	TextSequenceStart TextKind = "seqstart"
	// TextSequenceCache is PostgreSQL's CACHE of a sequence (decimal text), recorded when it
	// is above 1. TiDB's sequences are all NOCACHE (TiDB's cache is per TiDB node); the proxy
	// hands each session blocks of this many values (proxy/seqcache.go), as PostgreSQL's
	// backends cache them. Declared like TextSequenceType: CREATE and ALTER SEQUENCE set it.
	TextSequenceCache TextKind = "seqcache"
	// TextSequenceEpoch changes whenever ALTER SEQUENCE or TRUNCATE … RESTART IDENTITY gives a
	// sequence new values, which makes every session drop its block of the sequence, as
	// PostgreSQL's backends drop their cached values of a rewritten sequence (RenewSequences).
	// Run-time state like TextSequenceState.
	TextSequenceEpoch TextKind = "seqepoch"
)

// stateKinds are the kinds of run-time state (not loaded, not replaced by SetTexts unless the
// change records state itself, see Change.SetTexts).
var stateKinds = []TextKind{TextSequenceState, TextSequenceStart, TextSequenceEpoch}

// stateKindList is stateKinds as an SQL list (TestStateKindList keeps them alike).
const stateKindList = "('seqstate', 'seqstart', 'seqepoch')"

// The texts of TextDeferral.
const (
	Deferrable                  = "DEFERRABLE"
	DeferrableInitiallyDeferred = "DEFERRABLE INITIALLY DEFERRED"
)

// Text is one stored PostgreSQL text of a relation.
type Text struct {
	Kind TextKind
	Name string
	Expr Expr
}

// Text returns the relation's text of kind and name, or nil.
func (t *Table) Text(kind TextKind, name string) *Text {
	for i := range t.Texts {
		if t.Texts[i].Kind == kind && t.Texts[i].Name == name {
			return &t.Texts[i]
		}
	}
	return nil
}

// Column is one attribute of a Table.
type Column struct {
	Name    string
	Type    typemap.Type
	NotNull bool
	// HasDefault is true when the column has a default or is filled by TiDB (AUTO_INCREMENT).
	HasDefault bool
	// Identity is PostgreSQL's attidentity: 'a' for GENERATED ALWAYS AS IDENTITY, 'd' for
	// GENERATED BY DEFAULT AS IDENTITY, 0 otherwise.
	Identity byte
	// Sequence is the sequence the column owns (SERIAL, identity, ALTER SEQUENCE … OWNED BY):
	// its name in the table's TiDB database. DROP TABLE and DROP COLUMN drop it, and
	// pg_get_serial_sequence names it. Empty for other columns. Owning is not drawing: what
	// the column's default draws from is DefaultSequence.
	Sequence string
	// DefaultSequence is the sequence the column's TiDB default draws from (NEXTVAL(`db`.`s`),
	// read from TiDB's default by Lookup): a SERIAL or identity column's own sequence, or
	// whatever sequence a DEFAULT nextval('s') names. Zero when the default is something else.
	DefaultSequence SequenceName
	// Generated is true for a GENERATED ALWAYS AS (expr) STORED column (TiDB computes it).
	Generated bool
	// Default is PostgreSQL's text of the column's default, when pgtidb stored one and TiDB still
	// holds the default it stored it with (Lookup forgets a text that no longer does).
	Default Expr
	// Comment is the column's comment (COMMENT ON COLUMN), empty for none.
	Comment string
}

// SequenceName names a sequence by its TiDB database and name.
type SequenceName struct{ DB, Name string }

// ColumnIndex returns the index of the column named name in Columns, or -1.
func (t *Table) ColumnIndex(name string) int {
	for i := range t.Columns {
		if t.Columns[i].Name == name {
			return i
		}
	}
	return -1
}

// Column returns the column named name, or nil.
func (t *Table) Column(name string) *Column {
	for i := range t.Columns {
		if t.Columns[i].Name == name {
			return &t.Columns[i]
		}
	}
	return nil
}

// Resolver finds relations by PostgreSQL name. The translator uses it to expand `*`, to infer
// result and parameter types and to map schemas to TiDB databases.
type Resolver interface {
	// LookupTable resolves schema.name; with an empty schema the search path decides.
	// It returns (nil, nil) when no such relation exists.
	LookupTable(schema, name string) (*Table, error)
}

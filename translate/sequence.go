package translate

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pgtidb/pgtidb/typemap"
)

// PostgreSQL sequences are TiDB sequences (a sequence is a relation of its schema's TiDB
// database in both systems). Every sequence is created NOCACHE: TiDB's CACHE hands out cached
// ranges per TiDB node, while PostgreSQL's default (CACHE 1) gives values in the order they
// are handed out across all sessions. The bounds PostgreSQL derives from AS type and the
// direction are written out explicitly, except that TiDB's range stops one short of the int64
// extremes (MAXVALUE 9223372036854775806, MINVALUE -9223372036854775807).
//
// CACHE n > 1 is recorded (catalog.TextSequenceCache) and honoured by the proxy: each session
// takes blocks of n values, as PostgreSQL's backends do (seqcache.go).
//
// currval is TiDB's LASTVAL behind a check (currval.go); lastval() is bound by the proxy from the
// session's last nextval sequence (lastval.go). setval is ALTER SEQUENCE … RESTART WITH behind a
// check (setval.go): TiDB's own SETVAL ignores values below the current one. ALTER SEQUENCE is in
// alter_sequence.go.

const (
	tidbSeqMax = math.MaxInt64 - 1
	tidbSeqMin = math.MinInt64 + 1
)

func init() {
	functions["nextval"] = (*translator).nextval
}

// createSequence translates CREATE SEQUENCE [IF NOT EXISTS] name [options].
func (t *translator) createSequence(n *pg_query.CreateSeqStmt) (*Statement, error) {
	rv := n.GetSequence()
	if rv.GetRelpersistence() != "p" {
		return nil, pgerror.Unsupported("temporary or unlogged sequences")
	}
	_, db, err := t.creationNamespace(rv)
	if err != nil {
		return nil, err
	}
	opts, err := sequenceOptions(n.GetOptions(), 0)
	if err != nil {
		return nil, err
	}
	stmt := &ast.CreateSequenceStmt{IfNotExists: n.GetIfNotExists(),
		Name: &ast.TableName{Schema: cistr(db), Name: cistr(rv.GetRelname())}, SeqOptions: opts}
	out, err := t.ddlStatement(stmt, "CREATE SEQUENCE")
	if err != nil {
		return nil, err
	}
	if n.GetIfNotExists() {
		if exists, err := t.relationExists(db, rv.GetRelname()); err != nil {
			return nil, err
		} else if exists {
			out.Notices = []*pgerror.Error{notice(pgerrcode.DuplicateTable, "relation %q already exists, skipping", rv.GetRelname())}
			return out, nil
		}
	}
	// TiDB keeps no sequence type: the one AS names (bigint without AS) is stored
	// (catalog/seqtype.go).
	seqType := typemap.Int8
	for _, o := range n.GetOptions() {
		if d := o.GetDefElem(); d.GetDefname() == "as" {
			ty, err := typeName(d.GetArg().GetTypeName())
			if err != nil {
				return nil, err
			}
			seqType = ty.OID
		}
	}
	out.Catalog = []catalog.Change{newSequenceRecord(db, rv.GetRelname(), seqType, opts, cacheOption(n.GetOptions()))}
	return out, nil
}

// newSequenceRecord is what the shadow catalog records of a sequence pgtidb creates with
// opts: its data type and its CACHE, which TiDB does not keep (catalog/seqtype.go), and that it
// is not called yet, the next nextval giving START (TextSequenceState, seqstate.go).
func newSequenceRecord(db, name string, seqType typemap.OID, opts []*ast.SequenceOption, cache int64) catalog.Change {
	var start int64
	for _, o := range opts {
		if o.Tp == ast.SequenceStartWith {
			start = o.IntValue
		}
	}
	texts := []catalog.Text{{Kind: catalog.TextSequenceType, Expr: catalog.Expr{Plain: strconv.FormatUint(uint64(seqType), 10)}},
		{Kind: catalog.TextSequenceState, Expr: catalog.Expr{Plain: strconv.FormatInt(start, 10)}}}
	if cache > 1 {
		texts = append(texts, cacheText(cache))
	}
	return catalog.Change{Op: catalog.DeclareTable, Database: db, Table: name, SetTexts: true, Texts: texts}
}

// cacheText records a sequence's CACHE above 1 (catalog.TextSequenceCache).
func cacheText(cache int64) catalog.Text {
	return catalog.Text{Kind: catalog.TextSequenceCache, Expr: catalog.Expr{Plain: strconv.FormatInt(cache, 10)}}
}

// cacheOption is the CACHE of sequence options sequenceOptions accepted (1 without one).
func cacheOption(list []*pg_query.Node) int64 {
	for _, o := range list {
		if d := o.GetDefElem(); d.GetDefname() == "cache" && d.GetArg() != nil {
			if v, err := seqInt(d); err == nil {
				return v
			}
		}
	}
	return 1
}

// seqInt reads a sequence option's integer argument (bigint range, as PostgreSQL's int8).
func seqInt(d *pg_query.DefElem) (int64, error) {
	arg := d.GetArg()
	if i := arg.GetInteger(); i != nil {
		return int64(i.GetIval()), nil
	}
	if f := arg.GetFloat(); f != nil {
		v, err := strconv.ParseInt(f.GetFval(), 10, 64)
		if err != nil {
			return 0, pgerror.Newf(pgerrcode.InvalidParameterValue, "%s requires an integer value", d.GetDefname())
		}
		return v, nil
	}
	return 0, pgerror.Newf(pgerrcode.SyntaxError, "%s requires a numeric value", d.GetDefname())
}

// sequenceOptions checks PostgreSQL's sequence options as PostgreSQL's init_params does and
// returns TiDB's, with every bound explicit. asType, when not 0, is the type of the column
// that owns the sequence (an implicit AS option, as PostgreSQL adds for SERIAL and identity
// columns).
func sequenceOptions(list []*pg_query.Node, asType typemap.OID) ([]*ast.SequenceOption, error) {
	typeMin, typeMax, seqType := int64(math.MinInt64), int64(math.MaxInt64), "bigint"
	increment := int64(1)
	var minv, maxv, start *int64
	cycle := false
	seen := map[string]bool{}
	switch asType {
	case typemap.Int2:
		typeMin, typeMax, seqType = math.MinInt16, math.MaxInt16, "smallint"
	case typemap.Int4:
		typeMin, typeMax, seqType = math.MinInt32, math.MaxInt32, "integer"
	}
	if asType != 0 {
		seen["as"] = true
	}
	for _, o := range list {
		d := o.GetDefElem()
		name := d.GetDefname()
		if seen[name] {
			return nil, pgerror.New(pgerrcode.SyntaxError, "conflicting or redundant options")
		}
		seen[name] = true
		switch name {
		case "as":
			ty, err := typeName(d.GetArg().GetTypeName())
			if err != nil {
				return nil, err
			}
			switch ty.OID {
			case typemap.Int2:
				typeMin, typeMax, seqType = math.MinInt16, math.MaxInt16, "smallint"
			case typemap.Int4:
				typeMin, typeMax, seqType = math.MinInt32, math.MaxInt32, "integer"
			case typemap.Int8:
			default:
				return nil, pgerror.New(pgerrcode.InvalidParameterValue, "sequence type must be smallint, integer, or bigint")
			}
		case "increment", "minvalue", "maxvalue", "start", "cache":
			if d.GetArg() == nil {
				continue // NO MINVALUE / NO MAXVALUE: the default
			}
			v, err := seqInt(d)
			if err != nil {
				return nil, err
			}
			switch name {
			case "increment":
				if v == 0 {
					return nil, pgerror.New(pgerrcode.InvalidParameterValue, "INCREMENT must not be zero")
				}
				increment = v
			case "minvalue":
				minv = &v
			case "maxvalue":
				maxv = &v
			case "start":
				start = &v
			case "cache":
				if v <= 0 {
					return nil, pgerror.Newf(pgerrcode.InvalidParameterValue, "CACHE (%d) must be greater than zero", v)
				}
			}
		case "cycle":
			cycle = d.GetArg().GetBoolean().GetBoolval()
		case "owned_by":
			items := d.GetArg().GetList().GetItems()
			if len(items) == 1 && items[0].GetString_().GetSval() == "none" {
				continue
			}
			return nil, pgerror.Unsupported("OWNED BY a column").
				WithHint("pgtidb does not drop a sequence with its owning column yet.")
		default:
			return nil, pgerror.Unsupported("sequence option " + strings.ToUpper(name))
		}
	}
	var lo, hi int64
	if maxv != nil {
		hi = *maxv
		if hi < typeMin || hi > typeMax {
			return nil, pgerror.Newf(pgerrcode.InvalidParameterValue, "MAXVALUE (%d) is out of range for sequence data type %s", hi, seqType)
		}
	} else if increment > 0 {
		hi = typeMax
	} else {
		hi = -1
	}
	if minv != nil {
		lo = *minv
		if lo < typeMin || lo > typeMax {
			return nil, pgerror.Newf(pgerrcode.InvalidParameterValue, "MINVALUE (%d) is out of range for sequence data type %s", lo, seqType)
		}
	} else if increment > 0 {
		lo = 1
	} else {
		lo = typeMin
	}
	if lo >= hi {
		return nil, pgerror.Newf(pgerrcode.InvalidParameterValue, "MINVALUE (%d) must be less than MAXVALUE (%d)", lo, hi)
	}
	st := lo
	if increment < 0 {
		st = hi
	}
	if start != nil {
		st = *start
	}
	if st < lo {
		return nil, pgerror.Newf(pgerrcode.InvalidParameterValue, "START value (%d) cannot be less than MINVALUE (%d)", st, lo)
	}
	if st > hi {
		return nil, pgerror.Newf(pgerrcode.InvalidParameterValue, "START value (%d) cannot be greater than MAXVALUE (%d)", st, hi)
	}
	if st > tidbSeqMax || st < tidbSeqMin {
		return nil, pgerror.Unsupported("a sequence starting at the int64 extreme " + strconv.FormatInt(st, 10))
	}
	// TiDB's range stops one short of the int64 extremes: only the error at the very end of
	// such a sequence comes one value early.
	hi, lo = min(hi, tidbSeqMax), max(lo, tidbSeqMin)
	cyc := ast.SequenceNoCycle
	if cycle {
		cyc = ast.SequenceCycle
	}
	return []*ast.SequenceOption{
		{Tp: ast.SequenceOptionIncrementBy, IntValue: increment},
		{Tp: ast.SequenceStartWith, IntValue: st},
		{Tp: ast.SequenceMinValue, IntValue: lo},
		{Tp: ast.SequenceMaxValue, IntValue: hi},
		{Tp: ast.SequenceNoCache},
		{Tp: cyc},
	}, nil
}

// SequenceOwnerResolver is an optional extension of catalog.Resolver for DROP SEQUENCE: a
// sequence a SERIAL or identity column owns cannot be dropped without CASCADE in PostgreSQL
// (and an identity column's not even with it). Without it that check is skipped (TiDB drops the
// sequence and the column's later INSERTs fail).
type SequenceOwnerResolver interface {
	// SequenceOwner returns the table of TiDB database tidbDB and its column that owns
	// sequence seq; tbl is nil when no column owns it.
	SequenceOwner(tidbDB, seq string) (tbl *catalog.Table, column string, err error)
	// SequenceDefaults returns the columns, in any database, whose default draws from
	// sequence seq of TiDB database tidbDB (TiDB's default names the sequence).
	SequenceDefaults(tidbDB, seq string) ([]catalog.ColumnRef, error)
}

var _ SequenceOwnerResolver = (*catalog.SessionResolver)(nil)

// dropSequence translates DROP SEQUENCE [IF EXISTS] name, … [CASCADE | RESTRICT]. TiDB checks
// existence itself (1051/4139 → 42P01). A sequence column defaults draw from (SERIAL's, or any
// DEFAULT nextval('s'), in any schema) is PostgreSQL's 2BP01 without CASCADE; with CASCADE
// those defaults are dropped first (a plan: ALTER TABLE … ALTER COLUMN … DROP DEFAULT, then
// DROP SEQUENCE), as PostgreSQL drops the dependent defaults. An identity column's sequence is
// 2BP01 even with CASCADE. A column that owns the sequence loses it.
func (t *translator) dropSequence(n *pg_query.DropStmt) (*Statement, error) {
	stmt := &ast.DropSequenceStmt{IfExists: n.GetMissingOk()}
	var changes []catalog.Change
	var notices []*pgerror.Error
	drop := t.newSequenceDrop(n.GetBehavior() == pg_query.DropBehavior_DROP_CASCADE, nil)
	owners, _ := t.ctx.Resolver.(SequenceOwnerResolver)
	for _, obj := range n.GetObjects() {
		rv, err := rangeVarOf(stringList(obj.GetList().GetItems()))
		if err != nil {
			return nil, err
		}
		schema, err := t.schemaName(rv.GetSchemaname())
		if err != nil {
			return nil, err
		}
		db := catalog.TiDBDatabase(t.ctx.Database, schema)
		name := rv.GetRelname()
		if t.ctx.Resolver != nil {
			tbl, err := t.ctx.Resolver.LookupTable(schema, name)
			if err != nil {
				return nil, err
			}
			switch {
			case tbl == nil && n.GetMissingOk():
				notices = append(notices, notice(pgerrcode.SuccessfulCompletion, "sequence %q does not exist, skipping", rangeVarName(rv)))
			case tbl != nil && (tbl.View || len(tbl.Columns) > 0):
				hint := "Use DROP TABLE to remove a table."
				if tbl.View {
					hint = "Use DROP VIEW to remove a view."
				}
				return nil, pgerror.Newf(pgerrcode.WrongObjectType, "%q is not a sequence", name).WithHint(hint)
			}
		}
		stmt.Sequences = append(stmt.Sequences, &ast.TableName{Schema: cistr(db), Name: cistr(name)})
		changes = append(changes, catalog.Change{Op: catalog.ForgetTable, Database: db, Table: name})
		if owners == nil {
			continue
		}
		// The sequence's owner loses it (PostgreSQL drops the ownership with the sequence);
		// an identity column needs it.
		owner, ownerCol, err := owners.SequenceOwner(db, name)
		if err != nil {
			return nil, err
		}
		if owner != nil {
			if owner, err = drop.table(db, owner.Name); err != nil {
				return nil, err
			}
		}
		if c := ownedColumn(owner, ownerCol); c != nil {
			if c.Identity != 0 {
				return nil, pgerror.Newf(pgerrcode.DependentObjectsStillExist,
					"cannot drop sequence %s because column %s of table %s requires it", name, ownerCol, owner.Name).
					WithHint(fmt.Sprintf("You can drop column %s of table %s instead.", ownerCol, owner.Name))
			}
			c.Sequence = ""
		}
		if err := drop.defaultsOf(db, name); err != nil {
			return nil, err
		}
		if err := drop.check(func() string { return "sequence " + t.describedName(db, name) }); err != nil {
			return nil, err
		}
	}
	changes = append(changes, drop.changes()...)
	var out *Statement
	var err error
	if len(drop.alters) == 0 {
		out, err = t.ddlStatement(stmt, "DROP SEQUENCE")
	} else {
		b := &planBuilder{t: t}
		if err := drop.steps(b); err != nil {
			return nil, err
		}
		if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return stmt, nil }); err != nil {
			return nil, err
		}
		out, err = b.finish("DROP SEQUENCE", KindDDL, nil)
	}
	if err != nil {
		return nil, err
	}
	out.Catalog = changes
	out.Notices = append(notices, drop.notices()...)
	return out, nil
}

// ownedColumn is column col of tbl, nil when either is missing.
func ownedColumn(tbl *catalog.Table, col string) *catalog.Column {
	if tbl == nil {
		return nil
	}
	return tbl.Column(col)
}

// relationExists reports whether TiDB database db holds a relation named name (the catalog's
// view; false without a resolver).
func (t *translator) relationExists(db, name string) (bool, error) {
	if t.ctx.Resolver == nil {
		return false, nil
	}
	schema, ok := catalog.SchemaOf(t.ctx.Database, db)
	if !ok {
		return false, nil
	}
	tbl, err := t.ctx.Resolver.LookupTable(schema, name)
	return tbl != nil, err
}

// nextval translates nextval('name'): the argument is regclass text, read as PostgreSQL reads
// a qualified name (unquoted parts folded to lower case, "quoted" parts kept). An unqualified
// name is the sequence of the creation schema (the first of the search path), not searched.
func (t *translator) nextval(fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	seq, err := t.sequenceArg("nextval", fc, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	cache, err := t.sequenceCache(seq)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if cache > 1 {
		// Drawn from the session's block (seqcache.go).
		if !t.drawHere {
			return nil, typemap.Type{}, errCachedNextval(seq.name, cache)
		}
		t.drawHere = false
		t.nextvals = append(t.nextvals, seq)
		return t.sessionValue(SessionValue{Seq: SequenceRef{DB: seq.db, Name: seq.name}, Cache: cache}), typemap.Of(typemap.Int8), nil
	}
	t.nextvals = append(t.nextvals, seq)
	return nextvalCall(seq.db, seq.name), typemap.Of(typemap.Int8), nil
}

// parseQualifiedName splits regclass text into its names as PostgreSQL's
// stringToQualifiedNameList does: dots separate, "double quotes" keep case and dots ("" is a
// quote), unquoted names are folded to lower case and trimmed of surrounding spaces.
func parseQualifiedName(s string) ([]string, error) {
	invalid := pgerror.New(pgerrcode.InvalidName, "invalid name syntax")
	var names []string
	i := 0
	for {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		var name strings.Builder
		if i < len(s) && s[i] == '"' {
			i++
			for {
				if i >= len(s) {
					return nil, invalid
				}
				if s[i] == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						name.WriteByte('"')
						i += 2
						continue
					}
					i++
					break
				}
				name.WriteByte(s[i])
				i++
			}
			if name.Len() == 0 {
				return nil, invalid
			}
		} else {
			start := i
			for i < len(s) && s[i] != '.' && s[i] != ' ' {
				i++
			}
			if i == start {
				return nil, invalid
			}
			name.WriteString(asciiLower(s[start:i]))
		}
		names = append(names, name.String())
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == len(s) {
			return names, nil
		}
		if s[i] != '.' {
			return nil, invalid
		}
		i++
	}
}

// asciiLower folds A-Z only, as PostgreSQL folds unquoted identifiers in UTF8 databases.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + ('a' - 'A')
		}
	}
	return string(b)
}

// notice is a PostgreSQL NOTICE with SQLSTATE code.
func notice(code, format string, args ...any) *pgerror.Error {
	n := pgerror.Newf(code, format, args...)
	n.Severity = pgerror.SeverityNotice
	return n
}

// ownedByColumn reports whether ALTER SEQUENCE's options are OWNED BY a column (not NONE),
// and returns that option.
func ownedByColumn(opts []*pg_query.Node) (*pg_query.DefElem, bool) {
	for _, o := range opts {
		d := o.GetDefElem()
		if d.GetDefname() != "owned_by" {
			continue
		}
		items := d.GetArg().GetList().GetItems()
		if len(items) == 1 && items[0].GetString_().GetSval() == "none" {
			return nil, false
		}
		return d, true
	}
	return nil, false
}

// sequenceOwnedBy translates ALTER SEQUENCE s OWNED BY [schema.]table.column, the statement
// pg_dump restores a SERIAL column's ownership with (after CREATE SEQUENCE, before the
// column's SET DEFAULT nextval('s'::regclass)) and PostgreSQL's documented spelling of SERIAL
// (CREATE SEQUENCE, a column DEFAULT nextval('s'), then OWNED BY). Nothing runs on TiDB: the
// shadow catalog records that the column owns s (catalog.Column.Sequence), which makes DROP
// TABLE and DROP COLUMN drop s and pg_get_serial_sequence answer; a column that owned s before
// no longer does (disown). Owning is not drawing: what the column's default draws from is
// TiDB's default (catalog.Column.DefaultSequence). Refused (0A000): a column that owns another
// sequence already (the catalog keeps one per column), and OWNED BY with other options.
func (t *translator) sequenceOwnedBy(d *pg_query.DefElem, others int, schema, db, name string) (*Statement, error) {
	if others > 0 {
		return nil, pgerror.Unsupported("ALTER SEQUENCE … OWNED BY a column together with other options").
			WithHint("Use one ALTER SEQUENCE for OWNED BY and another for the other options.")
	}
	names := stringList(d.GetArg().GetList().GetItems())
	if len(names) < 2 {
		return nil, pgerror.New(pgerrcode.SyntaxError, "invalid OWNED BY option").
			WithHint("Specify OWNED BY table.column or OWNED BY NONE.")
	}
	col := names[len(names)-1]
	rv, err := rangeVarOf(names[:len(names)-1])
	if err != nil {
		return nil, err
	}
	tn, tbl, err := t.table(rv)
	if err != nil {
		return nil, err
	}
	switch {
	case tbl.View:
		// PostgreSQL accepts it; pgtidb's shadow catalog keeps owned sequences for tables only.
		return nil, pgerror.Unsupported("OWNED BY a column of a view")
	case len(tbl.Columns) == 0:
		return nil, pgerror.Newf(pgerrcode.WrongObjectType, "sequence cannot be owned by relation %q", tbl.Name).
			WithDetail("This operation is not supported for sequences.")
	}
	if tn.Schema.O != db {
		return nil, pgerror.New(pgerrcode.ObjectNotInPrerequisiteState, "sequence must be in same schema as table it is linked to")
	}
	c := tbl.Column(col)
	if c == nil {
		return nil, pgerror.Newf(pgerrcode.UndefinedColumn, "column %q of relation %q does not exist", col, tbl.Name)
	}
	if c.Sequence == name {
		return t.ddlStatement(doNothing(), "ALTER SEQUENCE")
	}
	if c.Sequence != "" {
		return nil, pgerror.Unsupported("OWNED BY a column that already owns sequence " + c.Sequence).
			WithDetail("pgtidb keeps one owned sequence per column.")
	}
	changes, err := t.disown(db, name)
	if err != nil {
		return nil, err
	}
	cols := append([]catalog.Column(nil), tbl.Columns...)
	if len(changes) == 1 && changes[0].Table == tbl.Name {
		cols = changes[0].Columns // the old owner is a column of the same table
		changes = nil
	}
	for i := range cols {
		if cols[i].Name == col {
			cols[i].Sequence = name
		}
	}
	out, err := t.ddlStatement(doNothing(), "ALTER SEQUENCE")
	if err != nil {
		return nil, err
	}
	out.Catalog = append(changes, catalog.Change{Op: catalog.DeclareTable, Database: db, Table: tbl.Name, Columns: cols})
	return out, nil
}

// disown is the catalog change that takes sequence name of TiDB database db from the column
// owning it (OWNED BY NONE, or OWNED BY another column); none when no column owns it. An
// identity column's sequence keeps its owner: PostgreSQL's 0A000.
func (t *translator) disown(db, name string) ([]catalog.Change, error) {
	owners, ok := t.ctx.Resolver.(SequenceOwnerResolver)
	if !ok {
		return nil, nil
	}
	owner, ownerCol, err := owners.SequenceOwner(db, name)
	if err != nil || owner == nil {
		return nil, err
	}
	cols := append([]catalog.Column(nil), owner.Columns...)
	for i := range cols {
		if cols[i].Name != ownerCol {
			continue
		}
		if cols[i].Identity != 0 {
			return nil, pgerror.New(pgerrcode.FeatureNotSupported, "cannot change ownership of identity sequence").
				WithDetail(fmt.Sprintf("Sequence %q is linked to table %q.", name, owner.Name))
		}
		cols[i].Sequence = ""
	}
	return []catalog.Change{{Op: catalog.DeclareTable, Database: db, Table: owner.Name, Columns: cols}}, nil
}

package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pgtidb/pgtidb/typemap"
)

// SERIAL, BIGSERIAL, SMALLSERIAL and GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY columns own
// a TiDB sequence, created as PostgreSQL creates theirs: named <table>_<column>_seq (made
// unique as ChooseRelationName does), of the column's type, NOCACHE like every pgtidb
// sequence. The column is NOT NULL with the TiDB default NEXTVAL(seq), so plain INSERTs get
// their values from TiDB itself. The shadow catalog records the owned sequence and the
// identity kind (catalog.Column.Sequence/Identity); DROP TABLE drops the owned sequences, and
// INSERT enforces GENERATED ALWAYS (428C9) and OVERRIDING {SYSTEM | USER} VALUE.
//
//	CREATE TABLE t (id serial …)   exec CREATE SEQUENCE `db`.`t_id_seq` … (undone if the next fails)
//	                               exec CREATE TABLE `db`.`t` (`id` INT NOT NULL DEFAULT NEXTVAL(`db`.`t_id_seq`) …)
//	DROP TABLE t                   exec DROP TABLE `db`.`t`
//	                               exec DROP SEQUENCE `db`.`t_id_seq`

// serialTypes are the SERIAL pseudo-types and the column types they declare.
var serialTypes = map[string]typemap.OID{
	"serial": typemap.Int4, "serial4": typemap.Int4,
	"bigserial": typemap.Int8, "serial8": typemap.Int8,
	"smallserial": typemap.Int2, "serial2": typemap.Int2,
}

// columnTypeName resolves a column's declared type; serial reports a SERIAL pseudo-type,
// recognised as PostgreSQL does (an unqualified name without %TYPE).
func columnTypeName(tn *pg_query.TypeName) (ty typemap.Type, serial bool, err error) {
	if tn != nil && len(tn.GetNames()) == 1 && !tn.GetPctType() {
		if oid, ok := serialTypes[tn.GetNames()[0].GetString_().GetSval()]; ok {
			if len(tn.GetArrayBounds()) > 0 {
				return typemap.Type{}, false, pgerror.New(pgerrcode.FeatureNotSupported, "array of serial is not implemented")
			}
			return typemap.Of(oid), true, nil
		}
	}
	ty, err = typeName(tn)
	return ty, false, err
}

// addIdentity records GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(sequence options)].
func (c *columnPlan) addIdentity(cn *pg_query.Constraint, table string) error {
	switch {
	case c.identity != 0:
		return pgerror.Newf(pgerrcode.SyntaxError, "multiple identity specifications for column %q of table %q", c.name, table)
	case c.defaultRaw != nil || c.serial:
		return pgerror.Newf(pgerrcode.SyntaxError, "both default and identity specified for column %q of table %q", c.name, table)
	case c.explicitNull:
		return conflictingNull(c.name, table)
	}
	switch c.pgType.OID {
	case typemap.Int2, typemap.Int4, typemap.Int8:
	default:
		return pgerror.New(pgerrcode.InvalidParameterValue, "identity column type must be smallint, integer, or bigint")
	}
	when := cn.GetGeneratedWhen()
	if when != "a" && when != "d" {
		return pgerror.Newf(pgerrcode.InternalError, "unknown identity kind %q", when)
	}
	c.identity = when[0]
	c.identityOptions = cn.GetOptions()
	c.notNull = true
	return nil
}

// chooseSequenceNames names the sequences of p's SERIAL and identity columns as PostgreSQL's
// ChooseRelationName: <table>_<column>_seq, then _seq1, _seq2… while the name is taken by a
// relation of the schema or an earlier column's sequence.
func (t *translator) chooseSequenceNames(p *tablePlan) error {
	used := map[string]bool{p.name: true}
	for _, c := range p.cols {
		if !c.serial && c.identity == 0 {
			continue
		}
		for pass := 0; ; pass++ {
			label := "seq"
			if pass > 0 {
				label += itoa(pass)
			}
			name := makeObjectName(p.name, c.name, label)
			if used[name] {
				continue
			}
			if t.ctx.Resolver != nil {
				existing, err := t.ctx.Resolver.LookupTable(p.schema, name)
				if err != nil {
					return err
				}
				if existing != nil {
					continue
				}
			}
			used[name] = true
			c.sequence = name
			break
		}
	}
	return nil
}

// drawsFrom reports whether column c's default draws from a sequence (TiDB's default is
// NEXTVAL of it, catalog.Column.DefaultSequence): INSERT … RETURNING, ON CONFLICT and
// lastval() draw the value themselves or know the statement draws it. Owning a sequence is
// not enough: pg_dump makes a column own its sequence (ALTER SEQUENCE … OWNED BY) before it
// sets the default, and a column may own one and default to something else.
func drawsFrom(c *catalog.Column) bool { return c.DefaultSequence.Name != "" }

// nextvalCall is NEXTVAL(`db`.`seq`).
func nextvalCall(db, seq string) ast.ExprNode {
	return funcCall("NEXTVAL", &ast.TableNameExpr{Name: &ast.TableName{Schema: cistr(db), Name: cistr(seq)}})
}

// setDefaultNextval is ALTER TABLE … ALTER COLUMN c SET DEFAULT NEXTVAL(`seqDB`.`seq`) of
// column c.
func setDefaultNextval(c catalog.ColumnRef, seqDB, seq string) *ast.AlterTableStmt {
	return &ast.AlterTableStmt{Table: &ast.TableName{Schema: cistr(c.DB), Name: cistr(c.Table)},
		Specs: []*ast.AlterTableSpec{{Tp: ast.AlterTableAlterColumn,
			NewColumns: []*ast.ColumnDef{{Name: &ast.ColumnName{Name: cistr(c.Column)}, Options: []*ast.ColumnOption{
				{Expr: nextvalCall(seqDB, seq)}}}}}}} // Tp unset: the spec prints SET DEFAULT itself
}

// defaultNextval is NEXTVAL of the sequence column c's default draws from.
func defaultNextval(c *catalog.Column) ast.ExprNode {
	return nextvalCall(c.DefaultSequence.DB, c.DefaultSequence.Name)
}

// createTableWithSequences returns CREATE TABLE stmt, preceded by the CREATE SEQUENCE of every
// owned sequence when p has any (a DDL plan: TiDB runs each DDL on its own; a failed CREATE
// TABLE drops the sequences created before it).
func (t *translator) createTableWithSequences(p *tablePlan, stmt *ast.CreateTableStmt) (*Statement, error) {
	var seqs []*columnPlan
	for _, c := range p.cols {
		if c.sequence != "" {
			seqs = append(seqs, c)
		}
	}
	if len(seqs) == 0 {
		return t.ddlStatement(stmt, "CREATE TABLE")
	}
	if len(t.paramTypes) > 0 {
		return nil, pgerror.New(pgerrcode.UndefinedParameter, "there is no parameter $1")
	}
	b := &planBuilder{t: t}
	var records []catalog.Change
	for _, c := range seqs {
		opts, err := b.createOwnedSequence(p.tidbDB, c)
		if err != nil {
			return nil, err
		}
		// PostgreSQL's SERIAL and identity sequences are of the column's type.
		records = append(records, newSequenceRecord(p.tidbDB, c.sequence, c.pgType.OID, opts, cacheOption(c.identityOptions)))
	}
	if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return stmt, nil }); err != nil {
		return nil, err
	}
	out, err := b.finish("CREATE TABLE", KindDDL, nil)
	if err != nil {
		return nil, err
	}
	out.Catalog = records
	return out, nil
}

// createOwnedSequence adds the step creating c's sequence in TiDB database db, undone (the
// sequence dropped) when a later step fails, and returns the sequence's options.
func (b *planBuilder) createOwnedSequence(db string, c *columnPlan) ([]*ast.SequenceOption, error) {
	opts, err := sequenceOptions(c.identityOptions, c.pgType.OID)
	if err != nil {
		return nil, err
	}
	name := &ast.TableName{Schema: cistr(db), Name: cistr(c.sequence)}
	create := &ast.CreateSequenceStmt{Name: name, SeqOptions: opts}
	if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return create, nil }); err != nil {
		return nil, err
	}
	undo, err := restorePlain(&ast.DropSequenceStmt{IfExists: true, Sequences: []*ast.TableName{name}})
	if err != nil {
		return nil, err
	}
	b.plan.Steps[len(b.plan.Steps)-1].Undo = undo
	return opts, nil
}

// addIdentity translates ALTER TABLE t ALTER COLUMN c ADD GENERATED {ALWAYS | BY DEFAULT} AS
// IDENTITY [(SEQUENCE NAME s, options…)], the statement pg_dump restores identity columns with
// (after a CREATE TABLE that declares the column NOT NULL). As CREATE TABLE's identity
// columns: CREATE SEQUENCE (named s, or <table>_<column>_seq), then the column's TiDB default
// NEXTVAL(s), a DDL plan; the shadow catalog records the identity kind and the owned sequence.
// It must be the statement's only command. PostgreSQL's 55000 errors for a nullable column,
// one that has a default or already is an identity column; a SEQUENCE NAME in another schema
// is refused (0A000).
func (t *translator) addIdentity(n *pg_query.AlterTableStmt, tn *ast.TableName, tbl *catalog.Table) (*Statement, error) {
	cmd, col, err := identityCommand(n, tbl, "ADD GENERATED … AS IDENTITY")
	if err != nil {
		return nil, err
	}
	cn := cmd.GetDef().GetConstraint()
	c := &columnPlan{name: col.Name, pgType: col.Type}
	if err := c.addIdentity(cn, tbl.Name); err != nil {
		return nil, err
	}
	switch {
	case !col.NotNull:
		return nil, pgerror.Newf(pgerrcode.ObjectNotInPrerequisiteState, "column %q of relation %q must be declared NOT NULL before identity can be added", col.Name, tbl.Name)
	case col.Identity != 0:
		return nil, pgerror.Newf(pgerrcode.ObjectNotInPrerequisiteState, "column %q of relation %q is already an identity column", col.Name, tbl.Name)
	case col.HasDefault:
		return nil, pgerror.Newf(pgerrcode.ObjectNotInPrerequisiteState, "column %q of relation %q already has a default value", col.Name, tbl.Name)
	case col.Sequence != "":
		return nil, pgerror.Unsupported("ADD GENERATED … AS IDENTITY on a column that owns sequence " + col.Sequence)
	}
	// SEQUENCE NAME is an identity option only; the others are CREATE SEQUENCE's.
	c.identityOptions = nil
	for _, o := range cn.GetOptions() {
		d := o.GetDefElem()
		if d.GetDefname() != "sequence_name" {
			c.identityOptions = append(c.identityOptions, o)
			continue
		}
		if c.sequence != "" {
			return nil, pgerror.New(pgerrcode.SyntaxError, "conflicting or redundant options")
		}
		rv, err := rangeVarOf(stringList(d.GetArg().GetList().GetItems()))
		if err != nil {
			return nil, err
		}
		if s := rv.GetSchemaname(); s != "" && s != tbl.Schema {
			return nil, pgerror.Unsupported("SEQUENCE NAME in another schema than the table's")
		}
		c.sequence = rv.GetRelname()
	}
	if c.sequence == "" {
		p := &tablePlan{schema: tbl.Schema, name: tbl.Name, tidbDB: tn.Schema.O, cols: []*columnPlan{c}}
		if err := t.chooseSequenceNames(p); err != nil {
			return nil, err
		}
	}
	if len(t.paramTypes) > 0 {
		return nil, pgerror.New(pgerrcode.UndefinedParameter, "there is no parameter $1")
	}
	b := &planBuilder{t: t}
	opts, err := b.createOwnedSequence(tn.Schema.O, c)
	if err != nil {
		return nil, err
	}
	alter := &ast.AlterTableStmt{Table: tn, Specs: []*ast.AlterTableSpec{{Tp: ast.AlterTableAlterColumn,
		NewColumns: []*ast.ColumnDef{{Name: &ast.ColumnName{Name: cistr(c.name)}, Options: []*ast.ColumnOption{
			{Expr: nextvalCall(tn.Schema.O, c.sequence)}}}}}}} // Tp unset: the spec prints SET DEFAULT itself
	if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return alter, nil }); err != nil {
		return nil, err
	}
	out, err := b.finish("ALTER TABLE", KindDDL, nil)
	if err != nil {
		return nil, err
	}
	cols := append([]catalog.Column(nil), tbl.Columns...)
	for i := range cols {
		if cols[i].Name == c.name {
			cols[i].Identity, cols[i].Sequence, cols[i].HasDefault = c.identity, c.sequence, true
		}
	}
	out.Catalog = []catalog.Change{{Op: catalog.DeclareTable, Database: tn.Schema.O, Table: tbl.Name, Columns: cols},
		newSequenceRecord(tn.Schema.O, c.sequence, c.pgType.OID, opts, cacheOption(c.identityOptions))}
	return out, nil
}

// identityCommand is the only command of an ALTER TABLE of a column's identity (what it
// does, for the refusal of several) and the column it names (42703 when there is none).
func identityCommand(n *pg_query.AlterTableStmt, tbl *catalog.Table, what string) (*pg_query.AlterTableCmd, *catalog.Column, error) {
	if len(n.GetCmds()) != 1 {
		return nil, nil, pgerror.Unsupported("ALTER TABLE combining " + what + " with other commands").
			WithHint("Use one ALTER TABLE for each.")
	}
	cmd := n.GetCmds()[0].GetAlterTableCmd()
	col := tbl.Column(cmd.GetName())
	if col == nil {
		return nil, nil, pgerror.Newf(pgerrcode.UndefinedColumn, "column %q of relation %q does not exist", cmd.GetName(), tbl.Name)
	}
	return cmd, col, nil
}

// setIdentity translates ALTER TABLE t ALTER COLUMN c {SET GENERATED {ALWAYS | BY DEFAULT} |
// SET sequence_option | RESTART [WITH n]} …: the sequence options are ALTER SEQUENCE of the
// column's sequence (alter_sequence.go), SET GENERATED changes the identity kind the shadow
// catalog keeps (TiDB's default is NEXTVAL either way).
func (t *translator) setIdentity(n *pg_query.AlterTableStmt, tn *ast.TableName, tbl *catalog.Table) (*Statement, error) {
	cmd, col, err := identityCommand(n, tbl, "identity options of a column")
	if err != nil {
		return nil, err
	}
	if col.Identity == 0 || col.Sequence == "" {
		return nil, pgerror.Newf(pgerrcode.ObjectNotInPrerequisiteState, "column %q of relation %q is not an identity column", col.Name, tbl.Name)
	}
	var seqOpts []*pg_query.Node
	identity := col.Identity
	for _, o := range cmd.GetDef().GetList().GetItems() {
		d := o.GetDefElem()
		if d.GetDefname() == "generated" {
			identity = byte(d.GetArg().GetInteger().GetIval())
			continue
		}
		seqOpts = append(seqOpts, o)
	}
	var out *Statement
	if len(seqOpts) > 0 {
		out, err = t.alterSequence(&pg_query.AlterSeqStmt{Sequence: &pg_query.RangeVar{Schemaname: tbl.Schema, Relname: col.Sequence,
			Inh: true, Relpersistence: "p"}, Options: seqOpts})
	} else {
		out, err = t.ddlStatement(doNothing(), "ALTER TABLE")
	}
	if err != nil {
		return nil, err
	}
	out.Tag = "ALTER TABLE"
	if identity != col.Identity {
		cols := append([]catalog.Column(nil), tbl.Columns...)
		for i := range cols {
			if cols[i].Name == col.Name {
				cols[i].Identity = identity
			}
		}
		out.Catalog = append(out.Catalog, catalog.Change{Op: catalog.DeclareTable, Database: tn.Schema.O, Table: tbl.Name, Columns: cols})
	}
	return out, nil
}

// ownedSequences are the TiDB names of the sequences tbl's columns own.
func ownedSequences(tbl *catalog.Table, db string) []*ast.TableName {
	var out []*ast.TableName
	for _, c := range tbl.Columns {
		if c.Sequence != "" {
			out = append(out, &ast.TableName{Schema: cistr(db), Name: cistr(c.Sequence)})
		}
	}
	return out
}

// dropWithSequences returns stmt — DROP TABLE, or ALTER TABLE … DROP COLUMN — followed by DROP
// SEQUENCE of the sequences the dropped tables or columns own, when there are any, after the
// DROP DEFAULT steps of drop (nil: none), the defaults CASCADE takes with them.
func (t *translator) dropWithSequences(stmt ast.StmtNode, seqs []*ast.TableName, tag string, drop *sequenceDrop) (*Statement, error) {
	if len(seqs) == 0 {
		return t.ddlStatement(stmt, tag)
	}
	b := &planBuilder{t: t}
	if drop != nil {
		if err := drop.steps(b); err != nil {
			return nil, err
		}
	}
	if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return stmt, nil }); err != nil {
		return nil, err
	}
	dropSeqs := &ast.DropSequenceStmt{IfExists: true, Sequences: seqs}
	if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return dropSeqs, nil }); err != nil {
		return nil, err
	}
	return b.finish(tag, KindDDL, nil)
}

package translate

import (
	"fmt"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pgtidb/pgtidb/typemap"
)

// ConstraintResolver is an optional extension of catalog.Resolver for ALTER TABLE … DROP
// CONSTRAINT and RENAME CONSTRAINT: PostgreSQL drops any constraint by name, TiDB needs to
// know whether it is a primary key, a unique index, a foreign key or a check. Without it only
// the primary key (named <table>_pkey) can be dropped; other names are refused (0A000).
type ConstraintResolver interface {
	// ConstraintType returns the kind of the constraint named name on tbl as pg_constraint's
	// contype letter: "p" primary key, "u" unique, "f" foreign key, "c" check; "" when the
	// table has no such constraint.
	ConstraintType(tbl *catalog.Table, name string) (string, error)
}

// alterPlan collects one ALTER TABLE while its commands are translated.
type alterPlan struct {
	tbl  *catalog.Table
	name *ast.TableName
	// cols is the column list after the commands, for the DeclareTable change.
	cols []catalog.Column
	// specs are the TiDB ALTER TABLE specifications, in the order of the commands.
	specs []*ast.AlterTableSpec
	// changes holds the pending changes of existing columns (type, NOT NULL, default); they
	// become one spec per column once every command is read.
	changes []*columnChange
	// touched names the columns a spec already works on: TiDB refuses a second operation on
	// the same column in one statement, and does not see a column added by the same one.
	touched map[string]string
	// constrained names the columns of the constraints the statement adds.
	constrained map[string]bool
	// hasCheck: TiDB runs an ADD/DROP CHECK only as the statement's sole change.
	hasCheck bool
	// texts, when set, are the table's texts after the commands (an added check's).
	texts *[]catalog.Text
	// addedKeys are the foreign keys of added columns (ADD COLUMN … REFERENCES), as table
	// constraints: TiDB cannot constrain a column the same statement adds, so a second ALTER
	// TABLE adds them (addedColumnKeys).
	addedKeys []*pg_query.Constraint
	// droppedSequences are the sequences the dropped columns own, which go with them, and
	// seqDrop the defaults of other columns that depend on them (nil: none dropped).
	droppedSequences []*ast.TableName
	seqDrop          *sequenceDrop
}

// columnChange is what ALTER COLUMN commands change of one existing column.
type columnChange struct {
	name string
	// newType is set by ALTER COLUMN … TYPE.
	newType *typemap.Type
	// notNull is set by SET / DROP NOT NULL.
	notNull *bool
	// setDefault is the raw expression of SET DEFAULT; dropDefault is DROP DEFAULT.
	setDefault  *pg_query.Node
	dropDefault bool
}

func (p *alterPlan) column(name string) *catalog.Column {
	for i := range p.cols {
		if p.cols[i].Name == name {
			return &p.cols[i]
		}
	}
	return nil
}

func (p *alterPlan) change(name string) *columnChange {
	for _, c := range p.changes {
		if c.name == name {
			return c
		}
	}
	c := &columnChange{name: name}
	p.changes = append(p.changes, c)
	return c
}

// touch records that a spec works on column col, or refuses a second operation on it.
func (p *alterPlan) touch(col, what string) error {
	if prior, ok := p.touched[col]; ok {
		return pgerror.Unsupported("ALTER TABLE combining " + prior + " and " + what + " of column " + `"` + col + `"`).
			WithHint("TiDB changes a column only once per statement; use one ALTER TABLE for each.")
	}
	p.touched[col] = what
	return nil
}

// alterTable translates ALTER TABLE [IF EXISTS] t with the commands TiDB can run in one
// statement: ADD/DROP COLUMN, ALTER COLUMN TYPE / SET|DROP DEFAULT / SET|DROP NOT NULL,
// ADD CONSTRAINT (PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY) and DROP CONSTRAINT. The statement
// carries a DeclareTable change listing every column of the table after the change.
func (t *translator) alterTable(n *pg_query.AlterTableStmt) (*Statement, error) {
	if ownerOnly(n.GetCmds()) {
		return t.alterRelationOwner(n)
	}
	if n.GetObjtype() != pg_query.ObjectType_OBJECT_TABLE {
		return nil, pgerror.Unsupported("ALTER " + objectTypeName(n.GetObjtype()))
	}
	tableName, tbl, err := t.alterTarget(n.GetRelation(), n.GetMissingOk())
	if err != nil || tbl == nil {
		if err == nil {
			// IF EXISTS on a missing table: PostgreSQL only notices.
			return t.ddlStatement(doNothing(), "ALTER TABLE")
		}
		return nil, err
	}
	if tbl.View {
		return nil, pgerror.Newf(pgerrcode.WrongObjectType, "%q is not a table", tbl.Name).
			WithHint("Use ALTER VIEW or CREATE OR REPLACE VIEW to change a view.")
	}
	for _, c := range n.GetCmds() {
		switch c.GetAlterTableCmd().GetSubtype() {
		case pg_query.AlterTableType_AT_AddIdentity:
			return t.addIdentity(n, tableName, tbl)
		case pg_query.AlterTableType_AT_SetIdentity:
			return t.setIdentity(n, tableName, tbl)
		}
	}
	p := &alterPlan{tbl: tbl, name: tableName, touched: map[string]string{}, constrained: map[string]bool{}}
	p.cols = append(p.cols, tbl.Columns...)
	for _, node := range n.GetCmds() {
		if err := t.alterCommand(p, node.GetAlterTableCmd()); err != nil {
			return nil, err
		}
	}
	if err := t.columnChanges(p); err != nil {
		return nil, err
	}
	if p.hasCheck && len(p.specs) > 1 {
		return nil, pgerror.Unsupported("ALTER TABLE adding or dropping a CHECK constraint together with other changes").
			WithHint("TiDB runs a CHECK change only alone; use one ALTER TABLE for each.")
	}
	var stmt ast.StmtNode = &ast.AlterTableStmt{Table: tableName, Specs: p.specs}
	if len(p.specs) == 0 {
		// Every command was a no-op (ADD COLUMN IF NOT EXISTS on an existing column…).
		stmt = doNothing()
	}
	var out *Statement
	t.relation = p.tbl.Name
	switch {
	case len(p.addedKeys) > 0 && len(p.droppedSequences) > 0:
		return nil, pgerror.Unsupported("ALTER TABLE adding a column with a foreign key and dropping a column that owns a sequence").
			WithHint("Use one ALTER TABLE for each.")
	case len(p.addedKeys) > 0:
		out, err = t.addedColumnKeys(p, stmt)
	case len(p.droppedSequences) > 0:
		// DROP COLUMN of a column that owns a sequence: DROP DEFAULT of the defaults that
		// depend on it (CASCADE), the ALTER TABLE, then DROP SEQUENCE.
		out, err = t.dropWithSequences(stmt, p.droppedSequences, "ALTER TABLE", p.seqDrop)
	default:
		out, err = t.ddlStatement(stmt, "ALTER TABLE")
	}
	if err != nil {
		return nil, err
	}
	if len(p.specs) > 0 {
		change := catalog.Change{Op: catalog.DeclareTable, Database: tableName.Schema.O, Table: tbl.Name, Columns: p.cols}
		if p.texts != nil {
			change.SetTexts, change.Texts = true, *p.texts
		}
		out.Catalog = []catalog.Change{change}
	}
	if p.seqDrop != nil {
		for _, seq := range p.droppedSequences {
			out.Catalog = append(out.Catalog, catalog.Change{Op: catalog.ForgetTable, Database: seq.Schema.O, Table: seq.Name.O})
		}
		out.Catalog = append(out.Catalog, p.seqDrop.changes()...)
		out.Notices = append(out.Notices, p.seqDrop.notices()...)
	}
	return out, nil
}

// addedColumnKeys plans an ALTER TABLE whose ADD COLUMN declares a foreign key (Django adds
// its ForeignKey fields that way): stmt adds the columns, then a second ALTER TABLE adds the
// keys, named and checked as ADD CONSTRAINT would (the existing rows included); when it fails,
// the columns are dropped again. A DDL plan of two statements.
func (t *translator) addedColumnKeys(p *alterPlan, stmt ast.StmtNode) (*Statement, error) {
	if len(t.paramTypes) > 0 {
		return nil, pgerror.New(pgerrcode.UndefinedParameter, "there is no parameter $1")
	}
	tbl := *p.tbl
	tbl.Columns = p.cols
	keys := &alterPlan{tbl: &tbl, name: p.name, cols: p.cols, touched: map[string]string{}, constrained: map[string]bool{}, texts: p.texts}
	for _, cn := range p.addedKeys {
		if err := t.addTableConstraint(keys, cn); err != nil {
			return nil, err
		}
	}
	p.texts = keys.texts
	undo := &ast.AlterTableStmt{Table: p.name}
	for _, spec := range p.specs {
		if spec.Tp == ast.AlterTableAddColumns {
			for _, c := range spec.NewColumns {
				undo.Specs = append(undo.Specs, &ast.AlterTableSpec{Tp: ast.AlterTableDropColumn, OldColumnName: c.Name})
			}
		}
	}
	b := &planBuilder{t: t}
	if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return stmt, nil }); err != nil {
		return nil, err
	}
	undoSQL, err := restorePlain(undo)
	if err != nil {
		return nil, err
	}
	b.plan.Steps[len(b.plan.Steps)-1].Undo = undoSQL
	add := &ast.AlterTableStmt{Table: p.name, Specs: keys.specs}
	if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return add, nil }); err != nil {
		return nil, err
	}
	return b.finish("ALTER TABLE", KindDDL, nil)
}

// alterTarget resolves the relation an ALTER names; with IF EXISTS a missing one gives
// (nil, nil, nil).
func (t *translator) alterTarget(rv *pg_query.RangeVar, missingOk bool) (*ast.TableName, *catalog.Table, error) {
	name, tbl, err := t.table(rv)
	if err != nil && missingOk && pgerror.Code(err) == pgerrcode.UndefinedTable {
		return nil, nil, nil
	}
	return name, tbl, err
}

// alterCommand translates one ALTER TABLE command into p.
func (t *translator) alterCommand(p *alterPlan, cmd *pg_query.AlterTableCmd) error {
	if cmd == nil {
		return pgerror.New(pgerrcode.InternalError, "missing ALTER TABLE command")
	}
	switch cmd.GetSubtype() {
	case pg_query.AlterTableType_AT_AddColumn:
		return t.addColumn(p, cmd)
	case pg_query.AlterTableType_AT_DropColumn:
		return t.dropColumn(p, cmd)
	case pg_query.AlterTableType_AT_AlterColumnType:
		return t.alterColumnType(p, cmd)
	case pg_query.AlterTableType_AT_ColumnDefault:
		c, err := p.existingColumn(cmd.GetName())
		if err != nil {
			return err
		}
		if c.Identity != 0 {
			err := pgerror.Newf(pgerrcode.SyntaxError, "column %q of relation %q is an identity column", c.Name, p.tbl.Name)
			if cmd.GetDef() == nil {
				err = err.WithHint("Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead.")
			}
			return err
		}
		ch := p.change(c.Name)
		if ch.setDefault != nil || ch.dropDefault {
			return pgerror.Unsupported("several DEFAULT changes of one column in one ALTER TABLE")
		}
		if cmd.GetDef() == nil {
			ch.dropDefault = true
		} else {
			ch.setDefault = cmd.GetDef()
		}
		return nil
	case pg_query.AlterTableType_AT_SetNotNull, pg_query.AlterTableType_AT_DropNotNull:
		c, err := p.existingColumn(cmd.GetName())
		if err != nil {
			return err
		}
		v := cmd.GetSubtype() == pg_query.AlterTableType_AT_SetNotNull
		if !v {
			if err := t.checkNotInPrimaryKey(p, c.Name); err != nil {
				return err
			}
		}
		p.change(c.Name).notNull = &v
		return nil
	case pg_query.AlterTableType_AT_AddConstraint:
		return t.addTableConstraint(p, cmd.GetDef().GetConstraint())
	case pg_query.AlterTableType_AT_DropConstraint:
		return t.dropConstraint(p, cmd)
	case pg_query.AlterTableType_AT_DropIdentity:
		return pgerror.Unsupported("ALTER TABLE " + alterCommandName(cmd.GetSubtype()))
	case pg_query.AlterTableType_AT_ValidateConstraint:
		return pgerror.Unsupported("VALIDATE CONSTRAINT")
	case pg_query.AlterTableType_AT_SetLogged, pg_query.AlterTableType_AT_SetUnLogged:
		// Like CREATE UNLOGGED TABLE: a TiDB table is always logged, which keeps every
		// guarantee either setting gives.
		return nil
	}
	return pgerror.Unsupported("ALTER TABLE " + alterCommandName(cmd.GetSubtype()))
}

// alterCommandName names an ALTER TABLE command for messages (AT_SetStatistics → SET
// STATISTICS).
func alterCommandName(at pg_query.AlterTableType) string {
	names := map[pg_query.AlterTableType]string{
		pg_query.AlterTableType_AT_SetStatistics:           "ALTER COLUMN ... SET STATISTICS",
		pg_query.AlterTableType_AT_SetOptions:              "ALTER COLUMN ... SET (...)",
		pg_query.AlterTableType_AT_ResetOptions:            "ALTER COLUMN ... RESET (...)",
		pg_query.AlterTableType_AT_SetStorage:              "ALTER COLUMN ... SET STORAGE",
		pg_query.AlterTableType_AT_SetCompression:          "ALTER COLUMN ... SET COMPRESSION",
		pg_query.AlterTableType_AT_DropExpression:          "ALTER COLUMN ... DROP EXPRESSION",
		pg_query.AlterTableType_AT_AlterConstraint:         "ALTER CONSTRAINT",
		pg_query.AlterTableType_AT_ChangeOwner:             "OWNER TO",
		pg_query.AlterTableType_AT_SetIdentity:             "ALTER COLUMN ... SET identity options",
		pg_query.AlterTableType_AT_DropIdentity:            "ALTER COLUMN ... DROP IDENTITY",
		pg_query.AlterTableType_AT_ClusterOn:               "CLUSTER ON",
		pg_query.AlterTableType_AT_DropCluster:             "SET WITHOUT CLUSTER",
		pg_query.AlterTableType_AT_SetAccessMethod:         "SET ACCESS METHOD",
		pg_query.AlterTableType_AT_SetTableSpace:           "SET TABLESPACE",
		pg_query.AlterTableType_AT_SetRelOptions:           "SET (...)",
		pg_query.AlterTableType_AT_ResetRelOptions:         "RESET (...)",
		pg_query.AlterTableType_AT_EnableTrig:              "ENABLE TRIGGER",
		pg_query.AlterTableType_AT_DisableTrig:             "DISABLE TRIGGER",
		pg_query.AlterTableType_AT_EnableTrigAll:           "ENABLE TRIGGER ALL",
		pg_query.AlterTableType_AT_DisableTrigAll:          "DISABLE TRIGGER ALL",
		pg_query.AlterTableType_AT_EnableTrigUser:          "ENABLE TRIGGER USER",
		pg_query.AlterTableType_AT_DisableTrigUser:         "DISABLE TRIGGER USER",
		pg_query.AlterTableType_AT_AddInherit:              "INHERIT",
		pg_query.AlterTableType_AT_DropInherit:             "NO INHERIT",
		pg_query.AlterTableType_AT_AddOf:                   "OF type",
		pg_query.AlterTableType_AT_DropOf:                  "NOT OF",
		pg_query.AlterTableType_AT_ReplicaIdentity:         "REPLICA IDENTITY",
		pg_query.AlterTableType_AT_EnableRowSecurity:       "ENABLE ROW LEVEL SECURITY",
		pg_query.AlterTableType_AT_DisableRowSecurity:      "DISABLE ROW LEVEL SECURITY",
		pg_query.AlterTableType_AT_ForceRowSecurity:        "FORCE ROW LEVEL SECURITY",
		pg_query.AlterTableType_AT_NoForceRowSecurity:      "NO FORCE ROW LEVEL SECURITY",
		pg_query.AlterTableType_AT_AttachPartition:         "ATTACH PARTITION",
		pg_query.AlterTableType_AT_DetachPartition:         "DETACH PARTITION",
		pg_query.AlterTableType_AT_GenericOptions:          "OPTIONS (...)",
		pg_query.AlterTableType_AT_EnableRule:              "ENABLE RULE",
		pg_query.AlterTableType_AT_DisableRule:             "DISABLE RULE",
		pg_query.AlterTableType_AT_EnableAlwaysTrig:        "ENABLE ALWAYS TRIGGER",
		pg_query.AlterTableType_AT_EnableReplicaTrig:       "ENABLE REPLICA TRIGGER",
		pg_query.AlterTableType_AT_EnableAlwaysRule:        "ENABLE ALWAYS RULE",
		pg_query.AlterTableType_AT_EnableReplicaRule:       "ENABLE REPLICA RULE",
		pg_query.AlterTableType_AT_DropOids:                "SET WITHOUT OIDS",
		pg_query.AlterTableType_AT_DetachPartitionFinalize: "DETACH PARTITION ... FINALIZE",
	}
	if s, ok := names[at]; ok {
		return s
	}
	return at.String()
}

// existingColumn returns the column an ALTER COLUMN names, or PostgreSQL's 42703.
func (p *alterPlan) existingColumn(name string) (*catalog.Column, error) {
	c := p.column(name)
	if c == nil {
		return nil, pgerror.Newf(pgerrcode.UndefinedColumn, "column %q of relation %q does not exist", name, p.tbl.Name)
	}
	return c, nil
}

// checkNotInPrimaryKey is PostgreSQL's refusal to DROP NOT NULL on a primary-key column; it
// needs the resolver's KeyResolver (without it TiDB refuses the change itself).
func (t *translator) checkNotInPrimaryKey(p *alterPlan, col string) error {
	kr, ok := t.ctx.Resolver.(KeyResolver)
	if !ok {
		return nil
	}
	pk, err := kr.PrimaryKey(p.tbl.Schema, p.tbl.Name)
	if err != nil {
		return err
	}
	for _, k := range pk {
		if k == col {
			return pgerror.Newf(pgerrcode.InvalidTableDefinition, "column %q is in a primary key", col)
		}
	}
	return nil
}

// addColumn translates ADD COLUMN [IF NOT EXISTS] c type [DEFAULT …] [NOT NULL]. Constraints
// other than NULL / NOT NULL / DEFAULT need the column to exist first, which TiDB does not
// allow within one statement, and a NOT NULL column without a default would be filled with
// TiDB's zero value where PostgreSQL fails on a non-empty table (23502): both are refused.
func (t *translator) addColumn(p *alterPlan, cmd *pg_query.AlterTableCmd) error {
	cd := cmd.GetDef().GetColumnDef()
	if cd == nil {
		return pgerror.New(pgerrcode.InternalError, "missing column definition")
	}
	name := cd.GetColname()
	if p.column(name) != nil {
		if cmd.GetMissingOk() {
			// PostgreSQL notices and skips the command.
			return nil
		}
		return pgerror.Newf(pgerrcode.DuplicateColumn, "column %q of relation %q already exists", name, p.tbl.Name)
	}
	for _, cn := range cd.GetConstraints() {
		switch cn.GetConstraint().GetContype() {
		case pg_query.ConstrType_CONSTR_NULL, pg_query.ConstrType_CONSTR_NOTNULL, pg_query.ConstrType_CONSTR_DEFAULT,
			pg_query.ConstrType_CONSTR_ATTR_NOT_DEFERRABLE, pg_query.ConstrType_CONSTR_ATTR_IMMEDIATE,
			pg_query.ConstrType_CONSTR_ATTR_DEFERRABLE, pg_query.ConstrType_CONSTR_ATTR_DEFERRED:
		case pg_query.ConstrType_CONSTR_FOREIGN:
			// Added by a second ALTER TABLE once the column exists (addedColumnKeys).
		case pg_query.ConstrType_CONSTR_IDENTITY:
			return pgerror.Unsupported("identity columns").
				WithHint("Sequences are not emulated yet; declare an integer column and supply the values.")
		case pg_query.ConstrType_CONSTR_GENERATED:
			return pgerror.Unsupported("ADD COLUMN ... GENERATED ALWAYS AS").
				WithDetail("TiDB cannot add a stored generated column to an existing table.")
		default:
			return pgerror.Unsupported("ADD COLUMN with a " + constraintKindName(cn.GetConstraint()) + " constraint").
				WithHint("TiDB cannot constrain a column added by the same statement: add the column, then the constraint in a second ALTER TABLE.")
		}
	}
	plan := &tablePlan{schema: p.tbl.Schema, name: p.tbl.Name, tidbDB: p.name.Schema.O}
	if err := plan.addColumn(cd); err != nil {
		return err
	}
	for _, fk := range plan.fks {
		p.addedKeys = append(p.addedKeys, fk.tableConstraint())
	}
	c := plan.cols[0]
	if c.serial {
		return pgerror.Unsupported("ADD COLUMN of a SERIAL type").
			WithHint("Create the sequence, then add an integer column and fill it.")
	}
	if c.defaultRaw != nil {
		var err error
		if c.defaultExpr, err = t.columnDefault(c); err != nil {
			return err
		}
		if c.nextvalDefault {
			return pgerror.Unsupported("ADD COLUMN … DEFAULT nextval()").
				WithDetail("TiDB does not fill the existing rows from a sequence (error 8230).").
				WithHint("Add the column, fill it, then SET DEFAULT nextval(…).")
		}
	}
	if c.pgType.OID == typemap.JSONB && c.defaultExpr != nil {
		return pgerror.Unsupported("ADD COLUMN ... jsonb DEFAULT").
			WithDetail("TiDB refuses expression defaults (JSON_OBJECT()) in ADD COLUMN (error 1674).")
	}
	if c.notNull && c.defaultExpr == nil {
		return pgerror.Unsupported("ADD COLUMN ... NOT NULL without a DEFAULT").
			WithDetail("TiDB fills the existing rows with the type's zero value where PostgreSQL fails if the table has rows.").
			WithHint("Add the column with a DEFAULT, or add it nullable, fill it, then SET NOT NULL.")
	}
	if err := plan.planColumnTypes(nil); err != nil {
		return err
	}
	if err := p.touch(name, "ADD COLUMN"); err != nil {
		return err
	}
	p.specs = append(p.specs, &ast.AlterTableSpec{
		Tp: ast.AlterTableAddColumns, IfNotExists: cmd.GetMissingOk(), NewColumns: []*ast.ColumnDef{columnDefNode(c)},
		Position: &ast.ColumnPosition{Tp: ast.ColumnPositionNone},
	})
	col := catalog.Column{Name: name, Type: c.pgType, NotNull: c.notNull, HasDefault: c.defaultExpr != nil}
	if c.defaultRaw != nil {
		col.Default, _ = t.deparseDefault(c.defaultRaw, c.pgType)
	}
	p.cols = append(p.cols, col)
	return nil
}

// constraintKindName names a constraint's kind for messages.
func constraintKindName(cn *pg_query.Constraint) string {
	switch cn.GetContype() {
	case pg_query.ConstrType_CONSTR_PRIMARY:
		return "PRIMARY KEY"
	case pg_query.ConstrType_CONSTR_UNIQUE:
		return "UNIQUE"
	case pg_query.ConstrType_CONSTR_CHECK:
		return "CHECK"
	case pg_query.ConstrType_CONSTR_FOREIGN:
		return "REFERENCES"
	case pg_query.ConstrType_CONSTR_EXCLUSION:
		return "EXCLUDE"
	}
	return cn.GetContype().String()
}

// columnDefNode renders a planned column as TiDB's column definition.
func columnDefNode(c *columnPlan) *ast.ColumnDef {
	def := &ast.ColumnDef{Name: &ast.ColumnName{Name: cistr(c.name)}, Tp: c.ft}
	if c.notNull {
		def.Options = append(def.Options, &ast.ColumnOption{Tp: ast.ColumnOptionNotNull})
	} else {
		def.Options = append(def.Options, &ast.ColumnOption{Tp: ast.ColumnOptionNull})
	}
	if c.defaultExpr != nil {
		def.Options = append(def.Options, &ast.ColumnOption{Tp: ast.ColumnOptionDefaultValue, Expr: c.defaultExpr})
	}
	return def
}

// dropColumn translates DROP COLUMN [IF EXISTS] c [RESTRICT|CASCADE]. TiDB drops a
// single-column index with its column, as PostgreSQL does, but refuses to drop a column of a
// multi-column index or of the primary key (8200), where PostgreSQL drops the index too.
func (t *translator) dropColumn(p *alterPlan, cmd *pg_query.AlterTableCmd) error {
	name := cmd.GetName()
	if p.column(name) == nil {
		if cmd.GetMissingOk() {
			return nil
		}
		return pgerror.Newf(pgerrcode.UndefinedColumn, "column %q of relation %q does not exist", name, p.tbl.Name)
	}
	if err := p.touch(name, "DROP COLUMN"); err != nil {
		return err
	}
	if len(p.cols) == 1 {
		// PostgreSQL leaves a table without columns; TiDB cannot.
		return pgerror.Unsupported("dropping the last column of a table").WithDetail("TiDB tables need at least one column.")
	}
	p.specs = append(p.specs, &ast.AlterTableSpec{Tp: ast.AlterTableDropColumn, OldColumnName: &ast.ColumnName{Name: cistr(name)}})
	seq := p.column(name).Sequence
	for i := range p.cols {
		if p.cols[i].Name == name {
			p.cols = append(p.cols[:i], p.cols[i+1:]...)
			break
		}
	}
	if seq != "" {
		// The sequence the column owns goes with it, and the defaults that draw from it
		// (other than this column's) depend on it.
		db := p.name.Schema.O
		if p.seqDrop == nil {
			p.seqDrop = t.newSequenceDrop(cmd.GetBehavior() == pg_query.DropBehavior_DROP_CASCADE, func(c catalog.ColumnRef) bool {
				return c.DB == db && c.Table == p.tbl.Name && p.column(c.Column) == nil
			})
		}
		if err := p.seqDrop.defaultsOf(db, seq); err != nil {
			return err
		}
		if err := p.seqDrop.check(func() string {
			return fmt.Sprintf("column %s of table %s", name, t.describedName(db, p.tbl.Name))
		}); err != nil {
			return err
		}
		if _, same := p.seqDrop.tables[[2]string{db, p.tbl.Name}]; same {
			// The statement's own columns are p.cols; a second copy of the table would clash.
			return pgerror.Unsupported("DROP COLUMN … CASCADE of a column whose sequence another column of the same table draws its default from").
				WithHint("Drop that column's default first.")
		}
		p.droppedSequences = append(p.droppedSequences, &ast.TableName{Schema: cistr(db), Name: cistr(seq)})
	}
	return nil
}

// alterColumnType records ALTER COLUMN c [SET DATA] TYPE t [USING c]. PostgreSQL converts
// the stored values with the assignment cast; the change is accepted only where TiDB's
// conversion of the stored values gives the same (widening numbers, string lengths, numeric
// scale…). USING is accepted only when it restates the default conversion.
func (t *translator) alterColumnType(p *alterPlan, cmd *pg_query.AlterTableCmd) error {
	cd := cmd.GetDef().GetColumnDef()
	c, err := p.existingColumn(cmd.GetName())
	if err != nil {
		return err
	}
	to, err := typeName(cd.GetTypeName())
	if err != nil {
		return err
	}
	if cc := cd.GetCollClause(); cc != nil {
		if err := checkCollation(cc, to); err != nil {
			return err
		}
	}
	if using := cd.GetRawDefault(); using != nil && !trivialUsing(using, c.Name, to) {
		return pgerror.Unsupported("ALTER COLUMN ... TYPE ... USING an expression").
			WithHint("TiDB converts the stored values only its own way; add a new column, fill it with UPDATE, then drop the old one.")
	}
	from := c.Type
	if err := checkAssignable(from, &catalog.Column{Name: c.Name, Type: to}); err != nil {
		return pgerror.Newf(pgerrcode.DatatypeMismatch, "column %q cannot be cast automatically to type %s", c.Name, sqlTypeName(to)).
			WithHint(`You might need to specify "USING ` + c.Name + "::" + sqlTypeName(to) + `".`)
	}
	if !tidbConvertsAlike(from, to) {
		return pgerror.Unsupported("ALTER COLUMN ... TYPE from " + from.String() + " to " + to.String()).
			WithDetail("TiDB would convert the stored values differently from PostgreSQL.")
	}
	ch := p.change(c.Name)
	if ch.newType != nil {
		return pgerror.Unsupported("several TYPE changes of one column in one ALTER TABLE")
	}
	ch.newType = &to
	return nil
}

// trivialUsing reports whether USING expr is the column itself, possibly cast to the new type.
func trivialUsing(expr *pg_query.Node, col string, to typemap.Type) bool {
	if tc := expr.GetTypeCast(); tc != nil {
		ty, err := typeName(tc.GetTypeName())
		if err != nil || ty != to {
			return false
		}
		expr = tc.GetArg()
	}
	cr := expr.GetColumnRef()
	if cr == nil {
		return false
	}
	names, star := columnRefFields(cr)
	return !star && len(names) == 1 && names[0] == col
}

// tidbConvertsAlike reports whether TiDB's MODIFY COLUMN converts stored from values to to as
// PostgreSQL's assignment cast does (or fails where it fails).
func tidbConvertsAlike(from, to typemap.Type) bool {
	switch {
	case from.OID == to.OID:
		switch from.OID {
		case typemap.Time, typemap.Timestamp, typemap.Timestamptz:
			// Lower precision rounds; only keeping or raising it is the same in both.
			return precisionOf(to) >= precisionOf(from)
		}
		return true
	case isFloat(from):
		// float → numeric/int round differently (PostgreSQL: half to even for integers).
		return isFloat(to)
	case from.OID == typemap.Bool || isString(from) && !isString(to):
		return false
	case to.OID == typemap.BPChar && !isString(from):
		return false
	}
	return tidbAssignsAlike(from, to)
}

// precisionOf is the fractional-seconds precision of a time type (6 without a typmod).
func precisionOf(ty typemap.Type) int32 {
	if ty.Typmod < 0 {
		return typemap.MaxTimePrecision
	}
	return ty.Typmod
}

// columnChanges turns the pending ALTER COLUMN changes into TiDB specs: a lone SET/DROP
// DEFAULT is ALTER COLUMN … SET/DROP DEFAULT; a type or NOT NULL change is MODIFY COLUMN
// with the column's whole definition, which must then state the default: the default pgtidb
// stored (catalog.Column.Default) is restated; a column whose default pgtidb does not know (set
// another way) is refused unless the statement restates it, since MODIFY would drop it.
func (t *translator) columnChanges(p *alterPlan) error {
	for _, ch := range p.changes {
		c := p.column(ch.name)
		if c == nil {
			return pgerror.Newf(pgerrcode.UndefinedColumn, "column %q of relation %q does not exist", ch.name, p.tbl.Name)
		}
		if p.constrained[c.Name] {
			return pgerror.Unsupported("ALTER TABLE combining ALTER COLUMN of column " + `"` + c.Name + `" and a constraint on it`).
				WithHint("TiDB checks a new constraint against the column's old definition; use one ALTER TABLE for each.")
		}
		newType := c.Type
		if ch.newType != nil {
			newType = *ch.newType
		}
		notNull := c.NotNull
		if ch.notNull != nil {
			notNull = *ch.notNull
		}
		// MODIFY COLUMN restates the whole column, so a default the statement keeps is
		// restated: NEXTVAL of the sequence it draws from, or the default pgtidb stored
		// (coerced to the new type, as PostgreSQL coerces it).
		restate := ch.setDefault == nil && !ch.dropDefault && c.HasDefault &&
			(ch.newType != nil && *ch.newType != c.Type || notNull != c.NotNull)
		if restate && !drawsFrom(c) {
			if restated, ok := storedDefault(c); ok {
				ch.setDefault = restated
			}
		}
		plan := &columnPlan{name: c.Name, pgType: newType, notNull: notNull, defaultRaw: ch.setDefault}
		if ch.setDefault != nil {
			var err error
			if plan.defaultExpr, err = t.columnDefault(plan); err != nil {
				return err
			}
		} else if restate && drawsFrom(c) {
			plan.defaultExpr = defaultNextval(c)
		}
		tp := &tablePlan{cols: []*columnPlan{plan}}
		if err := tp.planColumnTypes(nil); err != nil {
			return err
		}
		typeChange := ch.newType != nil && *ch.newType != c.Type
		nullChange := notNull != c.NotNull
		lob := isLOB(plan.ft) || newType.OID == typemap.JSON || newType.OID == typemap.JSONB ||
			newType.OID == typemap.Text || newType.OID == typemap.Bytea ||
			(newType.OID == typemap.Varchar && newType.Typmod < 0)
		switch {
		case !typeChange && !nullChange && (ch.dropDefault || ch.setDefault != nil && plan.defaultExpr == nil):
			// DROP DEFAULT, and SET DEFAULT NULL, PostgreSQL's other way of removing it.
			if err := p.touch(c.Name, "DROP DEFAULT"); err != nil {
				return err
			}
			p.specs = append(p.specs, dropDefaultSpec(c.Name, notNull))
		case !typeChange && !nullChange && ch.setDefault != nil && !lob:
			if err := p.touch(c.Name, "SET DEFAULT"); err != nil {
				return err
			}
			p.specs = append(p.specs, &ast.AlterTableSpec{Tp: ast.AlterTableAlterColumn,
				NewColumns: []*ast.ColumnDef{{Name: &ast.ColumnName{Name: cistr(c.Name)}, Options: []*ast.ColumnOption{
					{Expr: plan.defaultExpr}}}}}) // Tp unset: the spec prints SET DEFAULT itself
		case !typeChange && !nullChange && ch.setDefault == nil:
			// SET NOT NULL on a NOT NULL column, DROP NOT NULL on a nullable one: no-ops.
			continue
		default:
			if newType.OID == typemap.JSONB && ch.setDefault != nil {
				return pgerror.Unsupported("SET DEFAULT on a jsonb column").
					WithDetail("TiDB gives JSON columns defaults only when the table is created.")
			}
			if c.HasDefault && ch.setDefault == nil && !ch.dropDefault && plan.defaultExpr == nil {
				return pgerror.Unsupported("changing the type or NOT NULL of a column that has a default").
					WithDetail("TiDB needs the column's whole definition, and pgtidb does not know the default's value.").
					WithHint("Restate the default in the same statement: ALTER COLUMN " + c.Name + " SET DEFAULT ….")
			}
			what := "ALTER COLUMN"
			if err := p.touch(c.Name, what); err != nil {
				return err
			}
			p.specs = append(p.specs, &ast.AlterTableSpec{Tp: ast.AlterTableModifyColumn, NewColumns: []*ast.ColumnDef{columnDefNode(plan)},
				Position: &ast.ColumnPosition{Tp: ast.ColumnPositionNone}})
		}
		c.Type = newType
		c.NotNull = notNull
		switch {
		case ch.setDefault != nil:
			c.HasDefault = plan.defaultExpr != nil
			c.Default = catalog.Expr{}
			if !plan.nextvalDefault {
				c.Default, _ = t.deparseDefault(ch.setDefault, newType)
			}
		case ch.dropDefault:
			c.HasDefault = false
			c.Default = catalog.Expr{}
		case typeChange:
			// PostgreSQL keeps the default and coerces it to the new type; its text may
			// change with it, so the catalog shows the one derived from TiDB's.
			c.Default = catalog.Expr{}
		}
	}
	return nil
}

// storedDefault is column c's default as the expression pgtidb stored its text from (see
// catalog.Column.Default), when there is one.
func storedDefault(c *catalog.Column) (*pg_query.Node, bool) {
	if !c.Default.Stored() {
		return nil, false
	}
	tree, err := pg_query.Parse("SELECT " + c.Default.Plain)
	if err != nil || len(tree.GetStmts()) != 1 {
		return nil, false
	}
	sel := tree.GetStmts()[0].GetStmt().GetSelectStmt()
	if sel == nil || len(sel.GetTargetList()) != 1 || sel.GetFromClause() != nil {
		return nil, false
	}
	return sel.GetTargetList()[0].GetResTarget().GetVal(), true
}

// dropDefaultSpec removes column name's default. TiDB's DROP DEFAULT marks a column as having
// none, and an INSERT that leaves out a nullable column without one then fails (1364) where
// PostgreSQL stores NULL: a nullable column gets DEFAULT NULL instead. A NOT NULL column gets
// TiDB's DROP DEFAULT, whose failure is PostgreSQL's (23502).
func dropDefaultSpec(name string, notNull bool) *ast.AlterTableSpec {
	col := &ast.ColumnDef{Name: &ast.ColumnName{Name: cistr(name)}}
	if !notNull {
		col.Options = []*ast.ColumnOption{{Expr: ast.NewValueExpr(nil, "", "")}} // Tp unset: SET DEFAULT
	}
	return &ast.AlterTableSpec{Tp: ast.AlterTableAlterColumn, NewColumns: []*ast.ColumnDef{col}}
}

// addTableConstraint translates ADD [CONSTRAINT name] PRIMARY KEY | UNIQUE | CHECK | FOREIGN
// KEY with PostgreSQL's names (t_pkey, t_a_key, t_a_check, t_a_fkey). The names are not
// numbered on collision: the catalog does not list the existing constraints.
func (t *translator) addTableConstraint(p *alterPlan, cn *pg_query.Constraint) error {
	if cn == nil {
		return pgerror.New(pgerrcode.InternalError, "missing constraint")
	}
	if cn.GetSkipValidation() {
		return pgerror.Unsupported("NOT VALID").WithDetail("TiDB validates the existing rows of every new constraint.")
	}
	if cn.GetIndexname() != "" {
		return pgerror.Unsupported("ADD CONSTRAINT ... USING INDEX")
	}
	plan := &tablePlan{schema: p.tbl.Schema, name: p.tbl.Name, tidbDB: p.name.Schema.O}
	for _, c := range p.cols {
		plan.cols = append(plan.cols, &columnPlan{name: c.Name, pgType: c.Type, notNull: c.NotNull})
	}
	if err := plan.addConstraint(cn, ""); err != nil {
		return err
	}
	used := map[string]bool{}
	var cols []string
	var spec *ast.AlterTableSpec
	switch {
	case len(plan.checks) == 1:
		checks, err := t.checkConstraints(plan, used)
		if err != nil {
			return err
		}
		p.hasCheck = true
		if ck := plan.checks[0]; ck.text.Stored() {
			texts := append(append([]catalog.Text(nil), p.currentTexts()...), catalog.Text{Kind: catalog.TextCheck, Name: ck.final, Expr: ck.text})
			p.texts = &texts
		}
		cols = referencedColumns(checks[0].Expr)
		spec = &ast.AlterTableSpec{Tp: ast.AlterTableAddConstraint, Constraint: checks[0]}
	case len(plan.keys) == 1:
		keys, err := plan.resolveKeys()
		if err != nil {
			return err
		}
		k := keys[0]
		cols = k.cols
		c := &ast.Constraint{Tp: ast.ConstraintPrimaryKey, Keys: indexColumns(k.cols)}
		if !k.primary {
			if k.name == "" {
				// The constraint's index is a relation of the schema: PostgreSQL numbers the
				// name until no relation has it (ChooseRelationName).
				name, err := t.freeRelationName(p.tbl.Schema, p.tbl.Name, indexNameAddition(k.cols), "key")
				if err != nil {
					return err
				}
				k.name = name
			}
			c = &ast.Constraint{Tp: ast.ConstraintUniq, Name: k.name, Keys: indexColumns(k.cols)}
		} else if k.name != "" && k.name != makeObjectName(p.tbl.Name, "", "pkey") {
			// TiDB names every primary key PRIMARY; pgtidb shows it as <table>_pkey.
			return pgerror.Unsupported("a primary key named other than " + makeObjectName(p.tbl.Name, "", "pkey")).
				WithDetail("TiDB names every primary key PRIMARY; pgtidb shows it as <table>_pkey.")
		}
		if k.primary {
			for _, name := range k.cols {
				p.column(name).NotNull = true
			}
		}
		spec = &ast.AlterTableSpec{Tp: ast.AlterTableAddConstraint, Constraint: c}
	case len(plan.fks) == 1:
		refs, err := t.resolveForeignKeys(plan, nil)
		if err != nil {
			return err
		}
		fk := plan.fks[0]
		if fk.name == "" {
			fk.name = chooseName(p.tbl.Name, indexNameAddition(fk.cols), "fkey", used)
		}
		cols = fk.cols
		texts := deferralTexts(append([]catalog.Text(nil), p.currentTexts()...), plan.fks)
		p.texts = &texts
		spec = &ast.AlterTableSpec{Tp: ast.AlterTableAddConstraint, Constraint: &ast.Constraint{
			Tp: ast.ConstraintForeignKey, Name: fk.name, Keys: indexColumns(fk.cols), Refer: refs[0],
		}}
	default:
		return pgerror.Unsupported("ADD CONSTRAINT of type " + constraintKindName(cn))
	}
	for _, col := range cols {
		if prior, ok := p.touched[col]; ok {
			return pgerror.Unsupported("ALTER TABLE combining " + prior + " of column " + `"` + col + `" and a constraint on it`).
				WithHint("TiDB does not see a column changed by the same statement; use one ALTER TABLE for each.")
		}
	}
	for _, col := range cols {
		p.constrained[col] = true
	}
	p.specs = append(p.specs, spec)
	return nil
}

// currentTexts are the relation's texts with the changes of the commands so far.
func (p *alterPlan) currentTexts() []catalog.Text {
	if p.texts != nil {
		return *p.texts
	}
	return p.tbl.Texts
}

// dropConstraint translates DROP CONSTRAINT [IF EXISTS] name. TiDB drops each kind with its
// own clause, so the kind comes from the resolver's ConstraintResolver; without one only the
// primary key (<table>_pkey) is recognised.
func (t *translator) dropConstraint(p *alterPlan, cmd *pg_query.AlterTableCmd) error {
	name := cmd.GetName()
	if cmd.GetBehavior() == pg_query.DropBehavior_DROP_CASCADE {
		return pgerror.Unsupported("DROP CONSTRAINT ... CASCADE")
	}
	kind := ""
	if cr, ok := t.ctx.Resolver.(ConstraintResolver); ok {
		var err error
		if kind, err = cr.ConstraintType(p.tbl, name); err != nil {
			return err
		}
	} else if name == makeObjectName(p.tbl.Name, "", "pkey") {
		if kr, ok := t.ctx.Resolver.(KeyResolver); ok {
			pk, err := kr.PrimaryKey(p.tbl.Schema, p.tbl.Name)
			if err != nil {
				return err
			}
			if len(pk) > 0 {
				kind = "p"
			}
		}
	} else {
		return pgerror.Unsupported("DROP CONSTRAINT").
			WithDetail("The catalog cannot tell which kind of constraint " + name + " is.")
	}
	var spec *ast.AlterTableSpec
	switch kind {
	case "":
		if cmd.GetMissingOk() {
			return nil
		}
		return pgerror.Newf(pgerrcode.UndefinedObject, "constraint %q of relation %q does not exist", name, p.tbl.Name)
	case "p":
		spec = &ast.AlterTableSpec{Tp: ast.AlterTableDropPrimaryKey}
	case "u":
		spec = &ast.AlterTableSpec{Tp: ast.AlterTableDropIndex, Name: name}
	case "f":
		spec = &ast.AlterTableSpec{Tp: ast.AlterTableDropForeignKey, Name: name}
		texts := withoutText(p.currentTexts(), catalog.TextDeferral, name)
		p.texts = &texts
	case "c":
		p.hasCheck = true
		spec = &ast.AlterTableSpec{Tp: ast.AlterTableDropCheck, Constraint: &ast.Constraint{Name: name}}
	default:
		return pgerror.Unsupported("DROP CONSTRAINT of kind " + kind)
	}
	p.specs = append(p.specs, spec)
	return nil
}

// ownerOnly reports whether every command of an ALTER TABLE is OWNER TO.
func ownerOnly(cmds []*pg_query.Node) bool {
	for _, c := range cmds {
		if c.GetAlterTableCmd().GetSubtype() != pg_query.AlterTableType_AT_ChangeOwner {
			return false
		}
	}
	return len(cmds) > 0
}

// alterRelationOwner translates ALTER TABLE | VIEW | SEQUENCE r OWNER TO role, which pg_dump
// prints after every relation. pgtidb keeps no owners: every relation belongs to the session
// user (pg_class.relowner is that role), so a change of owner to the session user is true
// without doing anything and is accepted; any other role is refused (checkOwnerRole).
func (t *translator) alterRelationOwner(n *pg_query.AlterTableStmt) (*Statement, error) {
	switch ot := n.GetObjtype(); ot {
	case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_VIEW, pg_query.ObjectType_OBJECT_SEQUENCE:
	default:
		return nil, pgerror.Unsupported("ALTER " + objectTypeName(ot) + " OWNER TO")
	}
	for _, c := range n.GetCmds() {
		if err := t.checkOwnerRole(c.GetAlterTableCmd().GetNewowner()); err != nil {
			return nil, err
		}
	}
	_, tbl, err := t.alterTarget(n.GetRelation(), n.GetMissingOk())
	if err != nil {
		return nil, err
	}
	out, err := t.ddlStatement(doNothing(), "ALTER "+objectTypeName(n.GetObjtype()))
	if err != nil || tbl != nil {
		return out, t.checkRelationKind(tbl, n.GetObjtype(), err)
	}
	out.Notices = []*pgerror.Error{notice(pgerrcode.SuccessfulCompletion, "relation %q does not exist, skipping", rangeVarName(n.GetRelation()))}
	return out, nil
}

// checkRelationKind is PostgreSQL's 42809 when ALTER VIEW names something other than a view,
// or ALTER SEQUENCE something other than a sequence (ALTER TABLE accepts every relation).
func (t *translator) checkRelationKind(tbl *catalog.Table, ot pg_query.ObjectType, err error) error {
	if err != nil {
		return err
	}
	sequence := !tbl.View && len(tbl.Columns) == 0
	switch {
	case ot == pg_query.ObjectType_OBJECT_VIEW && !tbl.View:
		return pgerror.Newf(pgerrcode.WrongObjectType, "%q is not a view", tbl.Name)
	case ot == pg_query.ObjectType_OBJECT_SEQUENCE && !sequence:
		return pgerror.Newf(pgerrcode.WrongObjectType, "%q is not a sequence", tbl.Name)
	}
	return nil
}

// checkOwnerRole accepts the session user as a new owner (by name, CURRENT_USER,
// SESSION_USER or CURRENT_ROLE) and refuses any other role: pgtidb keeps no owners, so it
// could not make another role the owner.
func (t *translator) checkOwnerRole(rs *pg_query.RoleSpec) error {
	switch rs.GetRoletype() {
	case pg_query.RoleSpecType_ROLESPEC_CURRENT_USER, pg_query.RoleSpecType_ROLESPEC_SESSION_USER, pg_query.RoleSpecType_ROLESPEC_CURRENT_ROLE:
		return nil
	case pg_query.RoleSpecType_ROLESPEC_CSTRING:
		if rs.GetRolename() == t.ctx.User {
			return nil
		}
		return pgerror.Unsupported(`OWNER TO a role other than the session user ("` + rs.GetRolename() + `")`).
			WithDetail("pgtidb keeps no owners: every object belongs to the session user.")
	}
	return pgerror.Unsupported("OWNER TO " + strings.TrimPrefix(rs.GetRoletype().String(), "ROLESPEC_"))
}

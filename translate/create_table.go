package translate

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/charset"
	"github.com/pingcap/tidb/pkg/parser/model"
	"github.com/pingcap/tidb/pkg/parser/mysql"
	"github.com/pingcap/tidb/pkg/parser/opcode"
	"github.com/pingcap/tidb/pkg/parser/types"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// KeyResolver is an optional extension of catalog.Resolver: a resolver that also knows the
// primary keys of tables. CREATE TABLE uses it for `REFERENCES t` without a column list,
// which PostgreSQL resolves to t's primary key and TiDB cannot; without it such a reference
// is refused (0A000).
type KeyResolver interface {
	// PrimaryKey returns the primary-key columns of schema.table in key order, or nil when the
	// table has no primary key. An empty schema means the search path, as in LookupTable.
	PrimaryKey(schema, table string) ([]string, error)
}

// pgNameDataLen is PostgreSQL's NAMEDATALEN: identifiers hold at most 63 bytes.
const pgNameDataLen = 64

// tidbMaxIndexLength is TiDB's default max-index-length: the bytes one index key may hold.
const tidbMaxIndexLength = 3072

// columnPlan is one column of a CREATE TABLE as it is being translated.
type columnPlan struct {
	name    string
	pgType  typemap.Type
	notNull bool
	// explicitNull records a NULL constraint, to detect PostgreSQL's NULL/NOT NULL conflict.
	explicitNull bool
	defaultRaw   *pg_query.Node
	defaultExpr  ast.ExprNode
	// generatedRaw is the expression of GENERATED ALWAYS AS (expr) STORED.
	generatedRaw  *pg_query.Node
	generatedExpr ast.ExprNode
	// literalDefault is set when the column has a constant default: TiDB refuses defaults on
	// LONGTEXT/LONGBLOB, so a text column with a default becomes VARCHAR(16383).
	literalDefault bool
	// nextvalDefault is set when the default is nextval() of a sequence (nextvalDefault):
	// PostgreSQL's text of it is derived from TiDB's default, not stored.
	nextvalDefault bool
	// serial is set for SERIAL/BIGSERIAL/SMALLSERIAL; identity is PostgreSQL's attidentity
	// ('a' or 'd') of an identity column, whose sequence options are identityOptions. Both
	// own a sequence, named sequence once createTable has chosen the name (serial.go).
	serial          bool
	identity        byte
	identityOptions []*pg_query.Node
	sequence        string
	// keyChars is the length TiDB's index key budget leaves for a text/bytea column that is part
	// of a key; 0 when it is in no key.
	keyChars int
	ft       *types.FieldType
}

// keyPlan is a PRIMARY KEY or UNIQUE constraint.
type keyPlan struct {
	primary bool
	name    string
	cols    []string
}

// checkPlan is a CHECK constraint.
type checkPlan struct {
	name string
	expr *pg_query.Node
	// text is PostgreSQL's text of the expression (deparseCheck), when known; final is the
	// constraint's name as created.
	text  catalog.Expr
	final string
}

// fkPlan is a FOREIGN KEY constraint.
type fkPlan struct {
	name     string
	cols     []string
	refTable *pg_query.RangeVar
	refCols  []string
	onUpdate string
	onDelete string
	match    string
	// DEFERRABLE and INITIALLY DEFERRED (fk_deferral.go): TiDB checks the key at once either
	// way.
	deferrable, initDeferred bool
}

// tablePlan collects a CREATE TABLE before it is rendered.
type tablePlan struct {
	schema, name, tidbDB string
	cols                 []*columnPlan
	keys                 []*keyPlan
	checks               []*checkPlan
	fks                  []*fkPlan
	// last is the constraint a column's DEFERRABLE / INITIALLY … attribute applies to
	// (PostgreSQL's transformConstraintAttrs): the one added just before it.
	last *pg_query.Constraint
	// lastFK is last's plan when last is a FOREIGN KEY, and the attributes it has seen.
	lastFK                         *fkPlan
	sawDeferrability, sawInitially bool
}

func (p *tablePlan) column(name string) *columnPlan {
	for _, c := range p.cols {
		if c.name == name {
			return c
		}
	}
	return nil
}

// createTable translates CREATE TABLE. Columns get the TiDB types of typemap.TiDBColumnType;
// constraints get the names PostgreSQL would choose (t_pkey, t_a_key, t_a_check, t_a_fkey…) so
// that errors and pg_catalog show PostgreSQL's names; the statement carries a DeclareTable
// change with every column's declared PostgreSQL type.
func (t *translator) createTable(n *pg_query.CreateStmt) (*Statement, error) {
	if err := refuseCreateOptions(n); err != nil {
		return nil, err
	}
	rv := n.GetRelation()
	schema, tidbDB, err := t.creationNamespace(rv)
	if err != nil {
		return nil, err
	}
	p := &tablePlan{schema: schema, name: rv.GetRelname(), tidbDB: tidbDB}
	for _, elt := range n.GetTableElts() {
		switch x := elt.GetNode().(type) {
		case *pg_query.Node_ColumnDef:
			if err := p.addColumn(x.ColumnDef); err != nil {
				return nil, err
			}
		case *pg_query.Node_Constraint:
			if err := p.addConstraint(x.Constraint, ""); err != nil {
				return nil, err
			}
		case *pg_query.Node_TableLikeClause:
			if err := t.addLikeColumns(p, x.TableLikeClause); err != nil {
				return nil, err
			}
		default:
			return nil, pgerror.Unsupported("CREATE TABLE element " + statementName(elt))
		}
	}
	if len(p.cols) == 0 {
		// PostgreSQL allows zero-column tables; TiDB does not.
		return nil, pgerror.Unsupported("tables without columns")
	}
	for _, c := range n.GetConstraints() {
		if err := p.addConstraint(c.GetConstraint(), ""); err != nil {
			return nil, err
		}
	}
	var existing *catalog.Table
	if t.ctx.Resolver != nil {
		if existing, err = t.ctx.Resolver.LookupTable(schema, p.name); err != nil {
			return nil, err
		}
		if existing != nil && existing.Schema == schema && !n.GetIfNotExists() {
			// PostgreSQL reports the name first; TiDB would check the table's foreign keys
			// before noticing and fail with another error.
			return nil, pgerror.Newf(pgerrcode.DuplicateTable, "relation \"%s\" already exists", p.name)
		}
	}
	if existing == nil {
		// TiDB leaves an existing table alone (its defaults are not even resolved): so do
		// its sequences, which are created only with a new table.
		if err := t.chooseSequenceNames(p); err != nil {
			return nil, err
		}
	}
	stmt, err := t.buildCreateTable(p, n.GetIfNotExists())
	if err != nil {
		return nil, err
	}
	if existing != nil {
		// TiDB leaves an existing table alone: so must the shadow catalog.
		return t.ddlStatement(stmt, "CREATE TABLE")
	}
	change := catalog.Change{Op: catalog.DeclareTable, Database: tidbDB, Table: p.name, SetTexts: true}
	for _, c := range p.cols {
		col := catalog.Column{
			Name: c.name, Type: c.pgType, NotNull: c.notNull,
			HasDefault: c.defaultExpr != nil || c.generatedExpr != nil,
			Identity:   c.identity, Sequence: c.sequence,
		}
		if c.defaultRaw != nil && c.sequence == "" && c.generatedRaw == nil && !c.nextvalDefault {
			col.Default, _ = t.deparseDefault(c.defaultRaw, c.pgType)
		}
		change.Columns = append(change.Columns, col)
	}
	for _, ck := range p.checks {
		if ck.text.Stored() {
			change.Texts = append(change.Texts, catalog.Text{Kind: catalog.TextCheck, Name: ck.final, Expr: ck.text})
		}
	}
	change.Texts = deferralTexts(change.Texts, p.fks)
	out, err := t.createTableWithSequences(p, stmt)
	if err != nil {
		return nil, err
	}
	// The owned sequences' records (createTableWithSequences) follow the table's.
	out.Catalog = append([]catalog.Change{change}, out.Catalog...)
	return out, nil
}

// refuseCreateOptions rejects the CREATE TABLE clauses that have no TiDB equivalent.
func refuseCreateOptions(n *pg_query.CreateStmt) error {
	switch {
	case len(n.GetInhRelations()) > 0:
		return pgerror.Unsupported("INHERITS")
	case n.GetPartspec() != nil:
		return pgerror.Unsupported("PARTITION BY")
	case n.GetPartbound() != nil:
		return pgerror.Unsupported("PARTITION OF")
	case n.GetOfTypename() != nil:
		return pgerror.Unsupported("CREATE TABLE OF type")
	case len(n.GetOptions()) > 0:
		return pgerror.Unsupported("table storage parameters (WITH ...)")
	case n.GetTablespacename() != "":
		return pgerror.Unsupported("TABLESPACE")
	case n.GetAccessMethod() != "" && n.GetAccessMethod() != "heap":
		return pgerror.Unsupported("table access method " + n.GetAccessMethod())
	case n.GetRelation().GetRelpersistence() == "t":
		// TiDB's local temporary tables have no foreign keys and the shadow catalog is shared
		// by every session: a session-private table cannot be declared there yet.
		return pgerror.Unsupported("TEMPORARY tables")
	case n.GetOncommit() != pg_query.OnCommitAction_ONCOMMIT_NOOP &&
		n.GetOncommit() != pg_query.OnCommitAction_ON_COMMIT_ACTION_UNDEFINED:
		return pgerror.Unsupported("ON COMMIT")
	}
	// UNLOGGED ('u') only waives crash safety; a TiDB table is always logged, which keeps
	// every guarantee an unlogged table has.
	return nil
}

// creationNamespace returns the PostgreSQL schema and the TiDB database a new relation named
// by rv goes to: an unqualified name goes to public, the first schema of the default search
// path.
func (t *translator) creationNamespace(rv *pg_query.RangeVar) (schema, tidbDB string, err error) {
	if rv == nil {
		return "", "", pgerror.New(pgerrcode.SyntaxError, "missing relation name")
	}
	if db := rv.GetCatalogname(); db != "" && db != t.ctx.Database {
		return "", "", pgerror.Newf(pgerrcode.FeatureNotSupported,
			"cross-database references are not implemented: %s.%s.%s", db, rv.GetSchemaname(), rv.GetRelname())
	}
	if rv.GetSchemaname() == "" {
		if schema, err = t.searchPathCreationSchema(); err != nil {
			return "", "", err
		}
	} else if schema, err = t.schemaName(rv.GetSchemaname()); err != nil {
		return "", "", err
	}
	return schema, catalog.TiDBDatabase(t.ctx.Database, schema), nil
}

// searchPathCreationSchema is PostgreSQL's creation namespace for an unqualified name: the
// first schema of the session's search_path that exists ("$user" is the session user's
// schema; pg_catalog and pg_temp are skipped). Whether a schema exists comes from the
// resolver's SchemaResolver; without one, every named schema is taken to exist (a missing one
// then fails in TiDB) and "$user" is skipped. Without a session (no Setting) it is public.
func (t *translator) searchPathCreationSchema() (string, error) {
	if t.ctx.Setting == nil {
		return catalog.PublicSchema, nil
	}
	path, ok := t.ctx.Setting("search_path")
	if !ok {
		return catalog.PublicSchema, nil
	}
	sr, haveSchemas := t.ctx.Resolver.(SchemaResolver)
	for _, s := range catalog.ParseSearchPath(path) {
		switch {
		case s == "$user":
			if t.ctx.User == "" || !haveSchemas {
				continue
			}
			s = t.ctx.User
		case s == "pg_catalog" || s == "information_schema" || strings.HasPrefix(s, "pg_temp"):
			continue
		}
		if s == catalog.PublicSchema || !haveSchemas {
			return s, nil
		}
		_, exists, err := sr.SchemaIsEmpty(s)
		if err != nil {
			return "", err
		}
		if exists {
			return s, nil
		}
	}
	return "", pgerror.New(pgerrcode.InvalidSchemaName, "no schema has been selected to create in")
}

// schemaName validates a schema named by a DDL statement ("" is public).
func (t *translator) schemaName(schema string) (string, error) {
	if schema == "" {
		return catalog.PublicSchema, nil
	}
	if schema == "pg_catalog" || schema == "information_schema" || schema == "pg_toast" ||
		strings.HasPrefix(schema, "pg_temp") {
		return "", pgerror.Newf(pgerrcode.InsufficientPrivilege, "permission denied for schema %s", schema)
	}
	return schema, nil
}

// addColumn records a column definition and its column constraints.
func (p *tablePlan) addColumn(cd *pg_query.ColumnDef) error {
	name := cd.GetColname()
	if p.column(name) != nil {
		return pgerror.Newf(pgerrcode.DuplicateColumn, "column %q specified more than once", name)
	}
	pgType, serial, err := columnTypeName(cd.GetTypeName())
	if err != nil {
		return err
	}
	c := &columnPlan{name: name, pgType: pgType, notNull: cd.GetIsNotNull() || serial, serial: serial}
	if cc := cd.GetCollClause(); cc != nil {
		if err := checkCollation(cc, pgType); err != nil {
			return err
		}
	}
	if cd.GetRawDefault() != nil {
		c.defaultRaw = cd.GetRawDefault()
	}
	p.cols = append(p.cols, c)
	for _, cn := range cd.GetConstraints() {
		if err := p.addConstraint(cn.GetConstraint(), name); err != nil {
			return err
		}
	}
	return nil
}

// addLikeColumns copies the columns of LIKE t: names, types and NOT NULL, which is all
// PostgreSQL copies without INCLUDING options.
func (t *translator) addLikeColumns(p *tablePlan, like *pg_query.TableLikeClause) error {
	if like.GetOptions() != 0 {
		return pgerror.Unsupported("LIKE ... INCLUDING")
	}
	_, src, err := t.table(like.GetRelation())
	if err != nil {
		return err
	}
	for _, sc := range src.Columns {
		if p.column(sc.Name) != nil {
			return pgerror.Newf(pgerrcode.DuplicateColumn, "column %q specified more than once", sc.Name)
		}
		p.cols = append(p.cols, &columnPlan{name: sc.Name, pgType: sc.Type, notNull: sc.NotNull})
	}
	return nil
}

// checkCollation accepts the collations that compare like TiDB's binary collations: C, POSIX
// and the database default (pgtidb's databases are C-locale).
func checkCollation(cc *pg_query.CollateClause, ty typemap.Type) error {
	var names []string
	for _, n := range cc.GetCollname() {
		names = append(names, n.GetString_().GetSval())
	}
	if len(names) == 0 || len(names) > 2 {
		return pgerror.New(pgerrcode.SyntaxError, "improper collation name")
	}
	name := names[len(names)-1]
	if len(names) == 2 && names[0] != "pg_catalog" {
		return pgerror.Newf(pgerrcode.UndefinedObject, "collation %q does not exist", strings.Join(names, "."))
	}
	switch ty.OID {
	case typemap.Text, typemap.Varchar, typemap.BPChar:
	default:
		return pgerror.Newf(pgerrcode.DatatypeMismatch, "collations are not supported by type %s", sqlTypeName(ty))
	}
	switch name {
	case "C", "POSIX", "default", "ucs_basic":
		return nil
	}
	return pgerror.Unsupported("collation " + `"` + name + `"`).
		WithHint(`pgtidb compares strings byte-wise, as collation "C" does.`)
}

// addConstraint records a column constraint (col != "") or a table constraint.
func (p *tablePlan) addConstraint(cn *pg_query.Constraint, col string) error {
	if cn == nil {
		return pgerror.New(pgerrcode.InternalError, "missing constraint")
	}
	switch cn.GetContype() {
	case pg_query.ConstrType_CONSTR_ATTR_DEFERRABLE, pg_query.ConstrType_CONSTR_ATTR_NOT_DEFERRABLE,
		pg_query.ConstrType_CONSTR_ATTR_DEFERRED, pg_query.ConstrType_CONSTR_ATTR_IMMEDIATE:
		return p.constraintAttribute(cn) // fk_deferral.go
	case pg_query.ConstrType_CONSTR_FOREIGN:
	default:
		if cn.GetDeferrable() || cn.GetInitdeferred() {
			return refuseDeferrable(cn)
		}
	}
	p.last, p.lastFK, p.sawDeferrability, p.sawInitially = cn, nil, false, false
	if cn.GetIsNoInherit() {
		return pgerror.Unsupported("NO INHERIT")
	}
	var c *columnPlan
	if col != "" {
		c = p.column(col)
	}
	switch cn.GetContype() {
	case pg_query.ConstrType_CONSTR_NULL, pg_query.ConstrType_CONSTR_NOTNULL, pg_query.ConstrType_CONSTR_DEFAULT,
		pg_query.ConstrType_CONSTR_GENERATED, pg_query.ConstrType_CONSTR_IDENTITY:
		if c == nil {
			return pgerror.Unsupported("table constraint " + cn.GetContype().String())
		}
	}
	switch cn.GetContype() {
	case pg_query.ConstrType_CONSTR_NULL:
		if c.notNull {
			return conflictingNull(col, p.name)
		}
		c.explicitNull = true
	case pg_query.ConstrType_CONSTR_NOTNULL:
		if c.explicitNull {
			return conflictingNull(col, p.name)
		}
		c.notNull = true
	case pg_query.ConstrType_CONSTR_DEFAULT:
		if c.identity != 0 {
			return pgerror.Newf(pgerrcode.SyntaxError,
				"both default and identity specified for column %q of table %q", col, p.name)
		}
		if c.defaultRaw != nil || c.serial {
			return pgerror.Newf(pgerrcode.SyntaxError,
				"multiple default values specified for column %q of table %q", col, p.name)
		}
		c.defaultRaw = cn.GetRawExpr()
	case pg_query.ConstrType_CONSTR_CHECK:
		if cn.GetSkipValidation() {
			return pgerror.Unsupported("NOT VALID")
		}
		p.checks = append(p.checks, &checkPlan{name: cn.GetConname(), expr: cn.GetRawExpr()})
	case pg_query.ConstrType_CONSTR_PRIMARY, pg_query.ConstrType_CONSTR_UNIQUE:
		if cn.GetNullsNotDistinct() {
			return pgerror.Unsupported("UNIQUE NULLS NOT DISTINCT")
		}
		if len(cn.GetIncluding()) > 0 {
			return pgerror.Unsupported("INCLUDE columns")
		}
		if len(cn.GetOptions()) > 0 || cn.GetIndexspace() != "" || cn.GetIndexname() != "" {
			return pgerror.Unsupported("index parameters of a " + constraintWord(cn) + " constraint")
		}
		k := &keyPlan{primary: cn.GetContype() == pg_query.ConstrType_CONSTR_PRIMARY, name: cn.GetConname()}
		if col != "" {
			k.cols = []string{col}
		} else {
			k.cols = stringList(cn.GetKeys())
		}
		if k.primary {
			for _, other := range p.keys {
				if other.primary {
					return pgerror.Newf(pgerrcode.InvalidTableDefinition,
						"multiple primary keys for table %q are not allowed", p.name)
				}
			}
		}
		p.keys = append(p.keys, k)
	case pg_query.ConstrType_CONSTR_FOREIGN:
		fk := &fkPlan{
			name: cn.GetConname(), refTable: cn.GetPktable(), refCols: stringList(cn.GetPkAttrs()),
			onUpdate: cn.GetFkUpdAction(), onDelete: cn.GetFkDelAction(), match: cn.GetFkMatchtype(),
		}
		if col != "" {
			fk.cols = []string{col}
		} else {
			fk.cols = stringList(cn.GetFkAttrs())
		}
		if len(cn.GetFkDelSetCols()) > 0 {
			return pgerror.Unsupported("ON DELETE SET NULL/SET DEFAULT with a column list")
		}
		fk.deferrable, fk.initDeferred = cn.GetDeferrable() || cn.GetInitdeferred(), cn.GetInitdeferred()
		p.fks = append(p.fks, fk)
		p.lastFK = fk
	case pg_query.ConstrType_CONSTR_IDENTITY:
		return c.addIdentity(cn, p.name)
	case pg_query.ConstrType_CONSTR_GENERATED:
		if c.generatedRaw != nil {
			return pgerror.Newf(pgerrcode.SyntaxError,
				"multiple generation clauses specified for column %q of table %q", col, p.name)
		}
		c.generatedRaw = cn.GetRawExpr()
	case pg_query.ConstrType_CONSTR_EXCLUSION:
		return pgerror.Unsupported("EXCLUDE constraints")
	default:
		return pgerror.Unsupported("constraint type " + cn.GetContype().String())
	}
	return nil
}

func constraintWord(cn *pg_query.Constraint) string {
	if cn.GetContype() == pg_query.ConstrType_CONSTR_PRIMARY {
		return "PRIMARY KEY"
	}
	return "UNIQUE"
}

func conflictingNull(col, table string) error {
	return pgerror.Newf(pgerrcode.SyntaxError,
		"conflicting NULL/NOT NULL declarations for column %q of table %q", col, table)
}

// stringList returns the values of a list of String nodes.
func stringList(nodes []*pg_query.Node) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, n.GetString_().GetSval())
	}
	return out
}

// buildCreateTable resolves names, types and expressions of p into TiDB's CREATE TABLE.
func (t *translator) buildCreateTable(p *tablePlan, ifNotExists bool) (*ast.CreateTableStmt, error) {
	stmt := &ast.CreateTableStmt{
		IfNotExists: ifNotExists,
		Table:       &ast.TableName{Schema: cistr(p.tidbDB), Name: cistr(p.name)},
	}
	keys, err := p.resolveKeys()
	if err != nil {
		return nil, err
	}
	for _, c := range p.cols {
		if c.defaultRaw != nil && c.generatedRaw != nil {
			return nil, pgerror.Newf(pgerrcode.SyntaxError,
				"both default and generation expression specified for column %q of table %q", c.name, p.name)
		}
		if c.defaultRaw != nil {
			if c.defaultExpr, err = t.columnDefault(c); err != nil {
				return nil, err
			}
		}
		if c.sequence != "" {
			c.defaultExpr = nextvalCall(p.tidbDB, c.sequence)
		}
	}
	if err := t.generatedColumns(p); err != nil {
		return nil, err
	}
	fkRefs, err := t.resolveForeignKeys(p, keys)
	if err != nil {
		return nil, err
	}
	if err := p.planColumnTypes(keys); err != nil {
		return nil, err
	}
	for _, c := range p.cols {
		def := &ast.ColumnDef{Name: &ast.ColumnName{Name: cistr(c.name)}, Tp: c.ft}
		if c.notNull {
			def.Options = append(def.Options, &ast.ColumnOption{Tp: ast.ColumnOptionNotNull})
		}
		if c.defaultExpr != nil {
			def.Options = append(def.Options, &ast.ColumnOption{Tp: ast.ColumnOptionDefaultValue, Expr: c.defaultExpr})
		}
		if c.generatedExpr != nil {
			def.Options = append(def.Options, &ast.ColumnOption{Tp: ast.ColumnOptionGenerated, Expr: c.generatedExpr, Stored: true})
		}
		stmt.Cols = append(stmt.Cols, def)
	}

	// Names, in the order PostgreSQL creates the objects: CHECK constraints with the table,
	// then the primary key and unique indexes, then the foreign keys.
	usedConstraints := map[string]bool{}
	checks, err := t.checkConstraints(p, usedConstraints)
	if err != nil {
		return nil, err
	}
	// An index behind a constraint avoids relation and constraint names (ChooseRelationName
	// with isconstraint).
	usedRelations := map[string]bool{p.name: true}
	usedEither := map[string]bool{p.name: true}
	for name := range usedConstraints {
		usedEither[name] = true
	}
	for _, k := range keys {
		if k.name == "" {
			if k.primary {
				k.name = chooseName(p.name, "", "pkey", usedEither)
			} else {
				k.name = chooseName(p.name, indexNameAddition(k.cols), "key", usedEither)
			}
		} else if usedRelations[k.name] {
			return nil, pgerror.Newf(pgerrcode.DuplicateTable, "relation %q already exists", k.name)
		}
		usedRelations[k.name] = true
		usedConstraints[k.name] = true
		usedEither[k.name] = true
		c := &ast.Constraint{Tp: ast.ConstraintUniq, Name: k.name, Keys: indexColumns(k.cols)}
		if k.primary {
			c = &ast.Constraint{Tp: ast.ConstraintPrimaryKey, Keys: indexColumns(k.cols)}
		}
		stmt.Constraints = append(stmt.Constraints, c)
	}
	stmt.Constraints = append(stmt.Constraints, checks...)
	for _, c := range p.cols {
		if c.pgType.OID == typemap.JSON {
			// json is kept verbatim as text, as PostgreSQL keeps it; this check makes TiDB
			// refuse text that is not JSON, as json's input function does. It is pgtidb's
			// own constraint, not one PostgreSQL would list.
			stmt.Constraints = append(stmt.Constraints, &ast.Constraint{
				Tp: ast.ConstraintCheck, Name: makeObjectName(p.name, c.name, "json_check"), Enforced: true,
				Expr: &ast.FuncCallExpr{FnName: cistr("JSON_VALID"), Args: []ast.ExprNode{
					&ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(c.name)}},
				}},
			})
		}
	}
	for i, fk := range p.fks {
		if fk.name == "" {
			fk.name = chooseName(p.name, indexNameAddition(fk.cols), "fkey", usedConstraints)
		} else if usedConstraints[fk.name] {
			return nil, pgerror.Newf(pgerrcode.DuplicateObject,
				"constraint %q for relation %q already exists", fk.name, p.name)
		}
		usedConstraints[fk.name] = true
		refer := fkRefs[i]
		stmt.Constraints = append(stmt.Constraints, &ast.Constraint{
			Tp: ast.ConstraintForeignKey, Name: fk.name, Keys: indexColumns(fk.cols), Refer: refer,
		})
	}
	return stmt, nil
}

// generatedColumns translates GENERATED ALWAYS AS (expr) STORED into TiDB's stored generated
// columns, with PostgreSQL's rules: no subqueries, no reference to another generated column,
// and the expression's value assigned to the column's type.
func (t *translator) generatedColumns(p *tablePlan) error {
	var sc *scope
	for _, c := range p.cols {
		if c.generatedRaw == nil {
			continue
		}
		if sc == nil {
			tbl := &catalog.Table{Schema: p.schema, Name: p.name, Database: p.tidbDB}
			for _, c := range p.cols {
				tbl.Columns = append(tbl.Columns, catalog.Column{Name: c.name, Type: c.pgType, NotNull: c.notNull})
			}
			sc = newTableScope("", tbl)
		}
		e, ty, err := t.expr(c.generatedRaw, sc)
		if err != nil {
			return err
		}
		if len(t.paramTypes) > 0 {
			return pgerror.New(pgerrcode.UndefinedParameter, "there is no parameter $1")
		}
		if hasSubquery(e) {
			return pgerror.New(pgerrcode.FeatureNotSupported, "cannot use subquery in column generation expression")
		}
		for _, ref := range referencedColumns(e) {
			if other := p.column(ref); other != nil && other.generatedRaw != nil {
				return pgerror.Newf(pgerrcode.InvalidObjectDefinition,
					"cannot use generated column %q in column generation expression", ref).
					WithDetail("A generated column cannot reference another generated column.")
			}
		}
		if isUnknown(ty) {
			if e, _, err = t.coerce(e, ty, c.pgType); err != nil {
				return err
			}
		} else if !tidbAssignsAlike(ty, c.pgType) {
			if err := checkDefaultAssignable(ty, c); err != nil {
				return err
			}
			to := c.pgType
			if isString(to) {
				to = typemap.Of(to.OID)
			}
			if e, err = t.convert(e, ty, to); err != nil {
				return err
			}
		}
		c.generatedExpr = e
	}
	return nil
}

// resolveKeys checks the key columns, marks primary-key columns NOT NULL and drops key
// specifications PostgreSQL would merge: a UNIQUE on the primary key's columns, or a repeated
// UNIQUE (the first name given wins, as in transformIndexConstraints). The primary key comes
// first, as PostgreSQL creates it first.
func (p *tablePlan) resolveKeys() ([]*keyPlan, error) {
	var out []*keyPlan
	for _, k := range p.keys {
		if k.primary {
			out = append(out, k)
		}
	}
	for _, k := range p.keys {
		if !k.primary {
			out = append(out, k)
		}
	}
	var final []*keyPlan
	for _, k := range out {
		seen := map[string]bool{}
		for _, col := range k.cols {
			c := p.column(col)
			if c == nil {
				return nil, pgerror.Newf(pgerrcode.UndefinedColumn, "column %q named in key does not exist", col)
			}
			if seen[col] {
				return nil, pgerror.Newf(pgerrcode.DuplicateColumn, "column %q appears twice in %s constraint",
					col, map[bool]string{true: "primary key", false: "unique"}[k.primary])
			}
			seen[col] = true
			if k.primary {
				c.notNull = true
			}
			switch c.pgType.OID {
			case typemap.JSON:
				return nil, pgerror.Newf(pgerrcode.UndefinedObject,
					`data type json has no default operator class for access method "btree"`).
					WithHint("You must specify an operator class for the index or define a default operator class for the data type.")
			case typemap.JSONB:
				return nil, pgerror.Unsupported("jsonb columns in a PRIMARY KEY or UNIQUE constraint")
			}
		}
		dup := false
		for _, prior := range final {
			if equalStrings(prior.cols, k.cols) {
				if prior.name == "" && !prior.primary {
					prior.name = k.name
				}
				dup = true
				break
			}
		}
		if !dup {
			final = append(final, k)
		}
	}
	return final, nil
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// planColumnTypes picks every column's TiDB type. Text and bytea columns map to LONGTEXT and
// LONGBLOB, which TiDB can neither index without a prefix (a prefix would change what a
// PRIMARY KEY, UNIQUE or FOREIGN KEY means) nor give a default; such columns become VARCHAR
// / VARBINARY: in a key, as long as TiDB's 3072-byte key budget allows once the key's other
// columns are counted; with a default, 16383 characters. Longer values then fail with 22001
// where PostgreSQL (whose btree entries are limited to about 2700 bytes anyway) stores them.
func (p *tablePlan) planColumnTypes(keys []*keyPlan) error {
	for _, c := range p.cols {
		ft, err := typemap.TiDBColumnType(c.pgType)
		if err != nil {
			return err
		}
		c.ft = ft
	}
	budget := func(cols []string) {
		parts := make([]keyPart, len(cols))
		for i, name := range cols {
			parts[i] = keyPartOf(p.column(name).ft)
		}
		for i, chars := range keyShares(parts) {
			c := p.column(cols[i])
			if chars > 0 && (c.keyChars == 0 || chars < c.keyChars) {
				c.keyChars = chars
			}
		}
	}
	for _, k := range keys {
		budget(k.cols)
	}
	for _, fk := range p.fks {
		budget(fk.cols)
	}
	for _, c := range p.cols {
		if c.ft.GetType() == mysql.TypeVarchar && c.keyChars > 0 && c.keyChars < c.ft.GetFlen() {
			c.ft.SetFlen(c.keyChars)
			continue
		}
		if !isLOB(c.ft) {
			continue
		}
		chars := c.keyChars
		if chars == 0 && c.literalDefault {
			chars = typemap.MaxVarcharChars
			if c.pgType.OID == typemap.Bytea {
				chars = mysql.MaxFieldVarCharLength
			}
		}
		if chars == 0 {
			continue
		}
		if c.pgType.OID == typemap.JSON {
			// json is stored verbatim in LONGTEXT; a default makes it VARCHAR like text.
			c.ft, _ = typemap.KeyStringType(typemap.Of(typemap.Text), chars)
			continue
		}
		if ft, ok := typemap.KeyStringType(c.pgType, chars); ok {
			c.ft = ft
		}
	}
	return nil
}

// keyPart is one column of an index key as the key budget sees it.
type keyPart struct {
	// bytes is what the column takes in the key; -1 for LONGTEXT/LONGBLOB (unbounded).
	bytes int
	// perChar is the bytes of one character (1 for binary strings); 0 for types whose key
	// length cannot be reduced.
	perChar int
}

// keyPartOf describes a TiDB column type for keyShares.
func keyPartOf(ft *types.FieldType) keyPart {
	per := 4
	if ft.GetCharset() == "binary" {
		per = 1
	} else if cs, err := charset.GetCharsetInfo(ft.GetCharset()); err == nil {
		per = cs.Maxlen
	}
	switch {
	case isLOB(ft):
		return keyPart{bytes: -1, perChar: per}
	case ft.GetType() == mysql.TypeVarchar:
		return keyPart{bytes: keyBytes(ft), perChar: per}
	}
	return keyPart{bytes: keyBytes(ft)}
}

// keyShares fits a key into TiDB's 3072-byte budget: fixed-size columns keep their size, and
// the string columns share the rest, the shortest first (water-filling). It returns, for each
// string column that must be cut, the characters it may keep; 0 where the column fits whole.
func keyShares(parts []keyPart) []int {
	out := make([]int, len(parts))
	remaining := tidbMaxIndexLength
	var flexible []int
	for i, p := range parts {
		if p.perChar == 0 {
			remaining -= p.bytes
		} else {
			flexible = append(flexible, i)
		}
	}
	// Shortest needs first; unbounded (-1) ones last.
	sort.SliceStable(flexible, func(a, b int) bool {
		na, nb := parts[flexible[a]].bytes, parts[flexible[b]].bytes
		if na < 0 || nb < 0 {
			return nb < 0 && na >= 0
		}
		return na < nb
	})
	for k, i := range flexible {
		share := remaining / (len(flexible) - k)
		if share < 0 {
			share = 0
		}
		p := parts[i]
		if p.bytes >= 0 && p.bytes <= share {
			remaining -= p.bytes
			continue
		}
		chars := share / p.perChar
		if chars < 1 {
			chars = 1
		}
		out[i] = chars
		remaining -= chars * p.perChar
	}
	return out
}

// isLOB reports whether a TiDB column type is LONGTEXT/LONGBLOB.
func isLOB(ft *types.FieldType) bool { return ft.GetType() == mysql.TypeLongBlob }

// keyBytes is the bytes a column takes in a TiDB index key, as TiDB's getIndexColumnLength
// counts them.
func keyBytes(ft *types.FieldType) int {
	switch ft.GetType() {
	case mysql.TypeVarchar, mysql.TypeString:
		per := 1
		if cs, err := charset.GetCharsetInfo(ft.GetCharset()); err == nil {
			per = cs.Maxlen
		}
		return per * ft.GetFlen()
	case mysql.TypeNewDecimal:
		m := ft.GetFlen()
		return m/9*4 + ((m%9)+1)/2
	}
	return mysql.DefaultLengthOfMysqlTypes[ft.GetType()]
}

// checkConstraints translates the CHECK constraints with PostgreSQL's names: an unnamed check
// is table_col_check when its expression uses exactly one column, table_check otherwise,
// numbered on collision.
func (t *translator) checkConstraints(p *tablePlan, used map[string]bool) ([]*ast.Constraint, error) {
	tbl := &catalog.Table{Schema: p.schema, Name: p.name, Database: p.tidbDB}
	for _, c := range p.cols {
		tbl.Columns = append(tbl.Columns, catalog.Column{Name: c.name, Type: c.pgType, NotNull: c.notNull})
	}
	sc := newTableScope("", tbl)
	var out []*ast.Constraint
	for _, ck := range p.checks {
		e, ty, err := t.expr(ck.expr, sc)
		if err != nil {
			return nil, err
		}
		if hasSubquery(e) {
			return nil, pgerror.New(pgerrcode.FeatureNotSupported, "cannot use subquery in check constraint")
		}
		if e, ty, err = t.coerce(e, ty, typemap.Of(typemap.Bool)); err != nil {
			return nil, err
		}
		if ty.OID != typemap.Bool {
			return nil, pgerror.Newf(pgerrcode.DatatypeMismatch,
				"argument of CHECK must be type boolean, not type %s", sqlTypeName(ty))
		}
		if _, ok := e.(*ast.ColumnNameExpr); ok {
			// TiDB wants a boolean-typed expression, and a bool column is TINYINT(1).
			e = binop(opcode.NE, e, intLit(0))
		}
		name := ck.name
		if name == "" {
			cols := referencedColumns(e)
			col := ""
			if len(cols) == 1 {
				col = cols[0]
			}
			name = chooseName(p.name, col, "check", used)
		} else if used[name] {
			return nil, pgerror.Newf(pgerrcode.DuplicateObject, "check constraint %q already exists", name)
		}
		used[name] = true
		ck.final = name
		ck.text, _ = t.deparseCheck(ck.expr, tbl)
		out = append(out, &ast.Constraint{Tp: ast.ConstraintCheck, Name: name, Expr: e, Enforced: true})
	}
	return out, nil
}

// hasSubquery reports whether a TiDB expression contains a subquery.
func hasSubquery(e ast.ExprNode) bool {
	v := &subqueryFinder{}
	e.Accept(v)
	return v.found
}

type subqueryFinder struct{ found bool }

func (v *subqueryFinder) Enter(n ast.Node) (ast.Node, bool) {
	if _, ok := n.(*ast.SubqueryExpr); ok {
		v.found = true
		return n, true
	}
	return n, false
}

func (v *subqueryFinder) Leave(n ast.Node) (ast.Node, bool) { return n, true }

// referencedColumns lists the distinct column names a TiDB expression uses.
func referencedColumns(e ast.ExprNode) []string {
	v := &columnCollector{seen: map[string]bool{}}
	e.Accept(v)
	return v.cols
}

type columnCollector struct {
	seen map[string]bool
	cols []string
}

func (v *columnCollector) Enter(n ast.Node) (ast.Node, bool) {
	if c, ok := n.(*ast.ColumnNameExpr); ok && !v.seen[c.Name.Name.L] {
		v.seen[c.Name.Name.L] = true
		v.cols = append(v.cols, c.Name.Name.O)
	}
	return n, false
}

func (v *columnCollector) Leave(n ast.Node) (ast.Node, bool) { return n, true }

// resolveForeignKeys builds the REFERENCES clause of every foreign key.
func (t *translator) resolveForeignKeys(p *tablePlan, keys []*keyPlan) ([]*ast.ReferenceDef, error) {
	var out []*ast.ReferenceDef
	for _, fk := range p.fks {
		for _, col := range fk.cols {
			c := p.column(col)
			if c == nil {
				return nil, pgerror.Newf(pgerrcode.UndefinedColumn,
					"column %q referenced in foreign key constraint does not exist", col)
			}
			if c.pgType.OID == typemap.JSON || c.pgType.OID == typemap.JSONB {
				return nil, pgerror.Unsupported("json and jsonb columns in a FOREIGN KEY constraint")
			}
		}
		var refName *ast.TableName
		refCols := fk.refCols
		rv := fk.refTable
		self := rv.GetRelname() == p.name && (rv.GetSchemaname() == "" || rv.GetSchemaname() == p.schema)
		if self {
			refName = &ast.TableName{Schema: cistr(p.tidbDB), Name: cistr(p.name)}
			if len(refCols) == 0 {
				for _, k := range keys {
					if k.primary {
						refCols = k.cols
					}
				}
			}
			for _, rc := range refCols {
				if p.column(rc) == nil {
					return nil, pgerror.Newf(pgerrcode.UndefinedColumn,
						"column %q referenced in foreign key constraint does not exist", rc)
				}
			}
		} else {
			name, tbl, err := t.table(rv)
			if err != nil {
				return nil, err
			}
			if tbl.View {
				return nil, pgerror.Newf(pgerrcode.WrongObjectType, "referenced relation %q is not a table", tbl.Name)
			}
			refName = name
			if len(refCols) == 0 {
				kr, ok := t.ctx.Resolver.(KeyResolver)
				if !ok {
					return nil, pgerror.Unsupported("REFERENCES without a column list").
						WithHint("Name the referenced columns: REFERENCES " + tbl.Name + " (col).")
				}
				if refCols, err = kr.PrimaryKey(rv.GetSchemaname(), rv.GetRelname()); err != nil {
					return nil, err
				}
			}
			for _, rc := range refCols {
				if tbl.Column(rc) == nil {
					return nil, pgerror.Newf(pgerrcode.UndefinedColumn,
						"column %q referenced in foreign key constraint does not exist", rc)
				}
			}
		}
		if len(refCols) == 0 {
			return nil, pgerror.Newf(pgerrcode.InvalidForeignKey,
				"there is no primary key for referenced table %q", rv.GetRelname())
		}
		if len(refCols) != len(fk.cols) {
			return nil, pgerror.New(pgerrcode.InvalidForeignKey,
				"number of referencing and referenced columns for foreign key disagree")
		}
		switch fk.match {
		case "", "s":
		case "f":
			return nil, pgerror.Unsupported("MATCH FULL")
		default:
			return nil, pgerror.New(pgerrcode.FeatureNotSupported, "MATCH PARTIAL not yet implemented")
		}
		onDelete, err := referOption(fk.onDelete, "ON DELETE")
		if err != nil {
			return nil, err
		}
		onUpdate, err := referOption(fk.onUpdate, "ON UPDATE")
		if err != nil {
			return nil, err
		}
		out = append(out, &ast.ReferenceDef{
			Table:                   refName,
			IndexPartSpecifications: indexColumns(refCols),
			OnDelete:                &ast.OnDeleteOpt{ReferOpt: onDelete},
			OnUpdate:                &ast.OnUpdateOpt{ReferOpt: onUpdate},
		})
	}
	return out, nil
}

// referOption maps a PostgreSQL referential action. NO ACTION is TiDB's default (checked per
// row, where PostgreSQL checks at the end of the statement — a difference that only turns a
// success into an error); SET DEFAULT acts as RESTRICT on TiDB, so it is refused.
func referOption(action, clause string) (model.ReferOptionType, error) {
	switch action {
	case "", "a":
		return model.ReferOptionNoOption, nil
	case "r":
		return model.ReferOptionRestrict, nil
	case "c":
		return model.ReferOptionCascade, nil
	case "n":
		return model.ReferOptionSetNull, nil
	case "d":
		return 0, pgerror.Unsupported(clause + " SET DEFAULT").
			WithDetail("TiDB accepts SET DEFAULT but acts as RESTRICT.")
	}
	return 0, pgerror.Unsupported(clause + " action " + action)
}

// indexColumns builds TiDB key parts for plain columns.
func indexColumns(cols []string) []*ast.IndexPartSpecification {
	var out []*ast.IndexPartSpecification
	for _, c := range cols {
		out = append(out, &ast.IndexPartSpecification{Column: &ast.ColumnName{Name: cistr(c)}, Length: types.UnspecifiedLength})
	}
	return out
}

// columnDefault translates a column's DEFAULT. TiDB accepts only constants, the current
// date/time (with the column's own precision) and a handful of functions as defaults, so the
// PostgreSQL expression must come out as one of those; anything else is refused. A NULL
// default is no default (as PostgreSQL stores none) and comes back nil.
func (t *translator) columnDefault(c *columnPlan) (ast.ExprNode, error) {
	if e, ok, err := timeDefault(c.defaultRaw, c.pgType); ok || err != nil {
		return e, err
	}
	if e, ok, err := t.nextvalDefault(c); ok || err != nil {
		return e, err
	}
	e, ty, err := t.expr(c.defaultRaw, nil)
	if err != nil {
		return nil, err
	}
	if len(t.paramTypes) > 0 {
		return nil, pgerror.New(pgerrcode.UndefinedParameter, "there is no parameter $1")
	}
	refuse := func() error {
		return pgerror.Unsupported("DEFAULT expression for column " + `"` + c.name + `"`).
			WithHint("TiDB accepts only constants and the current date/time as column defaults.")
	}
	if isUnknown(ty) {
		if e, _, err = t.coerce(e, ty, c.pgType); err != nil {
			return nil, err
		}
	} else if !tidbAssignsAlike(ty, c.pgType) {
		if err := checkDefaultAssignable(ty, c); err != nil {
			return nil, err
		}
		// A typed constant that needs PostgreSQL's conversion: TiDB would convert it its own
		// way at DDL time.
		return nil, refuse()
	}
	if cast, ok := e.(*ast.FuncCastExpr); ok {
		if _, isValue := cast.Expr.(ast.ValueExpr); !isValue {
			return nil, refuse()
		}
		if c.pgType.OID == typemap.JSONB {
			return jsonbDefault(cast.Expr, refuse)
		}
		e = cast.Expr
	}
	switch x := e.(type) {
	case ast.ValueExpr:
		if isNullLit(x) {
			return nil, nil
		}
		if c.pgType.OID == typemap.JSONB {
			return jsonbDefault(x, refuse)
		}
		c.literalDefault = true
		return x, nil
	case *ast.UnaryOperationExpr:
		if _, isValue := x.V.(ast.ValueExpr); isValue {
			c.literalDefault = true
			return x, nil
		}
	}
	return nil, refuse()
}

// nextvalDefault translates DEFAULT nextval('s') (pg_dump prints nextval('public.s'::regclass))
// of any sequence into TiDB's DEFAULT NEXTVAL(`db`.`s`); ok is false for other defaults.
// TiDB's default names the sequence, and the catalog reads what a column draws from off it
// (catalog.Column.DefaultSequence) for INSERT … RETURNING, ON CONFLICT and lastval(); the text
// PostgreSQL prints is derived from it too, as for SERIAL. TiDB takes such defaults for integer
// columns only and checks neither that s exists nor that it is a sequence: pgtidb does
// (42P01, 42809).
func (t *translator) nextvalDefault(c *columnPlan) (ast.ExprNode, bool, error) {
	fc := c.defaultRaw.GetFuncCall()
	if fc == nil || len(fc.GetArgs()) != 1 || fc.GetAggStar() || fc.GetAggDistinct() || fc.GetOver() != nil {
		return nil, false, nil
	}
	if name, err := funcName(fc); err != nil || name != "nextval" {
		return nil, false, nil
	}
	seq, err := t.sequenceName("nextval", fc.GetArgs()[0], nil)
	if err != nil {
		return nil, true, err
	}
	if t.ctx.Resolver != nil {
		schema, _ := catalog.SchemaOf(t.ctx.Database, seq.db)
		rel, err := t.ctx.Resolver.LookupTable(schema, seq.name)
		switch {
		case err != nil:
			return nil, true, err
		case rel == nil:
			return nil, true, pgerror.Newf(pgerrcode.UndefinedTable, "relation %q does not exist", seq.name)
		case !rel.Sequence:
			return nil, true, pgerror.Newf(pgerrcode.WrongObjectType, "%q is not a sequence", seq.name)
		}
	}
	switch c.pgType.OID {
	case typemap.Int2, typemap.Int4, typemap.Int8:
	default:
		return nil, true, pgerror.Unsupported("DEFAULT nextval() for a column of type " + sqlTypeName(c.pgType)).
			WithDetail("TiDB draws column defaults from sequences for integer columns only.")
	}
	c.nextvalDefault = true
	return nextvalCall(seq.db, seq.name), true, nil
}

// checkDefaultAssignable is checkAssignable with PostgreSQL's wording for DEFAULT and
// generation expressions.
func checkDefaultAssignable(from typemap.Type, c *columnPlan) error {
	if err := checkAssignable(from, &catalog.Column{Name: c.name, Type: c.pgType}); err != nil {
		return pgerror.Newf(pgerrcode.DatatypeMismatch, "column %q is of type %s but default expression is of type %s",
			c.name, sqlTypeName(c.pgType), sqlTypeName(from)).
			WithHint("You will need to rewrite or cast the expression.")
	}
	return nil
}

// jsonbDefault turns the constant '{}' or '[]' into JSON_OBJECT() / JSON_ARRAY(), the only
// way TiDB lets a JSON column have a default.
func jsonbDefault(v ast.ExprNode, refuse func() error) (ast.ExprNode, error) {
	s, ok := literalString(v)
	if !ok {
		return nil, refuse()
	}
	var doc any
	if err := json.Unmarshal([]byte(s), &doc); err != nil {
		return nil, refuse()
	}
	switch d := doc.(type) {
	case map[string]any:
		if len(d) == 0 {
			return &ast.FuncCallExpr{FnName: cistr("JSON_OBJECT")}, nil
		}
	case []any:
		if len(d) == 0 {
			return &ast.FuncCallExpr{FnName: cistr("JSON_ARRAY")}, nil
		}
	}
	return nil, refuse()
}

// timeDefault recognises the current-time defaults (now(), CURRENT_TIMESTAMP, LOCALTIMESTAMP,
// statement_timestamp(), CURRENT_DATE) and gives TiDB's CURRENT_TIMESTAMP with the column's
// precision, or CURDATE() for a date column. ok is false for anything else.
func timeDefault(raw *pg_query.Node, col typemap.Type) (ast.ExprNode, bool, error) {
	var date bool
	precision := -1
	switch x := raw.GetNode().(type) {
	case *pg_query.Node_SqlvalueFunction:
		switch x.SqlvalueFunction.GetOp() {
		case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_DATE:
			date = true
		case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP, pg_query.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP:
		case pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP_N, pg_query.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP_N:
			precision = int(x.SqlvalueFunction.GetTypmod())
		default:
			return nil, false, nil
		}
	case *pg_query.Node_FuncCall:
		fc := x.FuncCall
		names := stringList(fc.GetFuncname())
		if len(names) == 2 && names[0] == "pg_catalog" {
			names = names[1:]
		}
		if len(names) != 1 || len(fc.GetArgs()) > 0 || fc.GetAggStar() || fc.GetOver() != nil {
			return nil, false, nil
		}
		switch names[0] {
		case "now", "transaction_timestamp", "statement_timestamp":
		default:
			return nil, false, nil
		}
	default:
		return nil, false, nil
	}
	refuse := pgerror.Unsupported("this current date/time DEFAULT for a column of type " + sqlTypeName(col))
	switch col.OID {
	case typemap.Date:
		return &ast.FuncCallExpr{FnName: cistr("CURDATE")}, true, nil
	case typemap.Timestamp, typemap.Timestamptz:
		if date {
			return nil, true, refuse
		}
		fsp := typemap.MaxTimePrecision
		if col.Typmod >= 0 && col.Typmod < int32(fsp) {
			fsp = int(col.Typmod)
		}
		if precision >= 0 && precision < fsp {
			// TiDB requires the default's precision to be the column's.
			return nil, true, refuse
		}
		return &ast.FuncCallExpr{FnName: cistr(ast.CurrentTimestamp), Args: []ast.ExprNode{intLit(int64(fsp))}}, true, nil
	}
	return nil, true, refuse
}

// makeObjectName is PostgreSQL's makeObjectName: name1_name2_label, truncating the longer of
// name1 and name2 (at a character boundary) so that the result fits in 63 bytes.
func makeObjectName(name1, name2, label string) string {
	overhead := 0
	n1, n2 := len(name1), len(name2)
	if name2 != "" {
		overhead++
	}
	if label != "" {
		overhead += len(label) + 1
	}
	avail := pgNameDataLen - 1 - overhead
	for n1+n2 > avail {
		if n1 > n2 {
			n1--
		} else {
			n2--
		}
	}
	var b strings.Builder
	b.WriteString(clipUTF8(name1, n1))
	if name2 != "" {
		b.WriteByte('_')
		b.WriteString(clipUTF8(name2, n2))
	}
	if label != "" {
		b.WriteByte('_')
		b.WriteString(label)
	}
	return b.String()
}

// clipUTF8 cuts s to at most n bytes without splitting a character (pg_mbcliplen).
func clipUTF8(s string, n int) string {
	if n >= len(s) {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// chooseName is PostgreSQL's ChooseConstraintName / ChooseRelationName over the names in
// used: name1_name2_label, then with label1, label2… until the name is free.
func chooseName(name1, name2, label string, used map[string]bool) string {
	name := makeObjectName(name1, name2, label)
	for pass := 1; used[name]; pass++ {
		name = makeObjectName(name1, name2, label+strconv.Itoa(pass))
	}
	return name
}

// indexNameAddition is PostgreSQL's ChooseIndexNameAddition: the column names joined with
// underscores, stopping once the result reaches NAMEDATALEN bytes.
func indexNameAddition(cols []string) string {
	var b strings.Builder
	for _, c := range cols {
		if b.Len() > 0 {
			b.WriteByte('_')
		}
		if len(c) > pgNameDataLen-1 {
			c = c[:pgNameDataLen-1]
		}
		b.WriteString(c)
		if b.Len() >= pgNameDataLen {
			break
		}
	}
	return b.String()
}

// doNothing is TiDB's statement that does nothing (DO 0): what a DDL statement becomes when
// PostgreSQL would only notice (IF EXISTS on a missing object, IF NOT EXISTS on an existing one).
func doNothing() *ast.DoStmt { return &ast.DoStmt{Exprs: []ast.ExprNode{intLit(0)}} }

// ddlStatement renders a DDL statement; DDL takes no parameters.
func (t *translator) ddlStatement(n ast.StmtNode, tag string) (*Statement, error) {
	if len(t.paramTypes) > 0 {
		return nil, pgerror.New(pgerrcode.UndefinedParameter, "there is no parameter $1")
	}
	return t.statement(n, tag, KindDDL, nil)
}

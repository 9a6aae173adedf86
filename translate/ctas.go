package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"google.golang.org/protobuf/proto"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pgtidb/pgtidb/typemap"
)

// CREATE TABLE t [(names)] AS query [WITH [NO] DATA] and SELECT … INTO t FROM … create a table
// with the query's result columns — PostgreSQL's names (overridden by the column list) and
// declared types (typmods included), no constraints or defaults — and fill it. TiDB has no
// CREATE TABLE … AS SELECT, so this is a DDL plan:
//
//	exec CREATE TABLE `db`.`t` (… the query's columns as CREATE TABLE would declare them …)
//	     (undone by DROP TABLE when the INSERT fails, so nothing half-applied remains)
//	exec INSERT INTO `db`.`t` (…) <the translated query>                (not WITH NO DATA)
//
// The command tag is PostgreSQL's "SELECT n" (CREATE TABLE AS for WITH NO DATA and for IF NOT
// EXISTS of an existing table, which does nothing). The shadow catalog records the declared
// types. Like every DDL, it commits an open transaction on TiDB; the INSERT runs in a
// transaction of its own.

// createTableAs translates CREATE TABLE AS (CREATE MATERIALIZED VIEW is refused).
func (t *translator) createTableAs(n *pg_query.CreateTableAsStmt) (*Statement, error) {
	if n.GetObjtype() == pg_query.ObjectType_OBJECT_MATVIEW {
		return nil, pgerror.Unsupported("CREATE MATERIALIZED VIEW").
			WithHint("Use a view, or a table refreshed by the application.")
	}
	sel := n.GetQuery().GetSelectStmt()
	if sel == nil {
		return nil, pgerror.Unsupported("CREATE TABLE AS EXECUTE")
	}
	return t.createTableFromQuery(n.GetInto(), sel, n.GetIfNotExists())
}

// selectInto translates SELECT … INTO t FROM …, which is CREATE TABLE t AS SELECT … FROM ….
func (t *translator) selectInto(n *pg_query.SelectStmt) (*Statement, error) {
	q := proto.Clone(n).(*pg_query.SelectStmt)
	q.IntoClause = nil
	return t.createTableFromQuery(n.GetIntoClause(), q, false)
}

// createTableFromQuery plans the table into.rel made from query sel.
func (t *translator) createTableFromQuery(into *pg_query.IntoClause, sel *pg_query.SelectStmt, ifNotExists bool) (*Statement, error) {
	rv := into.GetRel()
	switch {
	case rv.GetRelpersistence() == "t":
		return nil, pgerror.Unsupported("TEMPORARY tables").
			WithDetail("TiDB's temporary tables have no foreign keys and the shadow catalog is shared by every session.")
	case len(into.GetOptions()) > 0:
		return nil, pgerror.Unsupported("storage parameters (WITH ...)")
	case into.GetAccessMethod() != "":
		return nil, pgerror.Unsupported("table access methods (USING ...)")
	case into.GetTableSpaceName() != "":
		return nil, pgerror.Unsupported("TABLESPACE")
	case into.GetOnCommit() != pg_query.OnCommitAction_ONCOMMIT_NOOP && into.GetOnCommit() != pg_query.OnCommitAction_ON_COMMIT_ACTION_UNDEFINED:
		return nil, pgerror.Newf(pgerrcode.InvalidTableDefinition, "ON COMMIT can only be used on temporary tables")
	}
	schema, tidbDB, err := t.creationNamespace(rv)
	if err != nil {
		return nil, err
	}
	if t.ctx.Resolver != nil {
		existing, err := t.ctx.Resolver.LookupTable(schema, rv.GetRelname())
		if err != nil {
			return nil, err
		}
		if existing != nil && existing.Schema == schema {
			if ifNotExists {
				// PostgreSQL notices and does nothing; DO 0 is TiDB's statement that does nothing.
				out, err := t.ddlStatement(doNothing(), "CREATE TABLE AS")
				if err != nil {
					return nil, err
				}
				out.Notices = []*pgerror.Error{notice(pgerrcode.DuplicateTable, "relation %q already exists, skipping", rv.GetRelname())}
				return out, nil
			}
			return nil, pgerror.Newf(pgerrcode.DuplicateTable, "relation \"%s\" already exists", rv.GetRelname())
		}
	}
	q, err := t.query(sel, nil)
	if err != nil {
		return nil, err
	}
	if len(t.paramTypes) > 0 {
		return nil, pgerror.New(pgerrcode.UndefinedParameter, "there is no parameter $1")
	}
	cols := q.columns()
	names := stringList(into.GetColNames())
	if len(names) > len(cols) {
		return nil, pgerror.New(pgerrcode.SyntaxError, "too many column names were specified")
	}
	p := &tablePlan{schema: schema, name: rv.GetRelname(), tidbDB: tidbDB}
	seen := map[string]bool{}
	var colNames []*ast.ColumnName
	for i, c := range cols {
		if i < len(names) {
			c.Name = names[i]
		}
		if seen[c.Name] {
			return nil, pgerror.Newf(pgerrcode.DuplicateColumn, "column %q specified more than once", c.Name)
		}
		seen[c.Name] = true
		tn, err := declaredTypeName(c.Type)
		if err != nil {
			return nil, err
		}
		if err := p.addColumn(&pg_query.ColumnDef{Colname: c.Name, TypeName: tn, IsLocal: true}); err != nil {
			return nil, err
		}
		colNames = append(colNames, &ast.ColumnName{Name: cistr(c.Name)})
	}
	create, err := t.buildCreateTable(p, false)
	if err != nil {
		return nil, err
	}
	change := catalog.Change{Op: catalog.DeclareTable, Database: tidbDB, Table: p.name}
	for _, c := range p.cols {
		change.Columns = append(change.Columns, catalog.Column{Name: c.name, Type: c.pgType})
	}
	table := &ast.TableName{Schema: cistr(tidbDB), Name: cistr(p.name)}
	b := &planBuilder{t: t}
	if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return create, nil }); err != nil {
		return nil, err
	}
	undo, err := restorePlain(&ast.DropTableStmt{IfExists: true, Tables: []*ast.TableName{table}})
	if err != nil {
		return nil, err
	}
	b.plan.Steps[0].Undo = undo
	tag := "CREATE TABLE AS"
	if !into.GetSkipData() {
		tag = "SELECT"
		insert := &ast.InsertStmt{Table: &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: table}}},
			Columns: colNames, Select: q.node}
		if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return insert, nil }); err != nil {
			return nil, err
		}
	}
	b.plan.CountExec = true
	out, err := b.finish(tag, KindDDL, nil)
	if err != nil {
		return nil, err
	}
	out.Catalog = []catalog.Change{change}
	return out, nil
}

// declaredTypeName is the PostgreSQL type name that declares a column of type ty (with its
// typmod), as CREATE TABLE AS declares the query's columns. An unknown-typed column (a NULL
// or string literal) is text, as in PostgreSQL 10 and later.
func declaredTypeName(ty typemap.Type) (*pg_query.TypeName, error) {
	if ty.OID == 0 || ty.OID == typemap.Unknown {
		ty = typemap.Of(typemap.Text)
	}
	name := ""
	for n, oid := range typeNameOIDs {
		if oid == ty.OID {
			name = n
		}
	}
	if name == "" {
		return nil, pgerror.Unsupported("CREATE TABLE AS with a column of type " + sqlTypeName(ty))
	}
	var mods []int32
	switch ty.OID {
	case typemap.Varchar, typemap.BPChar:
		if ty.Typmod >= 4 {
			mods = []int32{ty.Typmod - 4}
		}
	case typemap.Numeric:
		if ty.Typmod >= 4 {
			m := ty.Typmod - 4
			mods = []int32{(m >> 16) & 0xffff, m & 0xffff}
		}
	case typemap.Time, typemap.Timestamp, typemap.Timestamptz:
		if ty.Typmod >= 0 {
			mods = []int32{ty.Typmod}
		}
	}
	tn := &pg_query.TypeName{Names: []*pg_query.Node{pg_query.MakeStrNode("pg_catalog"), pg_query.MakeStrNode(name)}, Typemod: -1}
	for _, m := range mods {
		tn.Typmods = append(tn.Typmods, pg_query.MakeAConstIntNode(int64(m), -1))
	}
	return tn, nil
}

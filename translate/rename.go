package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
)

// rename translates ALTER TABLE/VIEW … RENAME TO, ALTER TABLE … RENAME COLUMN, ALTER TABLE …
// RENAME CONSTRAINT (unique constraints only: they are TiDB indexes) and ALTER INDEX …
// RENAME TO. A renamed relation moves in the shadow catalog: ForgetTable of the old name,
// DeclareTable of the new one with every column.
func (t *translator) rename(n *pg_query.RenameStmt) (*Statement, error) {
	switch n.GetRenameType() {
	case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_VIEW:
		return t.renameRelation(n)
	case pg_query.ObjectType_OBJECT_COLUMN:
		return t.renameColumn(n)
	case pg_query.ObjectType_OBJECT_TABCONSTRAINT:
		return t.renameConstraint(n)
	case pg_query.ObjectType_OBJECT_INDEX:
		return t.renameIndex(n)
	case pg_query.ObjectType_OBJECT_SEQUENCE:
		return t.renameSequence(n)
	case pg_query.ObjectType_OBJECT_SCHEMA:
		return nil, pgerror.Unsupported("ALTER SCHEMA ... RENAME TO").
			WithDetail("A schema is a TiDB database, and TiDB cannot rename databases.")
	}
	return nil, pgerror.Unsupported("ALTER " + objectTypeName(n.GetRenameType()) + " ... RENAME")
}

// renameTarget resolves the relation of a RENAME and checks that the statement's verb
// (ALTER TABLE / ALTER VIEW) fits it. With IF EXISTS a missing relation gives nil.
func (t *translator) renameTarget(n *pg_query.RenameStmt) (*ast.TableName, *catalog.Table, error) {
	name, tbl, err := t.alterTarget(n.GetRelation(), n.GetMissingOk())
	if err != nil || tbl == nil {
		return nil, nil, err
	}
	if n.GetRelationType() == pg_query.ObjectType_OBJECT_VIEW || n.GetRenameType() == pg_query.ObjectType_OBJECT_VIEW {
		if !tbl.View {
			return nil, nil, pgerror.Newf(pgerrcode.WrongObjectType, "%q is not a view", tbl.Name).
				WithHint("Use ALTER TABLE instead.")
		}
	}
	return name, tbl, nil
}

func (t *translator) renameRelation(n *pg_query.RenameStmt) (*Statement, error) {
	tag := "ALTER TABLE"
	if n.GetRenameType() == pg_query.ObjectType_OBJECT_VIEW {
		tag = "ALTER VIEW"
	}
	old, tbl, err := t.renameTarget(n)
	if err != nil {
		return nil, err
	}
	if tbl == nil {
		return t.ddlStatement(doNothing(), tag)
	}
	newName := n.GetNewname()
	if t.ctx.Resolver != nil && newName != tbl.Name {
		other, err := t.ctx.Resolver.LookupTable(tbl.Schema, newName)
		if err != nil {
			return nil, err
		}
		if other != nil {
			return nil, pgerror.Newf(pgerrcode.DuplicateTable, "relation %q already exists", newName)
		}
	}
	to := &ast.TableName{Schema: old.Schema, Name: cistr(newName)}
	out, err := t.ddlStatement(&ast.RenameTableStmt{TableToTables: []*ast.TableToTable{{OldTable: old, NewTable: to}}}, tag)
	if err != nil {
		return nil, err
	}
	out.Catalog = []catalog.Change{
		{Op: catalog.ForgetTable, Database: old.Schema.O, Table: tbl.Name},
		{Op: catalog.DeclareTable, Database: old.Schema.O, Table: newName, Columns: append([]catalog.Column(nil), tbl.Columns...),
			SetTexts: true, Texts: tbl.Texts},
	}
	return out, nil
}

func (t *translator) renameColumn(n *pg_query.RenameStmt) (*Statement, error) {
	tag := "ALTER TABLE"
	if n.GetRelationType() == pg_query.ObjectType_OBJECT_VIEW {
		tag = "ALTER VIEW"
	}
	name, tbl, err := t.renameTarget(n)
	if err != nil {
		return nil, err
	}
	if tbl == nil {
		return t.ddlStatement(doNothing(), tag)
	}
	if tbl.View {
		return nil, pgerror.Unsupported("renaming a column of a view").
			WithHint("Recreate the view with CREATE OR REPLACE VIEW.")
	}
	from, to := n.GetSubname(), n.GetNewname()
	if tbl.Column(from) == nil {
		return nil, pgerror.Newf(pgerrcode.UndefinedColumn, "column %q does not exist", from)
	}
	if tbl.Column(to) != nil {
		return nil, pgerror.Newf(pgerrcode.DuplicateColumn, "column %q of relation %q already exists", to, tbl.Name)
	}
	out, err := t.ddlStatement(&ast.AlterTableStmt{Table: name, Specs: []*ast.AlterTableSpec{{
		Tp: ast.AlterTableRenameColumn, OldColumnName: &ast.ColumnName{Name: cistr(from)}, NewColumnName: &ast.ColumnName{Name: cistr(to)},
	}}}, tag)
	if err != nil {
		return nil, err
	}
	cols := append([]catalog.Column(nil), tbl.Columns...)
	for i := range cols {
		if cols[i].Name == from {
			cols[i].Name = to
		}
	}
	// A check's stored text names the column by its old name: it is dropped, and the catalog
	// shows the text derived from TiDB's clause (which TiDB renames).
	var texts []catalog.Text
	for _, x := range tbl.Texts {
		if x.Kind != catalog.TextCheck {
			texts = append(texts, x)
		}
	}
	out.Catalog = []catalog.Change{{Op: catalog.DeclareTable, Database: name.Schema.O, Table: tbl.Name, Columns: cols,
		SetTexts: true, Texts: texts}}
	return out, nil
}

// renameConstraint renames a UNIQUE constraint (a TiDB index). TiDB cannot rename primary
// keys (always PRIMARY), foreign keys or checks.
func (t *translator) renameConstraint(n *pg_query.RenameStmt) (*Statement, error) {
	name, tbl, err := t.renameTarget(n)
	if err != nil {
		return nil, err
	}
	if tbl == nil {
		return t.ddlStatement(doNothing(), "ALTER TABLE")
	}
	cr, ok := t.ctx.Resolver.(ConstraintResolver)
	if !ok {
		return nil, pgerror.Unsupported("RENAME CONSTRAINT").
			WithDetail("The catalog cannot tell which kind of constraint " + n.GetSubname() + " is.")
	}
	kind, err := cr.ConstraintType(tbl, n.GetSubname())
	if err != nil {
		return nil, err
	}
	switch kind {
	case "":
		return nil, pgerror.Newf(pgerrcode.UndefinedObject, "constraint %q for table %q does not exist", n.GetSubname(), tbl.Name)
	case "u":
	default:
		return nil, pgerror.Unsupported("RENAME CONSTRAINT of a " + map[string]string{
			"p": "primary key", "f": "foreign key", "c": "check"}[kind] + " constraint").
			WithDetail("TiDB renames only indexes.")
	}
	return t.ddlStatement(&ast.AlterTableStmt{Table: name, Specs: []*ast.AlterTableSpec{{
		Tp: ast.AlterTableRenameIndex, FromKey: cistr(n.GetSubname()), ToKey: cistr(n.GetNewname()),
	}}}, "ALTER TABLE")
}

// renameIndex translates ALTER INDEX [IF EXISTS] i RENAME TO j through the IndexResolver.
func (t *translator) renameIndex(n *pg_query.RenameStmt) (*Statement, error) {
	ir, ok := t.ctx.Resolver.(IndexResolver)
	if !ok {
		return nil, pgerror.Unsupported("ALTER INDEX ... RENAME").
			WithDetail("The catalog cannot map the index to its table.")
	}
	rv := n.GetRelation()
	tbl, constraint, err := ir.LookupIndex(rv.GetSchemaname(), rv.GetRelname())
	if err != nil {
		return nil, err
	}
	if tbl == nil {
		if n.GetMissingOk() {
			return t.ddlStatement(doNothing(), "ALTER INDEX")
		}
		return nil, pgerror.Newf(pgerrcode.UndefinedTable, "relation %q does not exist", rangeVarName(rv))
	}
	if constraint {
		return nil, pgerror.Unsupported("renaming the index of a primary key").
			WithDetail("TiDB names every primary key PRIMARY.")
	}
	db := tbl.Database
	if db == "" {
		db = catalog.TiDBDatabase(t.ctx.Database, tbl.Schema)
	}
	return t.ddlStatement(&ast.AlterTableStmt{Table: &ast.TableName{Schema: cistr(db), Name: cistr(tbl.Name)},
		Specs: []*ast.AlterTableSpec{{Tp: ast.AlterTableRenameIndex, FromKey: cistr(rv.GetRelname()), ToKey: cistr(n.GetNewname())}}},
		"ALTER INDEX")
}

package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/auth"
	"github.com/pingcap/tidb/pkg/parser/model"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
)

// createView translates CREATE [OR REPLACE] VIEW v [(cols)] AS query. The query goes through
// the SELECT translation; the view's columns are always named explicitly with PostgreSQL's
// result-column names (TiDB would name expressions differently), and the statement declares
// the view in the shadow catalog with the query's PostgreSQL column types, so that
// `SELECT * FROM v` describes the columns as PostgreSQL would.
//
// TiDB views are read-only, where PostgreSQL updates simple views; writing through a view fails
// on TiDB (1105). WITH CHECK OPTION, which only matters for writes, is refused, as are
// TEMPORARY and RECURSIVE views and view options.
func (t *translator) createView(n *pg_query.ViewStmt) (*Statement, error) {
	rv := n.GetView()
	switch {
	case rv.GetRelpersistence() == "t":
		return nil, pgerror.Unsupported("TEMPORARY views").
			WithDetail("The shadow catalog is shared by every session.")
	case len(n.GetOptions()) > 0:
		return nil, pgerror.Unsupported("view options (WITH ...)")
	case n.GetWithCheckOption() == pg_query.ViewCheckOption_LOCAL_CHECK_OPTION ||
		n.GetWithCheckOption() == pg_query.ViewCheckOption_CASCADED_CHECK_OPTION:
		return nil, pgerror.Unsupported("WITH CHECK OPTION").
			WithDetail("TiDB views are read-only.")
	}
	sel := n.GetQuery().GetSelectStmt()
	if sel == nil {
		return nil, pgerror.Unsupported("this view query")
	}
	schema, tidbDB, err := t.creationNamespace(rv)
	if err != nil {
		return nil, err
	}
	q, err := t.query(sel, nil)
	if err != nil {
		return nil, err
	}
	if len(t.paramTypes) > 0 {
		return nil, pgerror.New(pgerrcode.UndefinedParameter, "there is no parameter $1")
	}
	selectNode, ok := q.node.(ast.StmtNode)
	if !ok {
		return nil, pgerror.Unsupported("this view query")
	}
	aliases := stringList(n.GetAliases())
	if len(aliases) > len(q.cols) {
		return nil, pgerror.New(pgerrcode.SyntaxError, "CREATE VIEW specifies more column names than columns")
	}
	cols := q.columns()
	seen := map[string]bool{}
	names := make([]model.CIStr, len(cols))
	for i := range cols {
		if i < len(aliases) {
			cols[i].Name = aliases[i]
		}
		if seen[cols[i].Name] {
			return nil, pgerror.Newf(pgerrcode.DuplicateColumn, "column %q specified more than once", cols[i].Name)
		}
		seen[cols[i].Name] = true
		names[i] = cistr(cols[i].Name)
	}
	if n.GetReplace() && t.ctx.Resolver != nil {
		old, err := t.ctx.Resolver.LookupTable(schema, rv.GetRelname())
		if err != nil {
			return nil, err
		}
		if err := checkViewReplacement(old, cols); err != nil {
			return nil, err
		}
	}
	stmt := &ast.CreateViewStmt{
		OrReplace:   n.GetReplace(),
		ViewName:    &ast.TableName{Schema: cistr(tidbDB), Name: cistr(rv.GetRelname())},
		Cols:        names,
		Select:      selectNode,
		Algorithm:   model.AlgorithmUndefined,
		Definer:     &auth.UserIdentity{CurrentUser: true},
		Security:    model.SecurityDefiner,
		CheckOption: model.CheckOptionCascaded, // the zero value prints WITH LOCAL CHECK OPTION
	}
	out, err := t.ddlStatement(stmt, "CREATE VIEW")
	if err != nil {
		return nil, err
	}
	change := catalog.Change{Op: catalog.DeclareTable, Database: tidbDB, Table: rv.GetRelname(), SetTexts: true}
	for _, c := range cols {
		change.Columns = append(change.Columns, catalog.Column{Name: c.Name, Type: c.Type})
	}
	if def, ok := t.deparseView(sel, cols); ok { // deparse_view.go
		change.Texts = []catalog.Text{{Kind: catalog.TextView, Expr: def}}
	}
	out.Catalog = []catalog.Change{change}
	return out, nil
}

// checkViewReplacement applies PostgreSQL's rules for CREATE OR REPLACE VIEW over an existing
// relation: it must be a view, and the new query must keep the old columns (names and types,
// in order); it may add columns at the end.
func checkViewReplacement(old *catalog.Table, cols []Column) error {
	if old == nil {
		return nil
	}
	if !old.View {
		return pgerror.Newf(pgerrcode.WrongObjectType, "%q is not a view", old.Name)
	}
	if len(cols) < len(old.Columns) {
		return pgerror.New(pgerrcode.InvalidTableDefinition, "cannot drop columns from view")
	}
	for i, oc := range old.Columns {
		nc := cols[i]
		if nc.Name != oc.Name {
			return pgerror.Newf(pgerrcode.InvalidTableDefinition, "cannot change name of view column %q to %q", oc.Name, nc.Name).
				WithHint("Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.")
		}
		if nc.Type.OID != oc.Type.OID || nc.Type.Typmod != oc.Type.Typmod {
			return pgerror.Newf(pgerrcode.InvalidTableDefinition, "cannot change data type of view column %q from %s to %s",
				oc.Name, sqlTypeName(oc.Type), sqlTypeName(nc.Type))
		}
	}
	return nil
}

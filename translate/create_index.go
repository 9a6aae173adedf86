package translate

import (
	"strconv"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/types"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// createIndex translates CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON t
// [USING btree|hash] (column | (expression) [ASC|DESC], …).
//
// An unnamed index gets PostgreSQL's name (t_col_idx, t_lower_idx, t_expr_idx…). CONCURRENTLY
// is dropped (TiDB builds every index online); hash indexes become TiDB's ordinary indexes,
// which answer the same queries. A plain index on a text or bytea column is a TiDB prefix
// index (TiDB cannot index LONGTEXT whole); the prefix only narrows the lookup, TiDB still
// compares whole values. A UNIQUE index on such a column is refused: a prefix would make it
// reject values that differ after the prefix.
func (t *translator) createIndex(n *pg_query.IndexStmt) (*Statement, error) {
	switch {
	case n.GetWhereClause() != nil:
		return nil, pgerror.Unsupported("partial indexes (CREATE INDEX ... WHERE)")
	case len(n.GetIndexIncludingParams()) > 0:
		return nil, pgerror.Unsupported("INCLUDE columns")
	case len(n.GetOptions()) > 0:
		return nil, pgerror.Unsupported("index storage parameters (WITH ...)")
	case n.GetTableSpace() != "":
		return nil, pgerror.Unsupported("TABLESPACE")
	case n.GetNullsNotDistinct():
		return nil, pgerror.Unsupported("UNIQUE NULLS NOT DISTINCT")
	}
	switch n.GetAccessMethod() {
	case "", "btree", "hash":
	default:
		return nil, pgerror.Unsupported("index access method " + n.GetAccessMethod())
	}
	if n.GetUnique() && n.GetAccessMethod() == "hash" {
		return nil, pgerror.New(pgerrcode.FeatureNotSupported, `access method "hash" does not support unique indexes`)
	}
	tableName, tbl, err := t.table(n.GetRelation())
	if err != nil {
		return nil, err
	}
	if tbl.View {
		return nil, pgerror.Newf(pgerrcode.WrongObjectType, "cannot create index on relation %q", tbl.Name).
			WithDetail("This operation is not supported for views.")
	}
	sc := newTableScope("", tbl)
	var parts []*ast.IndexPartSpecification
	var colNames []string
	var keyParts []keyPart
	for _, p := range n.GetIndexParams() {
		el := p.GetIndexElem()
		part, colName, err := t.indexPart(el, tbl, sc)
		if err != nil {
			return nil, err
		}
		colNames = append(colNames, uniqueColName(colName, colNames))
		kp := keyPart{bytes: 8} // an expression: TiDB sizes it itself
		if part.Column != nil {
			ft, err := typemap.TiDBColumnType(tbl.Column(el.GetName()).Type)
			if err != nil {
				return nil, err
			}
			kp = keyPartOf(ft)
		}
		parts = append(parts, part)
		keyParts = append(keyParts, kp)
	}
	for i, chars := range keyShares(keyParts) {
		if chars == 0 {
			continue
		}
		if n.GetUnique() {
			col := n.GetIndexParams()[i].GetIndexElem().GetName()
			return nil, pgerror.Unsupported("UNIQUE index on column \"" + col + "\" of type " +
				sqlTypeName(tbl.Column(col).Type) + " (longer than TiDB's 3072-byte index keys)").
				WithHint("Declare the column varchar(n) with a smaller n, or declare the UNIQUE constraint in CREATE TABLE.")
		}
		parts[i].Length = chars
	}

	name := n.GetIdxname()
	schema := tbl.Schema
	if name == "" {
		label := "idx"
		name, err = t.freeRelationName(schema, tbl.Name, indexNameAddition(colNames), label)
		if err != nil {
			return nil, err
		}
	} else if ir, ok := t.ctx.Resolver.(IndexResolver); ok {
		exists, err := relationExists(t.ctx.Resolver, ir, schema, name)
		if err != nil {
			return nil, err
		}
		if exists {
			if n.GetIfNotExists() {
				// PostgreSQL only notices; DO 0 is TiDB's statement that does nothing.
				return t.ddlStatement(doNothing(), "CREATE INDEX")
			}
			return nil, pgerror.Newf(pgerrcode.DuplicateTable, "relation %q already exists", name)
		}
	}
	stmt := &ast.CreateIndexStmt{
		IfNotExists:             n.GetIfNotExists(),
		IndexName:               name,
		Table:                   tableName,
		IndexPartSpecifications: parts,
	}
	if n.GetUnique() {
		stmt.KeyType = ast.IndexKeyTypeUnique
		// TiDB keeps a unique index like a UNIQUE constraint; the comment tells the catalog
		// emulation it is no constraint.
		stmt.IndexOption = &ast.IndexOption{Comment: catalog.UniqueIndexComment}
	}
	return t.ddlStatement(stmt, "CREATE INDEX")
}

// indexPart translates one index element and returns the column name PostgreSQL derives
// from it for the index name.
func (t *translator) indexPart(el *pg_query.IndexElem, tbl *catalog.Table, sc *scope) (*ast.IndexPartSpecification, string, error) {
	if len(el.GetCollation()) > 0 {
		name := lastName(stringList(el.GetCollation()))
		switch name {
		case "C", "POSIX", "default", "ucs_basic":
		default:
			return nil, "", pgerror.Unsupported(`collation "` + name + `" in an index`)
		}
	}
	if len(el.GetOpclass()) > 0 {
		name := lastName(stringList(el.GetOpclass()))
		switch name {
		case "text_pattern_ops", "varchar_pattern_ops", "bpchar_pattern_ops":
			// Byte-wise order, which every pgtidb string column has anyway.
		default:
			return nil, "", pgerror.Unsupported("operator class " + name)
		}
	}
	if len(el.GetOpclassopts()) > 0 {
		return nil, "", pgerror.Unsupported("operator class options")
	}
	desc := el.GetOrdering() == pg_query.SortByDir_SORTBY_DESC
	switch el.GetNullsOrdering() {
	case pg_query.SortByNulls_SORTBY_NULLS_FIRST:
		if !desc {
			return nil, "", pgerror.Unsupported("NULLS FIRST in an ascending index")
		}
	case pg_query.SortByNulls_SORTBY_NULLS_LAST:
		if desc {
			return nil, "", pgerror.Unsupported("NULLS LAST in a descending index")
		}
	}
	part := &ast.IndexPartSpecification{Desc: desc, Length: types.UnspecifiedLength}
	if el.GetName() != "" {
		c := tbl.Column(el.GetName())
		if c == nil {
			return nil, "", pgerror.Newf(pgerrcode.UndefinedColumn, "column %q does not exist", el.GetName())
		}
		switch c.Type.OID {
		case typemap.JSONB:
			return nil, "", pgerror.Unsupported("indexes on jsonb columns")
		case typemap.JSON:
			return nil, "", pgerror.Newf(pgerrcode.UndefinedObject,
				`data type json has no default operator class for access method "btree"`)
		}
		part.Column = &ast.ColumnName{Name: cistr(el.GetName())}
		return part, el.GetName(), nil
	}
	e, _, err := t.expr(el.GetExpr(), sc)
	if err != nil {
		return nil, "", err
	}
	if len(t.paramTypes) > 0 {
		return nil, "", pgerror.New(pgerrcode.UndefinedParameter, "there is no parameter $1")
	}
	if hasSubquery(e) {
		return nil, "", pgerror.New(pgerrcode.FeatureNotSupported, "cannot use subquery in index expression")
	}
	part.Expr = e
	return part, figureIndexColname(el.GetExpr()), nil
}

// figureIndexColname is PostgreSQL's FigureIndexColname: the name an expression contributes
// to an index name (the function's name, the column's name…, else "expr").
func figureIndexColname(n *pg_query.Node) string {
	if name := figureColname(n); name != "" {
		return name
	}
	return "expr"
}

func figureColname(n *pg_query.Node) string {
	switch x := n.GetNode().(type) {
	case *pg_query.Node_ColumnRef:
		names, _ := columnRefFields(x.ColumnRef)
		if len(names) > 0 {
			return names[len(names)-1]
		}
	case *pg_query.Node_FuncCall:
		return lastName(stringList(x.FuncCall.GetFuncname()))
	case *pg_query.Node_TypeCast:
		if name := figureColname(x.TypeCast.GetArg()); name != "" {
			return name
		}
		return lastName(stringList(x.TypeCast.GetTypeName().GetNames()))
	case *pg_query.Node_CoalesceExpr:
		return "coalesce"
	case *pg_query.Node_CaseExpr:
		return "case"
	case *pg_query.Node_MinMaxExpr:
		if x.MinMaxExpr.GetOp() == pg_query.MinMaxOp_IS_GREATEST {
			return "greatest"
		}
		return "least"
	case *pg_query.Node_AExpr:
		if x.AExpr.GetKind() == pg_query.A_Expr_Kind_AEXPR_NULLIF {
			return "nullif"
		}
	}
	return ""
}

// lastName is the last element of a dotted name ("" for none).
func lastName(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return names[len(names)-1]
}

// uniqueColName makes name distinct from the names before it, as ChooseIndexColumnNames does
// (expr, expr1, expr2…).
func uniqueColName(name string, prior []string) string {
	cur := name
	for i := 1; ; i++ {
		taken := false
		for _, p := range prior {
			if p == cur {
				taken = true
				break
			}
		}
		if !taken {
			return cur
		}
		suffix := strconv.Itoa(i)
		base := name
		if len(base)+len(suffix) > pgNameDataLen-1 {
			base = clipUTF8(base, pgNameDataLen-1-len(suffix))
		}
		cur = base + suffix
	}
}

// freeRelationName is PostgreSQL's ChooseRelationName: table_cols_label, numbered until no
// relation of the schema has the name. Without an IndexResolver only the base name can be
// given (TiDB then reports a duplicate where PostgreSQL would have numbered the name).
func (t *translator) freeRelationName(schema, table, addition, label string) (string, error) {
	ir, ok := t.ctx.Resolver.(IndexResolver)
	name := makeObjectName(table, addition, label)
	if !ok {
		return name, nil
	}
	for pass := 1; ; pass++ {
		exists, err := relationExists(t.ctx.Resolver, ir, schema, name)
		if err != nil {
			return "", err
		}
		if !exists {
			return name, nil
		}
		name = makeObjectName(table, addition, label+strconv.Itoa(pass))
	}
}

// relationExists reports whether schema holds a table, view or index named name.
func relationExists(r catalog.Resolver, ir IndexResolver, schema, name string) (bool, error) {
	tbl, _, err := ir.LookupIndex(schema, name)
	if err != nil || tbl != nil {
		return tbl != nil, err
	}
	rel, err := r.LookupTable(schema, name)
	return rel != nil, err
}

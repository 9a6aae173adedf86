package translate

import (
	"fmt"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// values translates a VALUES list used as a query: TiDB's VALUES ROW(…) table constructor is
// unreliable, so it becomes SELECT … UNION ALL SELECT …, with PostgreSQL's column names
// column1, column2… and the common type of each column.
func (t *translator) values(n *pg_query.SelectStmt, sc *scope) (*queryResult, error) {
	var rows [][]ast.ExprNode
	var types [][]typemap.Type
	width := -1
	for _, l := range n.GetValuesLists() {
		items := l.GetList().GetItems()
		if width >= 0 && len(items) != width {
			return nil, pgerror.New(pgerrcode.SyntaxError, "VALUES lists must all be the same length")
		}
		width = len(items)
		row := make([]ast.ExprNode, len(items))
		tys := make([]typemap.Type, len(items))
		for i, it := range items {
			if it.GetSetToDefault() != nil {
				return nil, pgerror.New(pgerrcode.SyntaxError, "DEFAULT is not allowed in this context")
			}
			e, ty, err := t.expr(it, sc)
			if err != nil {
				return nil, err
			}
			row[i], tys[i] = e, ty
		}
		rows = append(rows, row)
		types = append(types, tys)
	}
	outs := make([]output, width)
	for c := 0; c < width; c++ {
		col := make([]typemap.Type, len(rows))
		for r := range rows {
			col[r] = types[r][c]
		}
		ty, err := commonType("VALUES", col)
		if err != nil {
			return nil, err
		}
		for r := range rows {
			if rows[r][c], _, err = t.coerce(rows[r][c], types[r][c], ty); err != nil {
				return nil, err
			}
		}
		outs[c] = output{name: fmt.Sprintf("column%d", c+1), typ: ty}
	}
	var selects []ast.Node
	for r, row := range rows {
		sel := newSelect()
		sel.Fields = &ast.FieldList{}
		for c, e := range row {
			f := &ast.SelectField{Expr: e}
			if r == 0 {
				f.AsName = cistr(outs[c].name)
				outs[c].field = f
			}
			sel.Fields.Fields = append(sel.Fields.Fields, f)
		}
		if r > 0 {
			op := ast.UnionAll
			sel.AfterSetOperator = &op
		}
		selects = append(selects, sel)
	}
	for c := range outs {
		outs[c].expr = &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(outs[c].name)}}
	}
	var orderBy *ast.OrderByClause
	if s := n.GetSortClause(); len(s) > 0 {
		items, err := t.orderBy(s, &scope{parent: sc.parent, ctes: sc.ctes}, outs)
		if err != nil {
			return nil, err
		}
		orderBy = &ast.OrderByClause{Items: items}
	}
	limit, err := t.limit(n)
	if err != nil {
		return nil, err
	}
	if len(selects) == 1 && orderBy == nil && limit == nil {
		return &queryResult{node: selects[0].(*ast.SelectStmt), cols: outs}, nil
	}
	return &queryResult{node: &ast.SetOprStmt{SelectList: &ast.SetOprSelectList{Selects: selects}, OrderBy: orderBy, Limit: limit}, cols: outs}, nil
}

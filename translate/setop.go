package translate

import (
	"fmt"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// branch is one operand of a set operation as TiDB lists it.
type branch struct {
	node ast.Node // *ast.SelectStmt or *ast.SetOprSelectList
	cols []output
}

// setOperation translates UNION [ALL], INTERSECT and EXCEPT. INTERSECT ALL and EXCEPT ALL are
// refused (TiDB has only the DISTINCT forms). Result column types are PostgreSQL's common
// types; untyped literals in the operands are read as that type.
func (t *translator) setOperation(n *pg_query.SelectStmt, sc *scope) (*queryResult, error) {
	list, cols, err := t.setOprList(n, sc)
	if err != nil {
		return nil, err
	}
	stmt := &ast.SetOprStmt{SelectList: list}
	outs := make([]output, len(cols))
	for i, c := range cols {
		outs[i] = output{name: c.name, typ: c.typ, field: c.field,
			expr: &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(c.name)}}}
	}
	if s := n.GetSortClause(); len(s) > 0 {
		uniqueSortNames(outs)
		for _, item := range s {
			if o, err := outputRef(item.GetSortBy().GetNode(), outs, "ORDER BY"); err != nil {
				return nil, err
			} else if o < 0 {
				return nil, pgerror.New(pgerrcode.FeatureNotSupported, "invalid UNION/INTERSECT/EXCEPT ORDER BY clause").
					WithDetail("Only result column names can be used, not expressions or functions.")
			}
		}
		items, err := t.orderBy(s, sc, outs)
		if err != nil {
			return nil, err
		}
		stmt.OrderBy = &ast.OrderByClause{Items: items}
	}
	if stmt.Limit, err = t.limit(n); err != nil {
		return nil, err
	}
	if len(n.GetLockingClause()) > 0 {
		return nil, pgerror.New(pgerrcode.FeatureNotSupported, "FOR UPDATE is not allowed with UNION/INTERSECT/EXCEPT")
	}
	return &queryResult{node: stmt, cols: outs}, nil
}

// uniqueSortNames gives a result column of a set operation whose name an earlier column
// already has (SELECT 'a', 1 UNION … gives two ?column?) a name of its own in TiDB, so that
// ORDER BY can name it there: TiDB's ORDER BY over a set operation resolves result columns by
// name, and a repeated name is ambiguous (1052). Clients see the names of Statement.Columns.
func uniqueSortNames(outs []output) {
	seen := map[string]bool{}
	for i := range outs {
		o := &outs[i]
		if seen[strings.ToLower(o.name)] && o.field != nil {
			alias := fmt.Sprintf("_pgtidb_c%d", i+1)
			o.field.AsName = cistr(alias)
			o.expr = &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(alias)}}
		}
		seen[strings.ToLower(o.name)] = true
	}
}

func setOprType(n *pg_query.SelectStmt) (ast.SetOprType, string, error) {
	switch n.GetOp() {
	case pg_query.SetOperation_SETOP_UNION:
		if n.GetAll() {
			return ast.UnionAll, "UNION", nil
		}
		return ast.Union, "UNION", nil
	case pg_query.SetOperation_SETOP_INTERSECT:
		if n.GetAll() {
			return ast.IntersectAll, "INTERSECT", nil
		}
		return ast.Intersect, "INTERSECT", nil
	case pg_query.SetOperation_SETOP_EXCEPT:
		if n.GetAll() {
			return ast.ExceptAll, "EXCEPT", nil
		}
		return ast.Except, "EXCEPT", nil
	}
	return 0, "", pgerror.Unsupported("set operation")
}

// setOprList builds the TiDB operand list of a set operation and its result columns.
func (t *translator) setOprList(n *pg_query.SelectStmt, sc *scope) (*ast.SetOprSelectList, []output, error) {
	op, construct, err := setOprType(n)
	if err != nil {
		return nil, nil, err
	}
	left, err := t.setOperand(n.GetLarg(), sc)
	if err != nil {
		return nil, nil, err
	}
	right, err := t.setOperand(n.GetRarg(), sc)
	if err != nil {
		return nil, nil, err
	}
	if len(left.cols) != len(right.cols) {
		return nil, nil, pgerror.Newf(pgerrcode.SyntaxError, "each %s query must have the same number of columns", construct)
	}
	cols := make([]output, len(left.cols))
	for i := range left.cols {
		ty, err := commonType(construct, []typemap.Type{left.cols[i].typ, right.cols[i].typ})
		if err != nil {
			return nil, nil, err
		}
		for _, side := range []*branch{left, right} {
			c := &side.cols[i]
			if isUnknown(c.typ) && c.field != nil {
				e, _, err := t.coerce(c.field.Expr, c.typ, ty)
				if err != nil {
					return nil, nil, err
				}
				c.field.Expr = e
			}
		}
		cols[i] = output{name: left.cols[i].name, typ: ty, field: left.cols[i].field}
	}
	if op == ast.IntersectAll || op == ast.ExceptAll {
		return t.numberedSetOpr(op, left, right, cols)
	}
	list := &ast.SetOprSelectList{}
	// A left operand that is itself a set operation is spliced into this list when that
	// keeps TiDB's left-to-right evaluation equal to PostgreSQL's tree: INTERSECT binds
	// tighter than UNION/EXCEPT in TiDB as in PostgreSQL.
	if l, ok := left.node.(*ast.SetOprSelectList); ok && l.OrderBy == nil && l.Limit == nil && l.With == nil && sameFamily(l, op) {
		list.Selects = append(list.Selects, l.Selects...)
	} else {
		list.Selects = append(list.Selects, left.node)
	}
	rop := op
	switch r := right.node.(type) {
	case *ast.SelectStmt:
		r.AfterSetOperator = &rop
	case *ast.SetOprSelectList:
		r.AfterSetOperator = &rop
	}
	list.Selects = append(list.Selects, right.node)

	return list, cols, nil
}

// numberedSetOpr translates INTERSECT ALL and EXCEPT ALL, which TiDB lacks, with the DISTINCT
// forms over rows numbered within their duplicates: the k-th copy of a row is kept by
// INTERSECT when both sides have at least k copies (min(m, n) copies in all) and by EXCEPT
// when only the left side has it (max(m − n, 0)), which is PostgreSQL's definition.
//
//	SELECT s.c1 AS name1, … FROM (
//	    SELECT d.c1, …, ROW_NUMBER() OVER (PARTITION BY d.c1, …) AS rn FROM (left) AS d
//	    INTERSECT
//	    SELECT d.c1, …, ROW_NUMBER() OVER (PARTITION BY d.c1, …) AS rn FROM (right) AS d) AS s
func (t *translator) numberedSetOpr(op ast.SetOprType, left, right *branch, cols []output) (*ast.SetOprSelectList, []output, error) {
	const inner, outer = "pgtidb_setop", "pgtidb_numbered"
	numbered := func(b *branch) (*ast.SelectStmt, error) {
		if !renameBranch(b.node, len(cols)) {
			return nil, pgerror.Unsupported("INTERSECT ALL / EXCEPT ALL over this operand")
		}
		var src ast.ResultSetNode
		switch x := b.node.(type) {
		case *ast.SelectStmt:
			x.IsInBraces, x.AfterSetOperator = false, nil
			src = x
		case *ast.SetOprSelectList:
			x.AfterSetOperator = nil
			src = &ast.SetOprStmt{SelectList: x}
		}
		sel := newSelect()
		sel.Fields = &ast.FieldList{}
		spec := ast.WindowSpec{PartitionBy: &ast.PartitionByClause{}}
		for i := range cols {
			ref := &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(inner), Name: cistr(fmt.Sprintf("c%d", i+1))}}
			sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: ref})
			spec.PartitionBy.Items = append(spec.PartitionBy.Items, &ast.ByItem{Expr: ref})
		}
		sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{
			Expr: &ast.WindowFuncExpr{Name: "row_number", Spec: spec}, AsName: cistr("rn")})
		sel.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: src, AsName: cistr(inner)}}}
		return sel, nil
	}
	l, err := numbered(left)
	if err != nil {
		return nil, nil, err
	}
	r, err := numbered(right)
	if err != nil {
		return nil, nil, err
	}
	distinct := ast.Intersect
	if op == ast.ExceptAll {
		distinct = ast.Except
	}
	r.AfterSetOperator = &distinct
	sel := newSelect()
	sel.Fields = &ast.FieldList{}
	out := make([]output, len(cols))
	for i, c := range cols {
		ref := &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(outer), Name: cistr(fmt.Sprintf("c%d", i+1))}}
		f := &ast.SelectField{Expr: ref, AsName: cistr(c.name)}
		sel.Fields.Fields = append(sel.Fields.Fields, f)
		out[i] = output{name: c.name, typ: c.typ, field: f}
	}
	sel.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{
		Source: &ast.SetOprStmt{SelectList: &ast.SetOprSelectList{Selects: []ast.Node{l, r}}}, AsName: cistr(outer)}}}
	return &ast.SetOprSelectList{Selects: []ast.Node{sel}}, out, nil
}

// renameBranch names the result columns of a set operand c1, c2… (in its first SELECT).
func renameBranch(n ast.Node, width int) bool {
	switch x := n.(type) {
	case *ast.SelectStmt:
		if x.Fields == nil || len(x.Fields.Fields) != width {
			return false
		}
		for i, f := range x.Fields.Fields {
			f.AsName = cistr(fmt.Sprintf("c%d", i+1))
		}
		return true
	case *ast.SetOprSelectList:
		if len(x.Selects) == 0 {
			return false
		}
		return renameBranch(x.Selects[0], width)
	}
	return false
}

// sameFamily reports whether the operators of l can be followed by op without parentheses.
func sameFamily(l *ast.SetOprSelectList, op ast.SetOprType) bool {
	for i, s := range l.Selects {
		if i == 0 {
			continue
		}
		var after *ast.SetOprType
		switch x := s.(type) {
		case *ast.SelectStmt:
			after = x.AfterSetOperator
		case *ast.SetOprSelectList:
			after = x.AfterSetOperator
		}
		if after == nil {
			return false
		}
		isect := *after == ast.Intersect || *after == ast.IntersectAll
		if isect != (op == ast.Intersect || op == ast.IntersectAll) {
			return false
		}
	}
	return true
}

// setOperand translates one operand of a set operation.
func (t *translator) setOperand(n *pg_query.SelectStmt, sc *scope) (*branch, error) {
	if n == nil {
		return nil, pgerror.New(pgerrcode.SyntaxError, "missing set operand")
	}
	if n.GetOp() != pg_query.SetOperation_SETOP_NONE && n.GetOp() != pg_query.SetOperation_SET_OPERATION_UNDEFINED &&
		n.GetWithClause() == nil && len(n.GetSortClause()) == 0 && n.GetLimitCount() == nil && n.GetLimitOffset() == nil {
		list, cols, err := t.setOprList(n, sc)
		if err != nil {
			return nil, err
		}
		return &branch{node: list, cols: cols}, nil
	}
	q, err := t.query(n, sc)
	if err != nil {
		return nil, err
	}
	switch x := q.node.(type) {
	case *ast.SelectStmt:
		if x.OrderBy != nil || x.Limit != nil || x.With != nil || x.LockInfo != nil {
			x.IsInBraces = true
		}
		return &branch{node: x, cols: q.cols}, nil
	case *ast.SetOprStmt:
		if x.With != nil {
			return nil, pgerror.Unsupported("WITH inside a set operation operand")
		}
		list := x.SelectList
		list.OrderBy, list.Limit = x.OrderBy, x.Limit
		return &branch{node: list, cols: q.cols}, nil
	}
	return nil, pgerror.Unsupported(fmt.Sprintf("set operand %T", q.node))
}

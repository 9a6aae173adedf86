package translate

import (
	"fmt"

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

func setOprType(n *pg_query.SelectStmt) (ast.SetOprType, string, error) {
	switch n.GetOp() {
	case pg_query.SetOperation_SETOP_UNION:
		if n.GetAll() {
			return ast.UnionAll, "UNION", nil
		}
		return ast.Union, "UNION", nil
	case pg_query.SetOperation_SETOP_INTERSECT:
		if n.GetAll() {
			return 0, "", pgerror.Unsupported("INTERSECT ALL")
		}
		return ast.Intersect, "INTERSECT", nil
	case pg_query.SetOperation_SETOP_EXCEPT:
		if n.GetAll() {
			return 0, "", pgerror.Unsupported("EXCEPT ALL")
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
	return list, cols, nil
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

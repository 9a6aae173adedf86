package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// maxExprDepth bounds the recursion over nested expressions.
const maxExprDepth = 200

// expr translates a PostgreSQL expression into a TiDB expression and infers its PostgreSQL
// type. sc is the scope of visible columns; nil means no columns (DEFAULT expressions).
// Untyped string literals come back with type unknown; callers coerce them (see coerce).
func (t *translator) expr(n *pg_query.Node, sc *scope) (ast.ExprNode, typemap.Type, error) {
	t.depth++
	defer func() { t.depth-- }()
	if t.depth > maxExprDepth {
		return nil, typemap.Type{}, pgerror.New("54001", "stack depth limit exceeded")
	}
	if n == nil || n.GetNode() == nil {
		return nil, typemap.Type{}, pgerror.Unsupported("empty expression")
	}
	switch x := n.GetNode().(type) {
	case *pg_query.Node_AConst:
		return t.constant(x.AConst)
	case *pg_query.Node_ColumnRef:
		return t.columnRef(x.ColumnRef, sc)
	case *pg_query.Node_ParamRef:
		return t.paramRef(x.ParamRef)
	default:
		return t.exprMore(n, sc)
	}
}

// exprWant translates an expression assigned to a column of type want (INSERT VALUES, UPDATE
// SET): parameters and untyped literals take type want, as PostgreSQL's assignment coercion
// does; a 't' literal for a bool column becomes TRUE.
func (t *translator) exprWant(n *pg_query.Node, sc *scope, want typemap.Type) (ast.ExprNode, error) {
	e, ty, err := t.expr(n, sc)
	if err != nil {
		return nil, err
	}
	e, _, err = t.coerce(e, ty, want)
	return e, err
}

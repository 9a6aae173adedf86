package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

func (t *translator) constant(c *pg_query.A_Const) (ast.ExprNode, typemap.Type, error) {
	return nil, typemap.Type{}, pgerror.Unsupported("constant")
}

func (t *translator) paramRef(p *pg_query.ParamRef) (ast.ExprNode, typemap.Type, error) {
	e, ty := t.param(int(p.GetNumber()))
	return e, ty, nil
}

func (t *translator) exprMore(n *pg_query.Node, sc *scope) (ast.ExprNode, typemap.Type, error) {
	return nil, typemap.Type{}, pgerror.Unsupported("expression")
}

func (t *translator) coerce(e ast.ExprNode, from, to typemap.Type) (ast.ExprNode, typemap.Type, error) {
	if i, ok := isParam(e); ok {
		t.setParamType(i, to)
	}
	return e, to, nil
}

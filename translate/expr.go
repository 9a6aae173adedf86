package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// maxExprDepth bounds the recursion over nested expressions.
const maxExprDepth = 200

// expr translates a PostgreSQL expression into a TiDB expression and infers its PostgreSQL
// type. sc is the scope of visible columns; nil means no columns (DEFAULT expressions).
// Untyped string literals and NULL come back with type unknown; callers coerce them.
func (t *translator) expr(n *pg_query.Node, sc *scope) (ast.ExprNode, typemap.Type, error) {
	t.depth++
	defer func() { t.depth-- }()
	if t.depth > maxExprDepth {
		return nil, typemap.Type{}, pgerror.New(pgerrcode.StatementTooComplex, "stack depth limit exceeded")
	}
	if n == nil || n.GetNode() == nil {
		return nil, typemap.Type{}, pgerror.New(pgerrcode.SyntaxError, "missing expression")
	}
	switch x := n.GetNode().(type) {
	case *pg_query.Node_AConst:
		return t.constant(x.AConst)
	case *pg_query.Node_ColumnRef:
		return t.columnRef(x.ColumnRef, sc)
	case *pg_query.Node_ParamRef:
		return t.paramRef(x.ParamRef)
	case *pg_query.Node_AExpr:
		return t.aExpr(x.AExpr, sc)
	case *pg_query.Node_BoolExpr:
		return t.boolExpr(x.BoolExpr, sc)
	case *pg_query.Node_NullTest:
		e, _, err := t.expr(x.NullTest.GetArg(), sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		return isNull(e, x.NullTest.GetNulltesttype() == pg_query.NullTestType_IS_NOT_NULL), of(typemap.Bool), nil
	case *pg_query.Node_BooleanTest:
		return t.booleanTest(x.BooleanTest, sc)
	case *pg_query.Node_TypeCast:
		return t.typeCast(x.TypeCast, sc)
	case *pg_query.Node_FuncCall:
		return t.funcCall(x.FuncCall, sc)
	case *pg_query.Node_CaseExpr:
		return t.caseExpr(x.CaseExpr, sc)
	case *pg_query.Node_CoalesceExpr:
		return t.coalesce(x.CoalesceExpr.GetArgs(), sc)
	case *pg_query.Node_MinMaxExpr:
		return t.minMax(x.MinMaxExpr, sc)
	case *pg_query.Node_SubLink:
		return t.subLink(x.SubLink, sc)
	case *pg_query.Node_SqlvalueFunction:
		return t.sqlValueFunction(x.SqlvalueFunction)
	case *pg_query.Node_CollateClause:
		return t.collateClause(x.CollateClause, sc)
	case *pg_query.Node_RowExpr:
		return nil, typemap.Type{}, pgerror.Unsupported("row constructor")
	case *pg_query.Node_AArrayExpr:
		return t.arrayExpr(x.AArrayExpr, sc)
	case *pg_query.Node_AIndirection:
		return t.indirection(x.AIndirection, sc)
	case *pg_query.Node_GroupingFunc:
		var args []ast.ExprNode
		for _, a := range x.GroupingFunc.GetArgs() {
			e, _, err := t.expr(a, sc)
			if err != nil {
				return nil, typemap.Type{}, err
			}
			args = append(args, e)
		}
		return funcCall("GROUPING", args...), of(typemap.Int4), nil
	case *pg_query.Node_SetToDefault:
		return nil, typemap.Type{}, pgerror.New(pgerrcode.SyntaxError, "DEFAULT is not allowed in this context")
	case *pg_query.Node_XmlExpr, *pg_query.Node_XmlSerialize:
		return nil, typemap.Type{}, pgerror.Unsupported("XML functions")
	}
	return nil, typemap.Type{}, pgerror.Unsupported("expression " + nodeName(n))
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

// predicate translates a condition (WHERE, HAVING, ON, CASE WHEN, AND/OR arguments): it must
// be boolean; an untyped literal is read as a boolean.
func (t *translator) predicate(n *pg_query.Node, sc *scope, construct string) (ast.ExprNode, error) {
	e, ty, err := t.expr(n, sc)
	if err != nil {
		return nil, err
	}
	return t.asBool(e, ty, construct)
}

func (t *translator) asBool(e ast.ExprNode, ty typemap.Type, construct string) (ast.ExprNode, error) {
	if isUnknown(ty) {
		e, _, err := t.coerce(e, ty, of(typemap.Bool))
		return e, err
	}
	if ty.OID != typemap.Bool {
		return nil, pgerror.Newf(pgerrcode.DatatypeMismatch, "argument of %s must be type boolean, not type %s",
			construct, sqlTypeName(ty))
	}
	return e, nil
}

func (t *translator) boolExpr(b *pg_query.BoolExpr, sc *scope) (ast.ExprNode, typemap.Type, error) {
	var construct string
	var op opcode.Op
	switch b.GetBoolop() {
	case pg_query.BoolExprType_AND_EXPR:
		construct, op = "AND", opcode.LogicAnd
	case pg_query.BoolExprType_OR_EXPR:
		construct, op = "OR", opcode.LogicOr
	case pg_query.BoolExprType_NOT_EXPR:
		construct = "NOT"
	default:
		return nil, typemap.Type{}, pgerror.Unsupported("boolean expression")
	}
	var out ast.ExprNode
	for _, a := range b.GetArgs() {
		e, err := t.predicate(a, sc, construct)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if construct == "NOT" {
			return not(e), of(typemap.Bool), nil
		}
		if out == nil {
			out = e
		} else {
			out = binop(op, out, e)
		}
	}
	if out == nil {
		return nil, typemap.Type{}, pgerror.New(pgerrcode.SyntaxError, "empty boolean expression")
	}
	return out, of(typemap.Bool), nil
}

func (t *translator) booleanTest(b *pg_query.BooleanTest, sc *scope) (ast.ExprNode, typemap.Type, error) {
	construct := map[pg_query.BoolTestType]string{
		pg_query.BoolTestType_IS_TRUE: "IS TRUE", pg_query.BoolTestType_IS_NOT_TRUE: "IS NOT TRUE",
		pg_query.BoolTestType_IS_FALSE: "IS FALSE", pg_query.BoolTestType_IS_NOT_FALSE: "IS NOT FALSE",
		pg_query.BoolTestType_IS_UNKNOWN: "IS UNKNOWN", pg_query.BoolTestType_IS_NOT_UNKNOWN: "IS NOT UNKNOWN",
	}[b.GetBooltesttype()]
	e, err := t.predicate(b.GetArg(), sc, construct)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	var out ast.ExprNode
	switch b.GetBooltesttype() {
	case pg_query.BoolTestType_IS_TRUE:
		out = &ast.IsTruthExpr{Expr: paren(e), True: 1}
	case pg_query.BoolTestType_IS_NOT_TRUE:
		out = &ast.IsTruthExpr{Expr: paren(e), True: 1, Not: true}
	case pg_query.BoolTestType_IS_FALSE:
		out = &ast.IsTruthExpr{Expr: paren(e), True: 0}
	case pg_query.BoolTestType_IS_NOT_FALSE:
		out = &ast.IsTruthExpr{Expr: paren(e), True: 0, Not: true}
	case pg_query.BoolTestType_IS_UNKNOWN:
		out = isNull(e, false)
	case pg_query.BoolTestType_IS_NOT_UNKNOWN:
		out = isNull(e, true)
	default:
		return nil, typemap.Type{}, pgerror.Unsupported("boolean test")
	}
	return out, of(typemap.Bool), nil
}

// exprList translates expressions and brings them to their common type (CASE, COALESCE,
// IN lists, GREATEST): unknown literals are read as that type.
func (t *translator) exprList(nodes []*pg_query.Node, sc *scope, construct string, extra ...typemap.Type) ([]ast.ExprNode, typemap.Type, error) {
	exprs := make([]ast.ExprNode, len(nodes))
	tys := make([]typemap.Type, len(nodes))
	for i, n := range nodes {
		e, ty, err := t.expr(n, sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		exprs[i], tys[i] = e, ty
	}
	common, err := commonType(construct, append(append([]typemap.Type(nil), extra...), tys...))
	if err != nil {
		return nil, typemap.Type{}, err
	}
	for i := range exprs {
		if exprs[i], _, err = t.coerce(exprs[i], tys[i], common); err != nil {
			return nil, typemap.Type{}, err
		}
		if common.OID == typemap.Timestamptz && tys[i].OID != typemap.Timestamptz && isDateTime(tys[i]) {
			// timestamp and date become timestamptz as the session's local time.
			exprs[i] = t.localToUTC(castTo(exprs[i], common))
		}
	}
	return exprs, common, nil
}

func (t *translator) caseExpr(c *pg_query.CaseExpr, sc *scope) (ast.ExprNode, typemap.Type, error) {
	out := &ast.CaseExpr{}
	var argTy typemap.Type
	if c.GetArg() != nil {
		// Simple CASE: each WHEN value is compared with the argument.
		var whens []*pg_query.Node
		for _, w := range c.GetArgs() {
			whens = append(whens, w.GetCaseWhen().GetExpr())
		}
		vals, ty, err := t.exprList(append([]*pg_query.Node{c.GetArg()}, whens...), sc, "CASE/WHEN")
		if err != nil {
			return nil, typemap.Type{}, err
		}
		out.Value, argTy = vals[0], ty
		for i, w := range c.GetArgs() {
			out.WhenClauses = append(out.WhenClauses, &ast.WhenClause{Expr: vals[i+1]})
			_ = w
		}
	}
	results := []*pg_query.Node{}
	for i, w := range c.GetArgs() {
		cw := w.GetCaseWhen()
		if cw == nil {
			return nil, typemap.Type{}, pgerror.Unsupported("CASE without WHEN")
		}
		if c.GetArg() == nil {
			cond, err := t.predicate(cw.GetExpr(), sc, "CASE/WHEN")
			if err != nil {
				return nil, typemap.Type{}, err
			}
			out.WhenClauses = append(out.WhenClauses, &ast.WhenClause{Expr: cond})
		}
		_ = i
		results = append(results, cw.GetResult())
	}
	if c.GetDefresult() != nil {
		results = append(results, c.GetDefresult())
	}
	res, ty, err := t.exprList(results, sc, "CASE")
	if err != nil {
		return nil, typemap.Type{}, err
	}
	for i := range out.WhenClauses {
		out.WhenClauses[i].Result = res[i]
	}
	if c.GetDefresult() != nil {
		out.ElseClause = res[len(res)-1]
	}
	_ = argTy
	return out, ty, nil
}

func (t *translator) coalesce(args []*pg_query.Node, sc *scope) (ast.ExprNode, typemap.Type, error) {
	exprs, ty, err := t.exprList(args, sc, "COALESCE")
	if err != nil {
		return nil, typemap.Type{}, err
	}
	return funcCall("COALESCE", exprs...), ty, nil
}

// minMax translates GREATEST/LEAST. PostgreSQL ignores NULL arguments (NULL only when all are
// NULL); TiDB returns NULL when any is. Each argument is replaced by COALESCE of itself and
// then the others, which never changes the extreme and is NULL only when all are NULL.
func (t *translator) minMax(m *pg_query.MinMaxExpr, sc *scope) (ast.ExprNode, typemap.Type, error) {
	name := "GREATEST"
	if m.GetOp() == pg_query.MinMaxOp_IS_LEAST {
		name = "LEAST"
	}
	exprs, ty, err := t.exprList(m.GetArgs(), sc, name)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if len(exprs) == 1 {
		return exprs[0], ty, nil
	}
	args := make([]ast.ExprNode, len(exprs))
	for i := range exprs {
		var rot []ast.ExprNode
		for j := 0; j < len(exprs); j++ {
			rot = append(rot, exprs[(i+j)%len(exprs)])
		}
		args[i] = funcCall("COALESCE", rot...)
	}
	return funcCall(name, args...), ty, nil
}

// nodeName names a node type for messages.
func nodeName(n *pg_query.Node) string {
	s := typeNameOf(n.GetNode())
	return s
}

// exprAssign is exprWant with PostgreSQL's assignment rules checked for a value stored into
// column (INSERT, UPDATE SET): numbers convert among themselves and dates/timestamps among
// themselves, anything converts to a string type (printed as PostgreSQL prints it, so a
// boolean stores 'true', not TiDB's 1), other mismatches are PostgreSQL's 42804
// `column "c" is of type boolean but expression is of type integer`.
func (t *translator) exprAssign(n *pg_query.Node, sc *scope, want typemap.Type, column string) (ast.ExprNode, error) {
	if e, ok, err := floatConstant(n, want); ok || err != nil {
		return e, err
	}
	e, ty, err := t.expr(n, sc)
	if err != nil {
		return nil, err
	}
	if isUnknown(ty) || isUnknown(want) {
		e, _, err = t.coerce(e, ty, want)
		return e, err
	}
	switch {
	case ty.OID == want.OID,
		isNumber(ty) && isNumber(want),
		isDateTime(ty) && (isDateTime(want) || want.OID == typemap.Time),
		ty.OID == typemap.JSON && want.OID == typemap.JSONB:
		if ty.OID == typemap.JSON && want.OID == typemap.JSONB {
			return castTo(e, want), nil
		}
		return e, nil
	case isString(want):
		return t.toText(e, ty)
	case ty.OID == typemap.JSONB && want.OID == typemap.JSON:
		return castTo(e, of(typemap.Text)), nil
	}
	return nil, pgerror.Newf(pgerrcode.DatatypeMismatch, "column %q is of type %s but expression is of type %s",
		column, sqlTypeName(want), sqlTypeName(ty)).
		WithHint("You will need to rewrite or cast the expression.")
}

// collateClause accepts the collations that compare as TiDB's binary collation does (C, POSIX,
// the C-locale database's default — psql writes COLLATE pg_catalog.default): the expression is
// unchanged. An unknown literal becomes text, as in PostgreSQL; name compares as text.
func (t *translator) collateClause(cc *pg_query.CollateClause, sc *scope) (ast.ExprNode, typemap.Type, error) {
	e, ty, err := t.expr(cc.GetArg(), sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if isUnknown(ty) {
		ty = of(typemap.Text)
	}
	check := ty
	if ty.OID == typemap.Name {
		check = of(typemap.Text)
	}
	if err := checkCollation(cc, check); err != nil {
		return nil, typemap.Type{}, err
	}
	return e, ty, nil
}

package translate

import (
	"fmt"
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"
)

// Small constructors for TiDB AST nodes. Restore prints no parentheses of its own, so every
// compound operand goes through paren.

func funcCall(name string, args ...ast.ExprNode) *ast.FuncCallExpr {
	return &ast.FuncCallExpr{FnName: cistr(name), Args: args}
}

// paren wraps e in parentheses unless it is atomic in TiDB's grammar.
func paren(e ast.ExprNode) ast.ExprNode {
	switch e.(type) {
	case *ast.ColumnNameExpr, *ast.FuncCallExpr, *ast.FuncCastExpr, *ast.AggregateFuncExpr,
		*ast.ParenthesesExpr, *ast.SubqueryExpr, *ast.CaseExpr, *ast.WindowFuncExpr, *paramMarker:
		return e
	case ast.ValueExpr:
		if v, ok := intValue(e); ok && v < 0 {
			return &ast.ParenthesesExpr{Expr: e}
		}
		return e
	}
	return &ast.ParenthesesExpr{Expr: e}
}

func binop(op opcode.Op, l, r ast.ExprNode) ast.ExprNode {
	return &ast.BinaryOperationExpr{Op: op, L: paren(l), R: paren(r)}
}

func unop(op opcode.Op, v ast.ExprNode) ast.ExprNode {
	return &ast.UnaryOperationExpr{Op: op, V: paren(v)}
}

func and(l, r ast.ExprNode) ast.ExprNode { return binop(opcode.LogicAnd, l, r) }

func not(e ast.ExprNode) ast.ExprNode { return unop(opcode.Not, e) }

func isNull(e ast.ExprNode, negate bool) ast.ExprNode {
	return &ast.IsNullExpr{Expr: paren(e), Not: negate}
}

// caseWhen builds CASE WHEN c1 THEN r1 … ELSE els END (els may be nil).
func caseWhen(els ast.ExprNode, condResult ...ast.ExprNode) ast.ExprNode {
	c := &ast.CaseExpr{ElseClause: els}
	for i := 0; i+1 < len(condResult); i += 2 {
		c.WhenClauses = append(c.WhenClauses, &ast.WhenClause{Expr: condResult[i], Result: condResult[i+1]})
	}
	return c
}

func typeNameOf(v any) string {
	s := fmt.Sprintf("%T", v)
	s = strings.TrimPrefix(s, "*pg_query.Node_")
	return s
}

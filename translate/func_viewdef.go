package translate

import (
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

func init() {
	functions["pg_get_viewdef"] = fnGetViewdef
	functions["pg_get_ruledef"] = fnGetRuledef
}

// fnGetViewdef is pg_get_viewdef(view [, pretty]) of a view's oid or name: the text pgtidb
// stored when it created the view (translate/deparse_view.go) with its relations named for
// the session's search path, or TiDB's text of a view it keeps none of (KNOWN_GAPS.md); NULL
// for an oid of no view. Looked up by oid in one uncorrelated JSON map over catalog's
// pgtidb_viewdef. The wrap-column form (an integer second argument) is refused.
func fnGetViewdef(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args := fc.GetArgs()
	if len(args) < 1 || len(args) > 2 {
		return nil, typemap.Type{}, t.undefinedFunction("pg_get_viewdef", args, sc)
	}
	oid, ty, err := t.expr(args[0], sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	switch {
	case isUnknown(ty) || isString(ty):
		// pg_get_viewdef(name): the name is read as regclass input.
		oid, _, err = t.coerce(oid, ty, of(typemap.RegClass))
	case isOIDType(ty) || isInt(ty):
		oid, _, err = t.coerce(oid, ty, of(typemap.Oid))
	default:
		return nil, typemap.Type{}, t.undefinedFunction("pg_get_viewdef", args, sc)
	}
	if err != nil {
		return nil, typemap.Type{}, err
	}
	var pretty []ast.ExprNode
	if len(args) == 2 {
		p, pty, err := t.expr(args[1], sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if isInt(pty) {
			return nil, typemap.Type{}, pgerror.Unsupported("pg_get_viewdef with a wrap column")
		}
		if p, pty, err = t.coerce(p, pty, of(typemap.Bool)); err != nil {
			return nil, typemap.Type{}, err
		}
		if pty.OID != typemap.Bool {
			return nil, typemap.Type{}, t.undefinedFunction("pg_get_viewdef", args, sc)
		}
		pretty = []ast.ExprNode{p}
	}
	text := of(typemap.Text)
	if isNullLit(oid) {
		return oid, text, nil
	}
	src, err := t.catalogSource("pgtidb_viewdef", "v")
	if err != nil {
		return nil, typemap.Type{}, err
	}
	col := func(name string) ast.ExprNode { return qualifiedColumn("v", name) }
	m := oidMap(col("oid"), funcCall("JSON_ARRAY", col("def"), col("pretty_def")), &ast.Join{Left: src}, nil)
	item := func(i int) ast.ExprNode { return funcCall("JSON_UNQUOTE", oidLookup(m, oid, i)) }
	def := prettyChoice(pretty, 0, item(0), item(1))
	return caseWhen(def, isNull(oidLookup(m, oid, -1), false), nullLit(),
		binop(opcode.EQ, funcCall("JSON_TYPE", oidLookup(m, oid, 0)), strLit("NULL")), nullLit()), text, nil
}

// fnGetRuledef is pg_get_ruledef(rule_oid [, pretty]): pgtidb's only rules are the _RETURN
// rules of views (pg_rewrite), printed as PostgreSQL prints them — CREATE RULE "_RETURN" AS
// ON SELECT TO the view (schema-qualified, or as the search path finds it when pretty) DO
// INSTEAD and the view's query as pg_get_viewdef prints it; NULL for an oid of no rule.
func fnGetRuledef(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, err := t.catalogArgs("pg_get_ruledef", fc, sc, 1, typemap.Oid, typemap.Bool)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	text := of(typemap.Text)
	oid := args[0]
	if isNullLit(oid) {
		return oid, text, nil
	}
	col := qualifiedColumn
	join, err := t.catalogJoin(
		catalogJoinItem{"pg_rewrite", "r", nil},
		catalogJoinItem{"pg_class", "c", binop(opcode.EQ, col("c", "oid"), col("r", "ev_class"))},
		catalogJoinItem{"pg_namespace", "n", binop(opcode.EQ, col("n", "oid"), col("c", "relnamespace"))},
		catalogJoinItem{"pgtidb_viewdef", "v", binop(opcode.EQ, col("v", "oid"), col("r", "ev_class"))})
	if err != nil {
		return nil, typemap.Type{}, err
	}
	visible, err := t.relationVisible(col("c", "oid"))
	if err != nil {
		return nil, typemap.Type{}, err
	}
	q := catalog.QuoteIdentExpr
	qualified := funcCall("CONCAT", q(col("n", "nspname")), strLit("."), q(col("c", "relname")))
	head := func(name ast.ExprNode) ast.ExprNode {
		return funcCall("CONCAT", strLit("CREATE RULE \"_RETURN\" AS\n    ON SELECT TO "), name, strLit(" DO INSTEAD "))
	}
	value := funcCall("JSON_ARRAY", funcCall("CONCAT", head(qualified), col("v", "def")),
		funcCall("CONCAT", head(caseWhen(qualified, visible, q(col("c", "relname")))), col("v", "pretty_def")))
	m := oidMap(col("r", "oid"), value, join, nil)
	item := func(i int) ast.ExprNode { return funcCall("JSON_UNQUOTE", oidLookup(m, oid, i)) }
	def := prettyChoice(args, 1, item(0), item(1))
	return caseWhen(def, isNull(oidLookup(m, oid, -1), false), nullLit()), text, nil
}

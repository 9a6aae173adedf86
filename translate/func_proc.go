package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/typemap"
)

// Functions over pg_proc oids. pgtidb's pg_proc holds only the built-in rows of
// catalog.BuiltinFunctions (pgtidb has no user functions), all in pg_catalog, which every
// search path searches: each function's text is known when the statement is translated, so a
// call becomes a lookup of the oid in a constant table — ELT(FIELD(oid, o1, o2…), t1, t2…),
// NULL for an oid of no function, as PostgreSQL answers for an oid it does not know.

func init() {
	functions["pg_function_is_visible"] = fnFunctionIsVisible
	for name, text := range map[string]func(catalog.BuiltinFunction) (string, bool){
		"pg_get_function_result":             func(f catalog.BuiltinFunction) (string, bool) { return f.Result, true },
		"pg_get_function_arguments":          func(f catalog.BuiltinFunction) (string, bool) { return f.Arguments, true },
		"pg_get_function_identity_arguments": func(f catalog.BuiltinFunction) (string, bool) { return f.IdentityArguments, true },
		"pg_get_function_sqlbody":            func(f catalog.BuiltinFunction) (string, bool) { return f.SQLBody, f.SQLBody != "" },
	} {
		functions[name] = fnFunctionText(name, text)
	}
}

// fnFunctionIsVisible is pg_function_is_visible(oid): true for every function pgtidb shows
// (no schema of the search path holds a function that could hide one of pg_catalog's), NULL
// for other oids.
func fnFunctionIsVisible(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, err := t.catalogArgs("pg_function_is_visible", fc, sc, 1, typemap.Oid)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	var oids []ast.ExprNode
	for _, f := range catalog.BuiltinFunctions() {
		oids = append(oids, intLit(int64(f.OID)))
	}
	return caseWhen(nullLit(), &ast.PatternInExpr{Expr: args[0], List: oids}, boolLit(true)), of(typemap.Bool), nil
}

// fnFunctionText is one of the pg_get_function_* functions of an oid, whose text for each
// function is text(f) (ok false: NULL for that function).
func fnFunctionText(name string, text func(catalog.BuiltinFunction) (string, bool)) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		args, err := t.catalogArgs(name, fc, sc, 1, typemap.Oid)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		oids := []ast.ExprNode{args[0]}
		texts := []ast.ExprNode{nil}
		for _, f := range catalog.BuiltinFunctions() {
			if s, ok := text(f); ok {
				if v, isConst := intValue(args[0]); isConst && v == int64(f.OID) {
					return strLit(s), of(typemap.Text), nil
				}
				oids = append(oids, intLit(int64(f.OID)))
				texts = append(texts, strLit(s))
			}
		}
		if _, isConst := intValue(args[0]); isConst || isNullLit(args[0]) {
			return nullLit(), of(typemap.Text), nil
		}
		texts[0] = funcCall("FIELD", oids...)
		return funcCall("ELT", texts...), of(typemap.Text), nil
	}
}

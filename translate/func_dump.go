package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// System functions pg_dump calls that the other catalog files do not answer.

func init() {
	for name, h := range map[string]funcHandler{
		"pg_is_in_recovery": fnIsInRecovery,
	} {
		functions[name] = h
	}
}

// fnIsInRecovery is pg_is_in_recovery(): false. A pgtidb endpoint always accepts writes (TiDB
// has no read-only standby a session could be connected to), as a PostgreSQL primary does.
func fnIsInRecovery(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if _, err := t.catalogArgs("pg_is_in_recovery", fc, sc, 0); err != nil {
		return nil, typemap.Type{}, err
	}
	return boolLit(false), of(typemap.Bool), nil
}

// fnQuoteIdent is quote_ident(text): a constant is quoted here (quoteIdent); another value,
// such as pg_dump's quote_ident(option_name), by catalog.QuoteIdentExpr — bare when it is
// lower-case letters, digits and underscores not starting with a digit and not a keyword
// PostgreSQL quotes, otherwise double-quoted with its double quotes doubled.
func fnQuoteIdent(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.args("quote_ident", fc, sc, 1, argText)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if isNullLit(args[0]) {
		return nullLit(), of(typemap.Text), nil
	}
	if s, ok := literalString(args[0]); ok {
		return strLit(quoteIdent(s)), of(typemap.Text), nil
	}
	if !simpleOperand(args[0]) {
		return nil, typemap.Type{}, pgerror.Unsupported("quote_ident of a value computed by a volatile expression")
	}
	return catalog.QuoteIdentExpr(args[0]), of(typemap.Text), nil
}

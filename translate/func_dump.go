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
		"pg_get_triggerdef": fnNoObject("pg_get_triggerdef", 1, typemap.Oid, typemap.Bool), // pg_trigger is empty
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

// aclKindColumns are the pg_catalog columns whose every value is an object type acldefault
// knows, with those values (PostgreSQL's pg_default_acl.defaclobjtype: tables, sequences,
// functions, types, schemas): pg_dump passes `CASE WHEN defaclobjtype = 'S' THEN 's'::"char"
// ELSE defaclobjtype END` to acldefault, which can then raise no unrecognized-abbreviation
// error (pg_default_acl is empty on pgtidb anyway).
var aclKindColumns = map[string][]string{
	"pg_default_acl.defaclobjtype": {"r", "S", "f", "T", "n"},
}

// aclKindColumn returns the values of column reference cr when it names a column of
// aclKindColumns (qualified by the relation or its alias, or unqualified).
func (t *translator) aclKindColumn(cr *pg_query.ColumnRef, sc *scope) ([]string, bool) {
	names, star := columnRefFields(cr)
	if star || len(names) == 0 || len(names) > 2 {
		return nil, false
	}
	col := names[len(names)-1]
	for s := sc; s != nil; s = s.parent {
		var found *rel
		for _, r := range s.rels {
			if (len(names) == 1 || r.name == names[0]) && r.column(col) != nil {
				if found != nil {
					return nil, false
				}
				found = r
			}
		}
		if found == nil {
			continue
		}
		if found.source == nil || found.source.Schema != "pg_catalog" {
			return nil, false
		}
		kinds, ok := aclKindColumns[found.source.Name+"."+col]
		return kinds, ok
	}
	return nil, false
}

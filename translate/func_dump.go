package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

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

package translate

import (
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/typemap"
)

// What ORMs' reflection queries need beyond the catalog relations themselves (SQLAlchemy's
// inspect(), GORM's migrator; e2e/sqlalchemy_test.go and e2e/gorm_test.go).

// isVector reports whether ty is int2vector or oidvector: catalog columns (pg_index.indkey,
// indoption, indclass, pg_proc.proargtypes) that pgtidb holds as JSON arrays of numbers, like
// arrays, but that PostgreSQL prints space-separated. `x = ANY(ix.indkey)` treats them as the
// arrays of int2/oid they coerce to in PostgreSQL.
func isVector(ty typemap.Type) bool {
	return ty.OID == typemap.Int2Vector || ty.OID == typemap.OIDVector
}

// vectorText is int2vector/oidvector's output function over pgtidb's JSON array of integers:
// the elements separated by one space ("1 2"; "" for an empty vector), as `indkey::varchar`
// reads it.
func vectorText(e ast.ExprNode) ast.ExprNode {
	txt := castTo(e, of(typemap.Text))
	for _, r := range [][2]string{{"[", ""}, {"]", ""}, {", ", " "}} {
		txt = funcCall("REPLACE", txt, strLit(r[0]), strLit(r[1]))
	}
	return txt
}

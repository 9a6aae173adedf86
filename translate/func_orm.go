package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/pgtidb/pgtidb/catalog"
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

// emptyCatalogJoin reports whether a side of join j is a pg_catalog relation pgtidb answers
// with no row (catalog.EmptyRelation) and the ON condition holds a subquery. TiDB refuses
// subqueries in ON ("ON condition doesn't support subqueries yet"), which GORM's ColumnTypes
// sends (LEFT JOIN pg_description pd ON … pd.objoid = (SELECT oid FROM pg_class …)). With one
// side empty the join pairs no rows, whatever the condition: an inner join is empty, an outer
// join keeps the other side's rows with NULLs — exactly what ON FALSE gives.
func (t *translator) emptyCatalogJoin(j *pg_query.JoinExpr) (bool, error) {
	if !hasSubLink(j.GetQuals().ProtoReflect()) {
		return false, nil
	}
	for _, side := range []*pg_query.Node{j.GetLarg(), j.GetRarg()} {
		rv := side.GetRangeVar()
		if rv == nil {
			continue
		}
		tbl, err := t.catalogRelation(rv)
		if err != nil {
			return false, err
		}
		if tbl != nil && tbl.Schema == "pg_catalog" && catalog.EmptyRelation(tbl.Name) {
			return true, nil
		}
	}
	return false, nil
}

// hasSubLink reports whether a PostgreSQL parse tree holds a subquery (SubLink).
func hasSubLink(m protoreflect.Message) bool {
	if !m.IsValid() {
		return false
	}
	if _, ok := m.Interface().(*pg_query.SubLink); ok {
		return true
	}
	found := false
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		switch {
		case fd.IsList() && fd.Message() != nil:
			l := v.List()
			for i := 0; i < l.Len() && !found; i++ {
				found = hasSubLink(l.Get(i).Message())
			}
		case fd.Message() != nil && !fd.IsMap():
			found = hasSubLink(v.Message())
		}
		return !found
	})
	return found
}

// limitLiteral is LIMIT/OFFSET of an untyped string constant ('1'), which PostgreSQL reads as
// a bigint: pgx's simple protocol sends parameters that way (GORM's ColumnTypes runs
// SELECT * FROM t LIMIT $1 in simple protocol). The constant is coerced to bigint (22P02 when it
// is not one); anything else is returned as it is.
func (t *translator) limitLiteral(e ast.ExprNode, ty typemap.Type) (ast.ExprNode, error) {
	if _, ok := literalString(e); !ok || !isUnknown(ty) {
		return e, nil
	}
	out, _, err := t.coerce(e, ty, of(typemap.Int8))
	return out, err
}

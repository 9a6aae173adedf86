package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
)

// catalogRegclass is regclassin of a name that denotes a pg_catalog table ('pg_class',
// 'pg_catalog.pg_extension'), as pg_dump writes in its queries (`classid =
// 'pg_class'::regclass`): PostgreSQL's fixed OID of that catalog, printed as its bare name
// (pg_catalog is always on the search path). The name is resolved as a FROM item would be
// (a user table named pg_class in a schema listed before pg_catalog wins). ok is false for any
// other name, which lookupRegclass resolves or refuses (the views of pg_catalog and
// information_schema have no OIDs pgtidb knows).
func (t *translator) catalogRegclass(s string) (e ast.ExprNode, ok bool, err error) {
	names, err := parseQualifiedName(s)
	if err != nil || len(names) > 2 {
		return nil, false, nil
	}
	rv := &pg_query.RangeVar{Relname: names[len(names)-1], Location: -1}
	if len(names) == 2 {
		if names[0] != "pg_catalog" {
			return nil, false, nil
		}
		rv.Schemaname = names[0]
		if catalog.CatalogRelation(rv.Relname) == nil {
			return nil, true, pgerror.Newf(pgerrcode.UndefinedTable, "relation \"pg_catalog.%s\" does not exist", rv.Relname)
		}
	}
	tbl, err := t.catalogRelation(rv)
	if err != nil || tbl == nil || tbl.Schema != "pg_catalog" {
		return nil, false, nil
	}
	oid, ok := catalog.CatalogTableOID(tbl.Name)
	if !ok {
		return nil, false, nil
	}
	return t.regName(intLit(int64(oid)), quoteIdent(tbl.Name)), true, nil
}

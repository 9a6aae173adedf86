package translate

import (
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
)

// indexRegclass is regclassin of an index name ('people_pkey'::regclass, 'app.orders_idx'):
// the oid pg_class gives the index (the oid of its PostgreSQL name in its table's TiDB
// database), printed as regclassout does — qualified when the index is not found through the
// search path. ok is false when s names no index (the caller's 42P01 stands).
func (t *translator) indexRegclass(s string) (e ast.ExprNode, ok bool, err error) {
	ir, isIR := t.ctx.Resolver.(IndexResolver)
	if !isIR {
		return nil, false, nil
	}
	names, err := parseQualifiedName(s)
	if err != nil || len(names) > 2 {
		return nil, false, nil
	}
	schema, name := "", names[len(names)-1]
	if len(names) == 2 {
		schema = names[0]
	}
	tbl, _, err := ir.LookupIndex(schema, name)
	if err != nil || tbl == nil {
		return nil, false, err
	}
	display := quoteIdent(name)
	if schema != "" {
		visible, _, err := ir.LookupIndex("", name)
		if err != nil {
			return nil, false, err
		}
		if visible == nil || visible.Database != tbl.Database {
			display = quoteIdent(tbl.Schema) + "." + display
		}
	}
	return t.regName(intLit(int64(catalog.RelationOID(tbl.Database, name))), display), true, nil
}

package translate

import (
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// System columns. Every row of a PostgreSQL table has, besides its declared columns, the
// system columns tableoid, ctid, xmin, cmin, xmax and cmax, which a query can name but `*`
// does not expand to; views, subqueries and functions in FROM have none.
//
// tableoid is the OID of the table the row is in: for a pg_catalog table, PostgreSQL's fixed
// OID of that catalog (catalog.CatalogTableOID; pg_dump selects it from every catalog it
// reads); for a user table, its pg_class OID (catalog.RelationOID). The others describe
// PostgreSQL's heap storage (tuple position, inserting and deleting transaction ids), which
// TiDB rows do not have: they are refused with 0A000 rather than invented.

var storageSystemColumns = map[string]bool{"ctid": true, "xmin": true, "cmin": true, "xmax": true, "cmax": true}

// systemColumn returns system column col of r; ok is false when r has no column of that name
// (not a table, or not a system column's name).
func (t *translator) systemColumn(r *rel, col string) (e ast.ExprNode, ty typemap.Type, ok bool, err error) {
	tbl := r.source
	if tbl == nil || tbl.View || r.merged {
		return nil, typemap.Type{}, false, nil
	}
	if col != "tableoid" && !storageSystemColumns[col] {
		return nil, typemap.Type{}, false, nil
	}
	var oid uint32
	switch tbl.Schema {
	case "pg_catalog":
		if oid, ok = catalog.CatalogTableOID(tbl.Name); !ok {
			return nil, typemap.Type{}, false, nil // a view of pg_catalog
		}
	case "information_schema":
		return nil, typemap.Type{}, false, nil // all views
	default:
		oid = catalog.RelationOID(tbl.Database, tbl.Name)
	}
	if col != "tableoid" {
		return nil, typemap.Type{}, true, pgerror.Unsupported("system column " + col)
	}
	return intLit(int64(oid)), of(typemap.Oid), true, nil
}

// unqualifiedSystemColumn resolves an unqualified col against the system columns of the
// relations of one query level; found is false when none has it. PostgreSQL looks an
// unqualified name up only in the FROM items that show their columns unqualified: over `a, b`
// a system column of both is ambiguous (42702), over `a JOIN b ON …` the join has no system
// columns (42703). The scope does not keep that distinction, so with more than one relation
// at the level the reference is refused (0A000); write it qualified.
func (t *translator) unqualifiedSystemColumn(s *scope, col string) (e ast.ExprNode, ty typemap.Type, found bool, err error) {
	for _, r := range s.rels {
		re, rty, ok, rerr := t.systemColumn(r, col)
		if !ok {
			continue
		}
		if len(s.rels) > 1 {
			return nil, typemap.Type{}, true, pgerror.Unsupported("unqualified system column " + col + " over several FROM items")
		}
		return re, rty, true, rerr
	}
	return nil, typemap.Type{}, false, nil
}

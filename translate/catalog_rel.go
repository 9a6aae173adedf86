package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
)

// A FROM item naming a relation of pg_catalog — `pg_catalog.pg_class`, or `pg_class` found
// through the search path — becomes the derived table `(<emulation>) AS pg_class` (or its
// alias), whose SELECT package catalog builds over TiDB's information_schema; its columns have
// PostgreSQL 15's names and types, so the rest of the query translates as over any table.

// catalogRelation returns the pg_catalog relation rv names, or nil when rv names something
// else. PostgreSQL searches pg_catalog first unless search_path lists it explicitly: then the
// schemas listed before it come first (a user table named pg_class in one of them wins).
func (t *translator) catalogRelation(rv *pg_query.RangeVar) (*catalog.Table, error) {
	name := rv.GetRelname()
	switch rv.GetSchemaname() {
	case "pg_catalog":
		if db := rv.GetCatalogname(); db != "" && db != t.ctx.Database {
			return nil, pgerror.Newf(pgerrcode.FeatureNotSupported,
				"cross-database references are not implemented: \"%s.%s\"", db, rangeVarName(rv))
		}
		tbl := catalog.CatalogRelation(name)
		if tbl == nil {
			return nil, atLocation(pgerror.Newf(pgerrcode.UndefinedTable, "relation %q does not exist", rangeVarName(rv)), rv.GetLocation())
		}
		return tbl, nil
	case "":
		tbl := catalog.CatalogRelation(name)
		if tbl == nil || t.ctx.Setting == nil || t.ctx.Resolver == nil {
			return tbl, nil
		}
		sp, ok := t.ctx.Setting("search_path") // part of the proxy's cache key
		if !ok {
			return tbl, nil
		}
		for _, s := range catalog.ParseSearchPath(sp) {
			if s == "pg_catalog" {
				return tbl, nil
			}
			if s == "$user" || s == "information_schema" {
				continue
			}
			user, err := t.ctx.Resolver.LookupTable(s, name)
			if err != nil {
				return nil, err
			}
			if user != nil {
				return nil, nil
			}
		}
		return tbl, nil
	}
	return nil, nil
}

// catalogItem is the FROM item of pg_catalog relation tbl, visible as alias (its own name
// when alias is empty).
func (t *translator) catalogItem(tbl *catalog.Table, alias string, sc *scope) (*fromItem, error) {
	node, err := catalog.Emulation(tbl.Name, catalog.EmulationEnv{Database: t.ctx.Database, User: t.ctx.User})
	if err != nil {
		return nil, err
	}
	if catalog.DependsOnUser(tbl.Name) {
		t.uncacheable = true
	}
	r := tableRel(alias, tbl)
	if err := addRel(sc, r); err != nil {
		return nil, err
	}
	return relItem(r, &ast.TableSource{Source: node, AsName: cistr(r.name)}), nil
}

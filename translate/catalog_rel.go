package translate

import (
	"slices"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

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

// relationVisible is pg_table_is_visible(oid) for an oid TiDB computes (func_catalog.go uses
// it when the argument is not a constant regclass): whether the relation's schema is the first
// schema of the search path holding a relation of that name. pg_catalog is searched first
// unless search_path lists it; pg_catalog's own relations are not in the pg_class emulation,
// so a user relation named like one of them is hidden wherever pg_catalog comes earlier. An oid
// of no relation gives NULL, as in PostgreSQL.
//
//	(SELECT CASE v.relnamespace WHEN <1st schema> THEN <not hidden by an earlier one> … ELSE FALSE END
//	 FROM (<pg_class>) AS v WHERE v.oid = oid)
func (t *translator) relationVisible(oid ast.ExprNode) (ast.ExprNode, error) {
	var path []string
	if t.ctx.Setting != nil {
		if sp, ok := t.ctx.Setting("search_path"); ok {
			path = catalog.ParseSearchPath(sp)
		}
	}
	if !slices.Contains(path, "pg_catalog") {
		path = append([]string{"pg_catalog"}, path...)
	}
	env := catalog.EmulationEnv{Database: t.ctx.Database, User: t.ctx.User}
	outer, err := catalog.Emulation("pg_class", env)
	if err != nil {
		return nil, err
	}
	col := func(rel, name string) ast.ExprNode {
		return &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(rel), Name: cistr(name)}}
	}
	var catalogNames []ast.ExprNode
	for _, name := range catalog.CatalogRelationNames() {
		catalogNames = append(catalogNames, strLit(name))
	}
	visible := &ast.CaseExpr{Value: col("pgtidb_v", "relnamespace"), ElseClause: boolLit(false)}
	var result ast.ExprNode = visible
	var earlier []ast.ExprNode
	catalogEarlier := false
	for _, schema := range path {
		if schema == "$user" {
			schema = t.ctx.User
		}
		if schema == "pg_catalog" {
			catalogEarlier = true
			continue
		}
		nsp := intLit(int64(catalog.NamespaceOID(t.ctx.Database, schema)))
		cond := boolLit(true)
		if catalogEarlier {
			cond = &ast.PatternInExpr{Expr: col("pgtidb_v", "relname"), List: catalogNames, Not: true}
		}
		if len(earlier) > 0 {
			inner, err := catalog.Emulation("pg_class", env)
			if err != nil {
				return nil, err
			}
			shadow := newSelect()
			shadow.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: intLit(1)}}}
			shadow.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: inner, AsName: cistr("pgtidb_s")}}}
			shadow.Where = and(binop(opcode.EQ, col("pgtidb_s", "relname"), col("pgtidb_v", "relname")),
				&ast.PatternInExpr{Expr: col("pgtidb_s", "relnamespace"), List: append([]ast.ExprNode(nil), earlier...)})
			cond = and(cond, &ast.ExistsSubqueryExpr{Sel: &ast.SubqueryExpr{Query: shadow, Exists: true}, Not: true})
		}
		visible.WhenClauses = append(visible.WhenClauses, &ast.WhenClause{Expr: nsp, Result: cond})
		earlier = append(earlier, nsp)
	}
	if len(visible.WhenClauses) == 0 {
		result = boolLit(false)
	}
	sel := newSelect()
	sel.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: result}}}
	sel.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: outer, AsName: cistr("pgtidb_v")}}}
	sel.Where = binop(opcode.EQ, col("pgtidb_v", "oid"), oid)
	return &ast.SubqueryExpr{Query: sel}, nil
}

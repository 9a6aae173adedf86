package translate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
)

// A FROM item naming a relation of pg_catalog — `pg_catalog.pg_class`, or `pg_class` found
// through the search path — or of information_schema (always qualified) becomes the derived table `(<emulation>) AS pg_class` (or its
// alias), whose SELECT package catalog builds over TiDB's information_schema; its columns have
// PostgreSQL 15's names and types, so the rest of the query translates as over any table.

// catalogRelation returns the pg_catalog relation rv names, or nil when rv names something
// else. PostgreSQL searches pg_catalog first unless search_path lists it explicitly: then the
// schemas listed before it come first (a user table named pg_class in one of them wins).
func (t *translator) catalogRelation(rv *pg_query.RangeVar) (*catalog.Table, error) {
	name := rv.GetRelname()
	switch schema := rv.GetSchemaname(); schema {
	case "pg_catalog", "information_schema":
		if db := rv.GetCatalogname(); db != "" && db != t.ctx.Database {
			return nil, pgerror.Newf(pgerrcode.FeatureNotSupported,
				"cross-database references are not implemented: \"%s.%s\"", db, rangeVarName(rv))
		}
		lookup := catalog.CatalogRelation
		if schema == "information_schema" {
			lookup = catalog.InfoSchemaRelation
		}
		tbl := lookup(name)
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
		path := catalog.ParseSearchPath(sp)
		if !ok || !slices.Contains(path, "pg_catalog") {
			return tbl, nil
		}
		for _, s := range path {
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

// emulationEnv is what the catalog's emulations read of the session.
func (t *translator) emulationEnv() catalog.EmulationEnv {
	return catalog.EmulationEnv{Database: t.ctx.Database, User: t.ctx.User, Setting: t.ctx.Setting, Sessions: t.ctx.Sessions}
}

// catalogItem is the FROM item of pg_catalog relation tbl, visible as alias (its own name
// when alias is empty).
func (t *translator) catalogItem(tbl *catalog.Table, alias string, sc *scope) (*fromItem, error) {
	emulation, dependsOnUser := catalog.Emulation, catalog.DependsOnUser
	if tbl.Schema == "information_schema" {
		emulation, dependsOnUser = catalog.InfoSchemaEmulation, catalog.InfoSchemaDependsOnUser
	}
	node, err := emulation(tbl.Name, t.emulationEnv())
	if err != nil {
		return nil, err
	}
	if dependsOnUser(tbl.Name) || catalog.DependsOnSession(tbl.Name) {
		t.uncacheable = true
	}
	r := tableRel(alias, tbl)
	r.source = tbl
	if err := addRel(sc, r); err != nil {
		return nil, err
	}
	ts := &ast.TableSource{Source: node, AsName: cistr(r.name)}
	if sc.parent != nil {
		// Not the statement's own FROM list: a subquery, a WITH query or a derived table,
		// which TiDB may run under an Apply that reopens it per outer row.
		t.evaluateOnce(ts)
	}
	return relItem(r, ts), nil
}

// evaluateOnce wraps the emulation of catalog FROM item ts by catalog.EvaluatedOnce: TiDB
// reads an information_schema table only once per statement, and a correlated subquery it
// runs as an Apply reopens its inner side per outer row — every row after the first would
// find none. Once the statement is built, settleOnce unwraps the items that are in no
// correlated subquery nor WITH query.
func (t *translator) evaluateOnce(ts *ast.TableSource) {
	name := fmt.Sprintf("%s_%d", catalog.OncePrefix, len(t.onceItems)+1)
	ts.Source = catalog.EvaluatedOnce(ts.Source, name)
	t.onceItems = append(t.onceItems, ts)
}

// settleOnce unwraps the EvaluatedOnce items of statement n that TiDB cannot run under an
// Apply (catalog.NeededOnce), deciding on a parsed copy of n's text: the translator's AST
// holds nodes (parameter markers) that a visitor would replace. When the text does not parse,
// every item stays wrapped (the correct, slower form).
func (t *translator) settleOnce(n ast.Node) {
	if len(t.onceItems) == 0 {
		return
	}
	var sb strings.Builder
	if err := n.Restore(format.NewRestoreCtx(RestoreFlags, &sb)); err != nil {
		return
	}
	copied, err := parser.New().ParseOneStmt(sb.String(), "", "")
	if err != nil {
		return
	}
	needed := catalog.NeededOnce(copied)
	rest := t.onceItems[:0]
	for _, ts := range t.onceItems {
		s, ok := ts.Source.(*ast.SelectStmt)
		if !ok || s.With == nil || len(s.With.CTEs) != 1 {
			continue
		}
		keep, present := needed[s.With.CTEs[0].Name.L]
		switch {
		case !present:
			rest = append(rest, ts) // part of another statement of the plan
		case !keep:
			catalog.Unwrap(ts)
		}
	}
	t.onceItems = rest
}

// relationVisible is pg_table_is_visible(oid) for an oid TiDB computes (func_catalog.go uses
// it when the argument is not a constant regclass): whether the relation's schema is the first
// schema of the search path holding a relation of that name. pg_catalog is searched first
// unless search_path lists it; pg_catalog's own relations are not in the pg_class emulation,
// so a user relation named like one of them is hidden wherever pg_catalog comes earlier. An oid
// of no relation gives NULL, as in PostgreSQL.
//
// The subqueries are not correlated (TiDB answers a subquery over information_schema
// correlated to an outer row wrongly: only the first outer row finds its match):
//
//	CASE WHEN oid IN (SELECT v.oid FROM (<pg_class>) v JOIN (SELECT relname, MIN(<rank>) …
//	     GROUP BY relname) m ON m.relname = v.relname AND m.r = <rank of v> WHERE <v on the path>)
//	     THEN TRUE WHEN oid IN (SELECT oid FROM (<pg_class>) a) THEN FALSE END
//
// where the rank of a relation is the position of its schema on the search path.
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
	col := func(rel, name string) ast.ExprNode {
		return &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(rel), Name: cistr(name)}}
	}
	pgClass := func(alias string) (*ast.TableSource, error) {
		n, err := catalog.Emulation("pg_class", env)
		if err != nil {
			return nil, err
		}
		ts := &ast.TableSource{Source: n, AsName: cistr(alias)}
		t.evaluateOnce(ts)
		return ts, nil
	}
	// rank(rel) is CASE rel.relnamespace WHEN <schema i> THEN i … END over the user schemas of
	// the path; afterCatalog lists the ranks that pg_catalog precedes.
	rank := func(rel string) ast.ExprNode {
		c := &ast.CaseExpr{Value: col(rel, "relnamespace")}
		seen := map[uint32]bool{}
		for i, schema := range path {
			if schema == "$user" {
				schema = t.ctx.User
			}
			if schema == "pg_catalog" {
				continue
			}
			nsp := catalog.NamespaceOID(t.ctx.Database, schema)
			if seen[nsp] {
				continue
			}
			seen[nsp] = true
			c.WhenClauses = append(c.WhenClauses, &ast.WhenClause{Expr: intLit(int64(nsp)), Result: intLit(int64(i))})
		}
		return c
	}
	catalogRank := int64(slices.Index(path, "pg_catalog"))
	var catalogNames []ast.ExprNode
	for _, name := range catalog.CatalogRelationNames() {
		catalogNames = append(catalogNames, strLit(name))
	}
	// known: the oids of all relations (an oid of none is NULL, not false).
	all, err := pgClass("pgtidb_a")
	if err != nil {
		return nil, err
	}
	known := newSelect()
	known.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: col("pgtidb_a", "oid")}}}
	known.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: all}}
	isKnown := &ast.PatternInExpr{Expr: oid, Sel: &ast.SubqueryExpr{Query: known}}
	if len(rank("pgtidb_v").(*ast.CaseExpr).WhenClauses) == 0 {
		// Only pg_catalog is searched: no user relation is visible.
		return caseWhen(nil, isKnown, boolLit(false)), nil
	}

	// m: the best rank of every relation name on the path.
	mSrc, err := pgClass("pgtidb_m")
	if err != nil {
		return nil, err
	}
	m := newSelect()
	m.Fields = &ast.FieldList{Fields: []*ast.SelectField{
		{Expr: col("pgtidb_m", "relname"), AsName: cistr("relname")},
		{Expr: &ast.AggregateFuncExpr{F: "min", Args: []ast.ExprNode{rank("pgtidb_m")}}, AsName: cistr("r")}}}
	m.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: mSrc}}
	m.Where = isNull(rank("pgtidb_m"), true)
	m.GroupBy = &ast.GroupByClause{Items: []*ast.ByItem{{Expr: col("pgtidb_m", "relname"), NullOrder: true}}}

	vSrc, err := pgClass("pgtidb_v")
	if err != nil {
		return nil, err
	}
	visible := newSelect()
	visible.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: col("pgtidb_v", "oid")}}}
	visible.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: vSrc,
		Right: &ast.TableSource{Source: m, AsName: cistr("pgtidb_r")}, Tp: ast.CrossJoin,
		On: &ast.OnCondition{Expr: and(binop(opcode.EQ, col("pgtidb_r", "relname"), col("pgtidb_v", "relname")),
			binop(opcode.EQ, col("pgtidb_r", "r"), rank("pgtidb_v")))}}}
	// A relation named like a pg_catalog relation is hidden by it when pg_catalog comes first.
	visible.Where = &ast.BinaryOperationExpr{Op: opcode.LogicOr,
		L: binop(opcode.LT, rank("pgtidb_v"), intLit(catalogRank)),
		R: &ast.PatternInExpr{Expr: col("pgtidb_v", "relname"), List: catalogNames, Not: true}}

	return caseWhen(nil,
		&ast.PatternInExpr{Expr: oid, Sel: &ast.SubqueryExpr{Query: visible}}, boolLit(true),
		isKnown, boolLit(false)), nil
}

package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// System functions psql's \d reads about objects pgtidb has none of (partitions, extended
// statistics, publications).

func init() {
	functions["pg_get_statisticsobjdef_columns"] = fnNoObject("pg_get_statisticsobjdef_columns", 1, typemap.Oid)
	functions["pg_get_statisticsobjdef"] = fnNoObject("pg_get_statisticsobjdef", 1, typemap.Oid)
	functions["pg_relation_is_publishable"] = fnRelationIsPublishable
	functions["pg_partition_ancestors"] = fnPartitionAncestors
}

// fnNoObject is a text function of an object kind pgtidb has none of (extended statistics,
// triggers, comments of shared objects): every oid names no such object, for which
// PostgreSQL answers NULL. The arguments (minArgs to len(want), of types want) are checked.
func fnNoObject(name string, minArgs int, want ...typemap.OID) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		if _, err := t.catalogArgs(name, fc, sc, minArgs, want...); err != nil {
			return nil, typemap.Type{}, err
		}
		return nullLit(), of(typemap.Text), nil
	}
}

// fnRelationIsPublishable is pg_relation_is_publishable(regclass): true for a user's table
// (pgtidb has no temporary or unlogged tables), false for other relations and for the
// pg_catalog tables, NULL for an oid of no relation.
func fnRelationIsPublishable(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, err := t.catalogArgs("pg_relation_is_publishable", fc, sc, 1, typemap.RegClass)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	oid := args[0]
	b := of(typemap.Bool)
	if isNullLit(oid) {
		return oid, b, nil
	}
	src, err := t.catalogSource("pg_class", "c")
	if err != nil {
		return nil, typemap.Type{}, err
	}
	col := func(name string) ast.ExprNode { return qualifiedColumn("c", name) }
	kinds := oidMap(col("oid"), col("relkind"), &ast.Join{Left: src}, nil)
	kind := funcCall("JSON_UNQUOTE", oidLookup(kinds, oid, -1))
	var catalogOIDs []ast.ExprNode
	for _, o := range catalog.CatalogTableOIDs() {
		catalogOIDs = append(catalogOIDs, intLit(int64(o)))
	}
	return caseWhen(nullLit(),
		isNull(oidLookup(kinds, oid, -1), true), &ast.PatternInExpr{Expr: kind, List: []ast.ExprNode{strLit("r"), strLit("p")}},
		&ast.PatternInExpr{Expr: oid, List: catalogOIDs}, boolLit(false)), b, nil
}

// fnPartitionAncestors is pg_partition_ancestors(regclass), a set-returning function of the
// partitions above a partition, the partition included. pgtidb has no partitions, so it
// returns no row for any relation, as PostgreSQL does for one that is not a partition. In a
// select list it makes the query return no row (simpleSelect sees srfEmpty); in FROM it is an
// empty relation (rangeFunction).
func fnPartitionAncestors(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if _, err := t.catalogArgs("pg_partition_ancestors", fc, sc, 1, typemap.RegClass); err != nil {
		return nil, typemap.Type{}, err
	}
	t.srfEmpty++
	return castTo(nullLit(), of(typemap.RegClass)), of(typemap.RegClass), nil
}

// noRowsFromSRF applies a select list's set-returning function that returns no row: the query
// returns none (LIMIT 0 — after any aggregation, as PostgreSQL projects the set after it).
func noRowsFromSRF(sel *ast.SelectStmt) {
	sel.Limit = &ast.Limit{Count: ast.NewValueExpr(uint64(0), "", "")}
}

// srfNotAllowed is PostgreSQL's error for a set-returning function outside a select list.
func srfNotAllowed(clause string) error {
	return pgerror.Newf(pgerrcode.FeatureNotSupported, "set-returning functions are not allowed in %s", clause)
}

// partitionAncestorsFrom is pg_partition_ancestors(regclass) [WITH ORDINALITY] in FROM: an
// empty relation (pgtidb has no partitions) with the function's column, regclass, and the
// ordinality, bigint. The argument is checked but not needed, so it may name another FROM
// item's column (PostgreSQL's implicit LATERAL).
func (t *translator) partitionAncestorsFrom(rf *pg_query.RangeFunction, fc *pg_query.FuncCall, sc *scope) (*fromItem, error) {
	if _, err := t.catalogArgs("pg_partition_ancestors", fc, sc, 1, typemap.RegClass); err != nil {
		return nil, err
	}
	relName := "pg_partition_ancestors"
	if a := rf.GetAlias().GetAliasname(); a != "" {
		relName = a
	}
	names := []string{relName, "ordinality"}
	types := []typemap.Type{of(typemap.RegClass), of(typemap.Int8)}
	if !rf.GetOrdinality() {
		names, types = names[:1], types[:1]
	}
	colNames := aliasColumns(rf.GetAlias())
	if len(colNames) > len(names) {
		return nil, pgerror.Newf(pgerrcode.InvalidColumnReference, "table %q has %d columns available but %d columns specified",
			relName, len(names), len(colNames))
	}
	copy(names, colNames)
	sel := newSelect()
	sel.Fields = &ast.FieldList{}
	r := &rel{name: relName}
	for i, name := range names {
		sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: castTo(nullLit(), types[i]), AsName: cistr(name)})
		r.cols = append(r.cols, relColumn{name: name, typ: types[i]})
	}
	sel.Where = boolLit(false)
	if err := addRel(sc, r); err != nil {
		return nil, err
	}
	return relItem(r, &ast.TableSource{Source: sel, AsName: cistr(relName)}), nil
}

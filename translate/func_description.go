package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// obj_description and col_description read the pg_description emulation (catalog/
// description.go) through one uncorrelated JSON map keyed "objoid/classoid/objsubid" (as
// pg_get_indexdef does: TiDB answers correlated subqueries over information_schema wrongly).

// fnObjDescription is obj_description(oid, catalog_name) and the one-argument form, which
// finds the object in any catalog (pgtidb's OIDs of relations, constraints and schemas are
// distinct, and distinct from the built-in functions').
func fnObjDescription(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, err := t.catalogArgs("obj_description", fc, sc, 1, typemap.Oid, typemap.Name)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	classes := []uint32{1259, 2606, 2615, 1255}
	if len(args) == 2 {
		if isNullLit(args[1]) {
			return nullLit(), of(typemap.Text), nil
		}
		name, ok := literalString(args[1])
		if !ok {
			return nil, typemap.Type{}, pgerror.Unsupported("obj_description with a computed catalog name")
		}
		oid, ok := catalog.CatalogTableOID(name)
		if !ok {
			return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedTable, "relation %q does not exist", name)
		}
		classes = []uint32{oid}
	}
	return t.description(args[0], classes, intLit(0))
}

// fnColDescription is col_description(table_oid, column_number).
func fnColDescription(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, err := t.catalogArgs("col_description", fc, sc, 2, typemap.Oid, typemap.Int4)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if isNullLit(args[1]) {
		return nullLit(), of(typemap.Text), nil
	}
	return t.description(args[0], []uint32{1259}, args[1])
}

// description is the comment of object oid in the first of classes that has one, with subid.
func (t *translator) description(oid ast.ExprNode, classes []uint32, subid ast.ExprNode) (ast.ExprNode, typemap.Type, error) {
	text := of(typemap.Text)
	if isNullLit(oid) {
		return oid, text, nil
	}
	src, err := t.catalogSource("pg_description", "d")
	if err != nil {
		return nil, typemap.Type{}, err
	}
	col := func(name string) ast.ExprNode { return qualifiedColumn("d", name) }
	key := func(o, class, sub ast.ExprNode) ast.ExprNode {
		return funcCall("CONCAT", o, strLit("/"), class, strLit("/"), sub)
	}
	m := oidMap(key(col("objoid"), col("classoid"), col("objsubid")), col("description"), &ast.Join{Left: src}, nil)
	var found []ast.ExprNode
	for _, c := range classes {
		path := funcCall("CONCAT", strLit(`$."`), key(castTo(oid, of(typemap.Text)), intLit(int64(c)), castTo(subid, of(typemap.Text))), strLit(`"`))
		found = append(found, funcCall("JSON_UNQUOTE", funcCall("JSON_EXTRACT", m, path)))
	}
	if len(found) == 1 {
		return found[0], text, nil
	}
	return funcCall("COALESCE", found...), text, nil
}

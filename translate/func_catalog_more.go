package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// Catalog functions answered from the pg_catalog emulations (package catalog).

func init() {
	functions["pg_get_indexdef"] = fnGetIndexdef
}

// fnGetIndexdef is pg_get_indexdef(index_oid [, 0, pretty]): the CREATE INDEX statement of an
// index, as pg_indexes.indexdef shows it (NULL for an index with an expression part, whose
// PostgreSQL text pgtidb does not keep, and for an oid of no index). The definitions of all
// indexes are collected by one uncorrelated subquery into a JSON object keyed by oid — TiDB
// answers subqueries over information_schema correlated to an outer row wrongly — and the
// argument is looked up in it.
func fnGetIndexdef(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if n := len(fc.GetArgs()); n == 2 {
		return nil, typemap.Type{}, t.undefinedFunction("pg_get_indexdef", fc.GetArgs(), sc)
	}
	args, err := t.catalogArgs("pg_get_indexdef", fc, sc, 1, typemap.Oid, typemap.Int4, typemap.Bool)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	oid := args[0]
	pretty := false
	if len(args) == 3 {
		if n, ok := intValue(args[1]); !ok || n != 0 {
			return t.indexColumnDef(args[0], args[1])
		}
		b, ok := boolValue(args[2])
		if !ok {
			return nil, typemap.Type{}, pgerror.Unsupported("pg_get_indexdef with a non-constant pretty flag")
		}
		pretty = b
	}
	text := of(typemap.Text)
	if isNullLit(oid) {
		return oid, text, nil
	}
	defs, err := t.indexdefMap()
	if err != nil {
		return nil, typemap.Type{}, err
	}
	item := func(i int) ast.ExprNode { return oidLookup(defs, oid, i) }
	v := item(0)
	var def ast.ExprNode = funcCall("JSON_UNQUOTE", v)
	if pretty {
		// Pretty output qualifies the table only when the search path does not find it.
		nsp := funcCall("JSON_UNQUOTE", item(1))
		visible, err := t.relationVisible(castTo(item(2), of(typemap.Int8)))
		if err != nil {
			return nil, typemap.Type{}, err
		}
		on := strLit(" ON ")
		bare := funcCall("REPLACE", funcCall("REPLACE", def, funcCall("CONCAT", on, nsp, strLit(".")), on),
			funcCall("CONCAT", strLit(` ON "`), funcCall("REPLACE", nsp, strLit(`"`), strLit(`""`)), strLit(`".`)), on)
		def = caseWhen(def, visible, bare)
	}
	return caseWhen(def, isNull(v, false), nullLit(),
		binop(opcode.EQ, funcCall("JSON_TYPE", v), strLit("NULL")), nullLit()), text, nil
}

// indexColumnDef is pg_get_indexdef(index_oid, column_no, pretty) for a column number other
// than 0: the definition of that key column, its name as quote_ident quotes it (pgtidb's
// index columns are columns; an expression part has none: NULL, as pg_get_indexdef of the
// whole index), NULL for a number beyond the index's columns or an oid of no index. One
// uncorrelated JSON map over the index rows of pg_attribute, keyed "oid/attnum".
func (t *translator) indexColumnDef(oid, colno ast.ExprNode) (ast.ExprNode, typemap.Type, error) {
	text := of(typemap.Text)
	if isNullLit(oid) || isNullLit(colno) {
		return nullLit(), text, nil
	}
	a, err := t.catalogSource("pg_attribute", "a")
	if err != nil {
		return nil, typemap.Type{}, err
	}
	c, err := t.catalogSource("pg_class", "c")
	if err != nil {
		return nil, typemap.Type{}, err
	}
	col := qualifiedColumn
	from := &ast.Join{Tp: ast.CrossJoin, Left: a, Right: c,
		On: &ast.OnCondition{Expr: and(binop(opcode.EQ, col("c", "oid"), col("a", "attrelid")), binop(opcode.EQ, col("c", "relkind"), strLit("i")))}}
	key := func(o, n ast.ExprNode) ast.ExprNode { return funcCall("CONCAT", o, strLit("/"), n) }
	m := oidMap(key(col("a", "attrelid"), col("a", "attnum")), catalog.QuoteIdentExpr(col("a", "attname")), from,
		binop(opcode.GT, col("a", "attnum"), intLit(0)))
	path := funcCall("CONCAT", strLit(`$."`), key(castTo(oid, of(typemap.Text)), castTo(colno, of(typemap.Text))), strLit(`"`))
	return funcCall("JSON_UNQUOTE", funcCall("JSON_EXTRACT", m, path)), text, nil
}

// indexdefMap is an uncorrelated scalar subquery building the JSON object
// {index oid: [indexdef, schema name, table oid]} of every index, from the pg_class,
// pg_namespace, pg_index and pg_indexes emulations.
func (t *translator) indexdefMap() (ast.ExprNode, error) {
	join, err := t.catalogJoin(
		catalogJoinItem{"pg_class", "c", nil},
		catalogJoinItem{"pg_namespace", "n", binop(opcode.EQ, qualifiedColumn("n", "oid"), qualifiedColumn("c", "relnamespace"))},
		catalogJoinItem{"pg_index", "i", binop(opcode.EQ, qualifiedColumn("i", "indexrelid"), qualifiedColumn("c", "oid"))},
		catalogJoinItem{"pg_indexes", "v", and(binop(opcode.EQ, qualifiedColumn("v", "schemaname"), qualifiedColumn("n", "nspname")),
			binop(opcode.EQ, qualifiedColumn("v", "indexname"), qualifiedColumn("c", "relname")))})
	if err != nil {
		return nil, err
	}
	col := qualifiedColumn
	value := funcCall("JSON_ARRAY", col("v", "indexdef"), col("n", "nspname"), col("i", "indrelid"))
	return oidMap(col("c", "oid"), value, join, binop(opcode.EQ, col("c", "relkind"), strLit("i"))), nil
}

// catalogSource is the FROM item of pg_catalog relation name's emulation, as alias.
func (t *translator) catalogSource(name, alias string) (*ast.TableSource, error) {
	if catalog.DependsOnUser(name) || catalog.DependsOnSession(name) {
		t.uncacheable = true
	}
	n, err := catalog.Emulation(name, t.emulationEnv())
	if err != nil {
		return nil, err
	}
	return &ast.TableSource{Source: n, AsName: cistr(alias)}, nil
}

func qualifiedColumn(rel, name string) ast.ExprNode {
	return &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(rel), Name: cistr(name)}}
}

// oidMap is the uncorrelated scalar subquery SELECT JSON_OBJECTAGG(key, value) FROM from WHERE
// where: catalog values looked up by oid without a correlated subquery, which TiDB answers
// wrongly over information_schema.
func oidMap(key, value ast.ExprNode, from *ast.Join, where ast.ExprNode) ast.ExprNode {
	agg := &ast.AggregateFuncExpr{F: "json_objectagg", Args: []ast.ExprNode{key, value}}
	return &ast.SubqueryExpr{Query: &ast.SelectStmt{SelectStmtOpts: &ast.SelectStmtOpts{SQLCache: true},
		Kind: ast.SelectStmtKindSelect, Fields: &ast.FieldList{Fields: []*ast.SelectField{{Expr: agg}}},
		From: &ast.TableRefsClause{TableRefs: from}, Where: where}}
}

// oidLookup is the value an oidMap holds for oid (JSON; SQL NULL when absent), element i of it
// when i >= 0.
func oidLookup(m, oid ast.ExprNode, i int) ast.ExprNode {
	path := []ast.ExprNode{strLit(`$."`), castTo(oid, of(typemap.Text)), strLit(`"`)}
	if i >= 0 {
		path[2] = strLit(`"[` + itoa(i) + `]`)
	}
	return funcCall("JSON_EXTRACT", m, funcCall("CONCAT", path...))
}

// relationDisplay is a computed regclass or regnamespace as it is printed: the JSON
// [schema, relation, visible] of its relation or [schema] of its namespace, which typemap
// formats as regclassout / regnamespaceout do, '-' for oid 0, or the oid's digits for an oid of
// no such object (PostgreSQL prints those as numbers). The names come from one uncorrelated
// JSON map over the pg_class and pg_namespace emulations.
func (t *translator) relationDisplay(oid ast.ExprNode, ty typemap.Type) (ast.ExprNode, error) {
	if !simpleOperand(oid) {
		return nil, pgerror.Unsupported("output of a " + sqlTypeName(ty) + " computed by a volatile expression")
	}
	m, err := t.relationNameMap(ty,
		func(nsp ast.ExprNode) ast.ExprNode { return funcCall("JSON_ARRAY", nsp) },
		func(nsp, rel, visible ast.ExprNode) ast.ExprNode { return funcCall("JSON_ARRAY", nsp, rel, visible) })
	if err != nil {
		return nil, err
	}
	v := oidLookup(m, oid, -1)
	text := of(typemap.Text)
	return caseWhen(castTo(v, text), isNull(oid, false), nullLit(), binop(opcode.EQ, oid, intLit(0)), strLit("-"),
		isNull(v, false), castTo(oid, text)), nil
}

// relationText is a computed regclass or regnamespace cast to text, as regclassout /
// regnamespaceout print it: the name quoted as quote_ident does, a relation qualified by its
// schema unless the search path finds it, '-' for oid 0, the oid's digits for an oid of no
// such object. The names come from one uncorrelated JSON map, as relationDisplay's.
func (t *translator) relationText(oid ast.ExprNode, ty typemap.Type) (ast.ExprNode, error) {
	if !simpleOperand(oid) {
		return nil, pgerror.Unsupported("text of a " + sqlTypeName(ty) + " computed by a volatile expression")
	}
	q := catalog.QuoteIdentExpr
	m, err := t.relationNameMap(ty, q, func(nsp, rel, visible ast.ExprNode) ast.ExprNode {
		return caseWhen(funcCall("CONCAT", q(nsp), strLit("."), q(rel)), visible, q(rel))
	})
	if err != nil {
		return nil, err
	}
	v := funcCall("JSON_UNQUOTE", oidLookup(m, oid, -1))
	text := of(typemap.Text)
	return caseWhen(v, isNull(oid, false), nullLit(), binop(opcode.EQ, oid, intLit(0)), strLit("-"),
		isNull(oidLookup(m, oid, -1), false), castTo(oid, text)), nil
}

// relationNameMap is the uncorrelated JSON map by oid of every namespace (regnamespace: the
// value namespace gives for its name) or relation (regclass: the value relation gives for its
// namespace's name, its name and whether the search path finds it), over the pg_namespace and
// pg_class emulations.
func (t *translator) relationNameMap(ty typemap.Type, namespace func(nsp ast.ExprNode) ast.ExprNode,
	relation func(nsp, rel, visible ast.ExprNode) ast.ExprNode) (ast.ExprNode, error) {
	col := qualifiedColumn
	if ty.OID == typemap.RegNamespace {
		n, err := t.catalogJoin(catalogJoinItem{"pg_namespace", "n", nil})
		if err != nil {
			return nil, err
		}
		return oidMap(col("n", "oid"), namespace(col("n", "nspname")), n, nil), nil
	}
	from, err := t.catalogJoin(catalogJoinItem{"pg_class", "c", nil},
		catalogJoinItem{"pg_namespace", "n", binop(opcode.EQ, col("n", "oid"), col("c", "relnamespace"))})
	if err != nil {
		return nil, err
	}
	visible, err := t.relationVisible(col("c", "oid"))
	if err != nil {
		return nil, err
	}
	return oidMap(col("c", "oid"), relation(col("n", "nspname"), col("c", "relname"), visible), from, nil), nil
}

// oidExists is `oid IN (SELECT oid FROM <pg_catalog relation>)`, uncorrelated.
func (t *translator) oidExists(relation string, oid ast.ExprNode) (ast.ExprNode, error) {
	src, err := t.catalogSource(relation, "o")
	if err != nil {
		return nil, err
	}
	sel := &ast.SelectStmt{SelectStmtOpts: &ast.SelectStmtOpts{SQLCache: true}, Kind: ast.SelectStmtKindSelect,
		Fields: &ast.FieldList{Fields: []*ast.SelectField{{Expr: qualifiedColumn("o", "oid")}}},
		From:   &ast.TableRefsClause{TableRefs: &ast.Join{Left: src}}}
	return &ast.PatternInExpr{Expr: oid, Sel: &ast.SubqueryExpr{Query: sel}}, nil
}

// catalogJoinItem is one relation of catalogJoin: a pg_catalog (or pgtidb internal) relation
// as alias, joined on the condition on (nil for the first).
type catalogJoinItem struct {
	rel, alias string
	on         ast.ExprNode
}

// catalogJoin joins the emulations of items in order, each on its condition: the FROM of the
// uncorrelated maps the catalog functions look values up in.
func (t *translator) catalogJoin(items ...catalogJoinItem) (*ast.Join, error) {
	var join ast.ResultSetNode
	for _, j := range items {
		src, err := t.catalogSource(j.rel, j.alias)
		if err != nil {
			return nil, err
		}
		if join == nil {
			join = src
			continue
		}
		join = &ast.Join{Tp: ast.CrossJoin, Left: join, Right: src, On: &ast.OnCondition{Expr: j.on}}
	}
	if j, ok := join.(*ast.Join); ok {
		return j, nil
	}
	return &ast.Join{Left: join}, nil
}

// prettyChoice is a catalog function's text for its pretty argument (absent: plain): the
// plain or pretty text for a constant flag, a CASE for a computed one.
func prettyChoice(args []ast.ExprNode, i int, plain, pretty ast.ExprNode) ast.ExprNode {
	if len(args) <= i {
		return plain
	}
	if b, ok := boolValue(args[i]); ok {
		if b {
			return pretty
		}
		return plain
	}
	return caseWhen(plain, args[i], pretty)
}

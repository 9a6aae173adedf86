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
			return nil, typemap.Type{}, pgerror.Unsupported("pg_get_indexdef of one index column")
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
	item := func(i int) ast.ExprNode {
		return funcCall("JSON_EXTRACT", defs,
			funcCall("CONCAT", strLit(`$."`), castTo(oid, of(typemap.Text)), strLit(`"[`+itoa(i)+`]`)))
	}
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

// indexdefMap is an uncorrelated scalar subquery building the JSON object
// {index oid: [indexdef, schema name, table oid]} of every index, from the pg_class,
// pg_namespace, pg_index and pg_indexes emulations.
func (t *translator) indexdefMap() (ast.ExprNode, error) {
	env := catalog.EmulationEnv{Database: t.ctx.Database, User: t.ctx.User}
	source := func(name, alias string) (*ast.TableSource, error) {
		if catalog.DependsOnUser(name) {
			t.uncacheable = true
		}
		n, err := catalog.Emulation(name, env)
		if err != nil {
			return nil, err
		}
		return &ast.TableSource{Source: n, AsName: cistr(alias)}, nil
	}
	col := func(rel, name string) ast.ExprNode {
		return &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(rel), Name: cistr(name)}}
	}
	var join ast.ResultSetNode
	for _, j := range []struct {
		rel, alias string
		on         ast.ExprNode
	}{
		{"pg_class", "c", nil},
		{"pg_namespace", "n", binop(opcode.EQ, col("n", "oid"), col("c", "relnamespace"))},
		{"pg_index", "i", binop(opcode.EQ, col("i", "indexrelid"), col("c", "oid"))},
		{"pg_indexes", "v", and(binop(opcode.EQ, col("v", "schemaname"), col("n", "nspname")),
			binop(opcode.EQ, col("v", "indexname"), col("c", "relname")))},
	} {
		src, err := source(j.rel, j.alias)
		if err != nil {
			return nil, err
		}
		if join == nil {
			join = src
			continue
		}
		join = &ast.Join{Tp: ast.CrossJoin, Left: join, Right: src, On: &ast.OnCondition{Expr: j.on}}
	}
	value := funcCall("JSON_ARRAY", col("v", "indexdef"), col("n", "nspname"), col("i", "indrelid"))
	agg := &ast.AggregateFuncExpr{F: "json_objectagg", Args: []ast.ExprNode{col("c", "oid"), value}}
	sel := &ast.SelectStmt{SelectStmtOpts: &ast.SelectStmtOpts{SQLCache: true}, Kind: ast.SelectStmtKindSelect,
		Fields: &ast.FieldList{Fields: []*ast.SelectField{{Expr: agg}}},
		From:   &ast.TableRefsClause{TableRefs: join.(*ast.Join)},
		Where:  binop(opcode.EQ, col("c", "relkind"), strLit("i"))}
	return &ast.SubqueryExpr{Query: sel}, nil
}

package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

func init() {
	functions["pg_get_serial_sequence"] = (*translator).pgGetSerialSequence
}

// pgGetSerialSequence translates pg_get_serial_sequence('table', 'column'): the sequence the
// column owns (SERIAL or identity) as quoted, schema-qualified text, or NULL. It is answered
// from the shadow catalog at translation time (the translation is keyed on the catalog's
// generation), so both arguments must be constants. The table name is read as regclass text
// (case-folded unless quoted, searched along the search path); the column name is taken
// literally, as in PostgreSQL.
func (t *translator) pgGetSerialSequence(fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args := fc.GetArgs()
	if len(args) != 2 {
		return nil, typemap.Type{}, t.undefinedFunction("pg_get_serial_sequence", args, sc)
	}
	var text [2]string
	var exprs [2]ast.ExprNode
	computed := false
	for i, a := range args {
		e, ty, err := t.expr(a, sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if !(isUnknown(ty) || isString(ty)) {
			return nil, typemap.Type{}, t.undefinedFunction("pg_get_serial_sequence", args, sc)
		}
		exprs[i] = e
		s, ok := literalString(e)
		if !ok {
			computed = true
		}
		text[i] = s
	}
	if computed {
		return t.serialSequenceComputed(exprs[0], exprs[1])
	}
	names, err := parseQualifiedName(text[0])
	if err != nil {
		return nil, typemap.Type{}, err
	}
	rv, err := rangeVarOf(names)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if t.ctx.Resolver == nil {
		return nil, typemap.Type{}, pgerror.Unsupported("pg_get_serial_sequence() without a catalog")
	}
	tbl, err := t.ctx.Resolver.LookupTable(rv.GetSchemaname(), rv.GetRelname())
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if tbl == nil {
		return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedTable, "relation %q does not exist", text[0])
	}
	col := tbl.Column(text[1])
	if col == nil {
		return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedColumn, "column %q of relation %q does not exist", text[1], tbl.Name)
	}
	if col.Sequence == "" {
		return ast.NewValueExpr(nil, "", ""), typemap.Of(typemap.Text), nil
	}
	return ast.NewValueExpr(quoteIdent(tbl.Schema)+"."+quoteIdent(col.Sequence), "", ""), typemap.Of(typemap.Text), nil
}

// serialSequenceComputed is pg_get_serial_sequence(table, column) of names TiDB computes
// (SQLAlchemy passes a.attrelid::regclass::text, a.attname): one uncorrelated JSON map over the
// owned sequences of pg_depend, keyed "schema.table/column" with quote_ident's quoting, holds
// [sequence text, sequence oid]; an unqualified table name is looked up in the search path's
// schemas in order. A name of no relation or column gives NULL (PostgreSQL raises 42P01 /
// 42703). The text's ::regclass is the sequence's oid (serialSeqOIDs).
func (t *translator) serialSequenceComputed(table, column ast.ExprNode) (ast.ExprNode, typemap.Type, error) {
	if !simpleOperand(table) || !simpleOperand(column) {
		return nil, typemap.Type{}, pgerror.Unsupported("pg_get_serial_sequence() of names computed by a volatile expression")
	}
	col := qualifiedColumn
	join, err := t.catalogJoin(
		catalogJoinItem{"pg_depend", "d", nil},
		catalogJoinItem{"pg_class", "c", binop(opcode.EQ, col("c", "oid"), col("d", "refobjid"))},
		catalogJoinItem{"pg_namespace", "cn", binop(opcode.EQ, col("cn", "oid"), col("c", "relnamespace"))},
		catalogJoinItem{"pg_attribute", "a", and(binop(opcode.EQ, col("a", "attrelid"), col("c", "oid")), binop(opcode.EQ, col("a", "attnum"), col("d", "refobjsubid")))},
		catalogJoinItem{"pg_class", "s", binop(opcode.EQ, col("s", "oid"), col("d", "objid"))},
		catalogJoinItem{"pg_namespace", "sn", binop(opcode.EQ, col("sn", "oid"), col("s", "relnamespace"))})
	if err != nil {
		return nil, typemap.Type{}, err
	}
	q := catalog.QuoteIdentExpr
	key := funcCall("CONCAT", q(col("cn", "nspname")), strLit("."), q(col("c", "relname")), strLit("/"), col("a", "attname"))
	value := funcCall("JSON_ARRAY", funcCall("CONCAT", q(col("sn", "nspname")), strLit("."), q(col("s", "relname"))), col("s", "oid"))
	where := and(and(binop(opcode.EQ, col("d", "classid"), intLit(1259)), binop(opcode.EQ, col("d", "refclassid"), intLit(1259))),
		&ast.PatternInExpr{Expr: col("d", "deptype"), List: []ast.ExprNode{strLit("a"), strLit("i")}})
	m := oidMap(key, value, join, where)
	lookup := func(qualified ast.ExprNode) ast.ExprNode {
		return funcCall("JSON_EXTRACT", m, funcCall("CONCAT", strLit(`$."`), qualified, strLit("/"), column, strLit(`"`)))
	}
	var path []string
	if t.ctx.Setting != nil {
		if sp, ok := t.ctx.Setting("search_path"); ok {
			path = catalog.ParseSearchPath(sp)
		}
	}
	var unqualified []ast.ExprNode
	for _, schema := range path {
		if schema == "$user" || schema == "pg_catalog" || schema == "information_schema" {
			continue
		}
		unqualified = append(unqualified, lookup(funcCall("CONCAT", strLit(quoteIdent(schema)+"."), table)))
	}
	found := lookup(table)
	if len(unqualified) > 0 {
		found = caseWhen(funcCall("COALESCE", unqualified...), binop(opcode.GT, funcCall("LOCATE", strLit("."), table), intLit(0)), found)
	}
	text := funcCall("JSON_UNQUOTE", funcCall("JSON_EXTRACT", found, strLit("$[0]")))
	if t.serialSeqOIDs == nil {
		t.serialSeqOIDs = map[ast.ExprNode]ast.ExprNode{}
	}
	t.serialSeqOIDs[text] = castTo(funcCall("JSON_EXTRACT", found, strLit("$[1]")), of(typemap.Int8))
	t.uncacheable = true // the search path decides
	return text, typemap.Of(typemap.Text), nil
}

package translate

import (
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/typemap"
)

func init() {
	functions["pg_get_constraintdef"] = fnGetConstraintdef
}

// fnGetConstraintdef is pg_get_constraintdef(constraint_oid [, pretty]): PRIMARY KEY (…),
// UNIQUE (…), FOREIGN KEY (…) REFERENCES t(…) [ON UPDATE …] [ON DELETE …], CHECK (…), from
// catalog's pgtidb_constraintdef looked up by oid in one uncorrelated JSON map (as
// pg_get_indexdef). A foreign key's referenced table is qualified unless the search path
// finds it, as PostgreSQL's generate_relation_name does. NULL for an oid of no constraint.
func fnGetConstraintdef(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, err := t.catalogArgs("pg_get_constraintdef", fc, sc, 1, typemap.Oid, typemap.Bool)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	text := of(typemap.Text)
	oid := args[0]
	if isNullLit(oid) {
		return oid, text, nil
	}
	src, err := t.catalogSource("pgtidb_constraintdef", "d")
	if err != nil {
		return nil, typemap.Type{}, err
	}
	col := func(name string) ast.ExprNode { return qualifiedColumn("d", name) }
	value := funcCall("JSON_ARRAY", col("def"), col("pretty_def"), col("ref_nsp"), col("ref_rel"), col("ref_tail"), col("confrelid"))
	from := &ast.Join{Left: src}
	defs := oidMap(col("oid"), value, from, nil)
	item := func(i int) ast.ExprNode { return funcCall("JSON_UNQUOTE", oidLookup(defs, oid, i)) }
	def := prettyChoice(args, 1, item(0), item(1))
	visible, err := t.relationVisible(castTo(item(5), of(typemap.Int8)))
	if err != nil {
		return nil, typemap.Type{}, err
	}
	ref := caseWhen(funcCall("CONCAT", item(2), strLit("."), item(3), item(4)),
		binop(opcode.EQ, item(3), strLit("")), strLit(""),
		visible, funcCall("CONCAT", item(3), item(4)))
	return caseWhen(funcCall("CONCAT", def, ref), isNull(oidLookup(defs, oid, -1), false), nullLit()), text, nil
}

package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

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
	for i, a := range args {
		e, ty, err := t.expr(a, sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		s, ok := literalString(e)
		if !ok || !(isUnknown(ty) || isString(ty)) {
			return nil, typemap.Type{}, pgerror.Unsupported("pg_get_serial_sequence() of a computed name").
				WithHint("Name the table and the column with string constants.")
		}
		text[i] = s
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

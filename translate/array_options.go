package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// optionsToTable translates pg_options_to_table(options text[]) in FROM (pg_dump reads the
// options of foreign-data wrappers, servers and columns with it): one row (option_name text,
// option_value text) per element, split at the element's first '=' — without one the whole
// element is the name and the value is NULL ('z=' has the value ”). A NULL array gives no
// row. The elements come from unnest's derived table (array_unnest.go); a NULL element,
// which PostgreSQL refuses (22004), is refused when the elements are known and is a row of
// NULLs otherwise (catalog option arrays hold none).
func (t *translator) optionsToTable(rf *pg_query.RangeFunction, fc *pg_query.FuncCall, sc *scope) (*fromItem, error) {
	if rf.GetOrdinality() {
		return nil, pgerror.Unsupported("pg_options_to_table() WITH ORDINALITY")
	}
	if len(fc.GetArgs()) != 1 || fc.GetOver() != nil || fc.GetAggStar() || fc.GetAggDistinct() || fc.GetAggFilter() != nil {
		return nil, t.undefinedFunction("pg_options_to_table", fc.GetArgs(), sc)
	}
	textArray := of(typemap.ArrayOf(typemap.Text))
	arr, ty, err := t.expr(fc.GetArgs()[0], &scope{parent: sc.parent, ctes: sc.ctes})
	if err != nil {
		if _, _, lateral := t.expr(fc.GetArgs()[0], sc); lateral == nil {
			return nil, pgerror.Unsupported("pg_options_to_table of another FROM item's columns (LATERAL)")
		}
		return nil, err
	}
	if isUnknown(ty) {
		if arr, ty, err = t.coerce(arr, ty, textArray); err != nil {
			return nil, err
		}
	}
	if ty.OID != textArray.OID {
		return nil, t.undefinedFunction("pg_options_to_table", fc.GetArgs(), sc)
	}
	arr = t.arrayOperand(arr, ty)
	const elemName = "o"
	var src ast.ResultSetNode
	if v := t.arrays[arr]; v != nil {
		for _, e := range v.elems {
			if isNullLit(e) {
				return nil, pgerror.New(pgerrcode.NullValueNotAllowedDataException, "null array element not allowed in this context")
			}
		}
		src = t.unnestKnown(v, elemName, "", false)
	} else if src, err = t.unnestJSON(arr, of(typemap.Text), elemName, "", false); err != nil {
		return nil, err
	}
	relName := "pg_options_to_table"
	if a := rf.GetAlias().GetAliasname(); a != "" {
		relName = a
	}
	names := []string{"option_name", "option_value"}
	colNames := aliasColumns(rf.GetAlias())
	if len(colNames) > len(names) {
		return nil, pgerror.Newf(pgerrcode.InvalidColumnReference, "table %q has %d columns available but %d columns specified",
			relName, len(names), len(colNames))
	}
	copy(names, colNames)
	o := &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr("pgtidb_o"), Name: cistr(elemName)}}
	eq := funcCall("LOCATE", strLit("="), o)
	hasEq := binop(opcode.GT, eq, intLit(0))
	sel := newSelect()
	sel.Fields = &ast.FieldList{Fields: []*ast.SelectField{
		{Expr: caseWhen(o, hasEq, funcCall("LEFT", o, binop(opcode.Minus, eq, intLit(1)))), AsName: cistr(names[0])},
		{Expr: caseWhen(nullLit(), hasEq, funcCall("SUBSTRING", o, binop(opcode.Plus, eq, intLit(1)))), AsName: cistr(names[1])}}}
	sel.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: src, AsName: cistr("pgtidb_o")}}}
	r := &rel{name: relName, cols: []relColumn{{name: names[0], typ: of(typemap.Text)}, {name: names[1], typ: of(typemap.Text)}}}
	if err := addRel(sc, r); err != nil {
		return nil, err
	}
	return relItem(r, &ast.TableSource{Source: sel, AsName: cistr(relName)}), nil
}

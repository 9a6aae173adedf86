package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// arraySublinkOrdered translates ARRAY(SELECT x FROM … ORDER BY k…): the elements in the
// subquery's order (pg_dump's `ARRAY(SELECT quote_ident(option_name) || … ORDER BY
// option_name)`). TiDB's JSON_ARRAYAGG has no ORDER BY, GROUP_CONCAT has: each element is
// written as its JSON text and the ordered texts are joined into the JSON array's text,
//
//	(SELECT CAST(CONCAT('[', IFNULL(GROUP_CONCAT(CAST(JSON_EXTRACT(JSON_ARRAY(<x>), '$[0]') AS CHAR)
//	   ORDER BY <keys> SEPARATOR ','), ''), ']') AS JSON) FROM (<subquery with its keys>) AS array_sub)
//
// where the sort keys of the subquery (its translated ORDER BY, NULL ordering included) are
// extra columns of the subquery, or its result column when ORDER BY names it. The subquery
// keeps its own ORDER BY (for LIMIT). A DISTINCT subquery sorted by anything but its result
// column, and an ordered set operation, are refused.
func (t *translator) arraySublinkOrdered(sel *pg_query.SelectStmt, sc *scope) (ast.ExprNode, typemap.Type, error) {
	q, err := t.query(sel, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if len(q.cols) != 1 {
		return nil, typemap.Type{}, pgerror.New(pgerrcode.SyntaxError, "subquery must return only one column")
	}
	inner, ok := q.node.(*ast.SelectStmt)
	if !ok || inner.OrderBy == nil || inner.Fields == nil || len(inner.Fields.Fields) != 1 {
		return nil, typemap.Type{}, pgerror.Unsupported("ARRAY(subquery) over an ordered set operation")
	}
	elem := outputType(q.cols[0].typ)
	arrTy, err := arrayTypeOf(elem)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	const sub = "array_sub"
	outCol := func(name string) *ast.ColumnNameExpr {
		return &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(sub), Name: cistr(name)}}
	}
	resultName := q.cols[0].name
	inner.Fields.Fields[0].AsName = cistr(resultName)
	// isResult reports whether key e is the subquery's result column: its position, or its
	// name as the NULL test of orderBy writes it.
	isResult := func(e ast.ExprNode) bool {
		if n, ok := intValue(e); ok {
			return n == 1
		}
		c, ok := e.(*ast.ColumnNameExpr)
		return ok && c.Name.Table.L == "" && c.Name.Name.L == cistr(resultName).L
	}
	var keys []*ast.ByItem
	for i, item := range inner.OrderBy.Items {
		e := item.Expr
		if p, ok := e.(*ast.ParenthesesExpr); ok {
			if n, ok := p.Expr.(*ast.IsNullExpr); ok && isResult(n.Expr) {
				keys = append(keys, &ast.ByItem{Expr: isNull(outCol(resultName), false), Desc: item.Desc})
				continue
			}
		}
		if isResult(e) {
			keys = append(keys, &ast.ByItem{Expr: outCol(resultName), Desc: item.Desc})
			continue
		}
		if _, isInt := intValue(e); isInt {
			// Another position was refused by the subquery's own ORDER BY (42P10).
			return nil, typemap.Type{}, pgerror.Unsupported("ARRAY(subquery) ordered by a constant")
		}
		if inner.Distinct {
			return nil, typemap.Type{}, pgerror.Unsupported("ARRAY(SELECT DISTINCT … ORDER BY an expression)")
		}
		name := "pgtidb_k" + itoa(i)
		inner.Fields.Fields = append(inner.Fields.Fields, &ast.SelectField{Expr: e, AsName: cistr(name)})
		keys = append(keys, &ast.ByItem{Expr: outCol(name), Desc: item.Desc})
	}
	je, err := t.jsonElement(outCol(resultName), elem)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	text := castTo(funcCall("JSON_EXTRACT", funcCall("JSON_ARRAY", je), strLit("$[0]")), of(typemap.Text))
	agg := &ast.AggregateFuncExpr{F: ast.AggFuncGroupConcat, Args: []ast.ExprNode{text, strLit(",")},
		Order: &ast.OrderByClause{Items: keys}}
	array := castTo(funcCall("CONCAT", strLit("["), funcCall("IFNULL", agg, strLit("")), strLit("]")), of(typemap.JSONB))
	outer := newSelect()
	outer.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: array}}}
	outer.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: inner, AsName: cistr(sub)}}}
	out := &ast.SubqueryExpr{Query: outer}
	t.rememberArraySubquery(out, &arraySubquery{rows: inner, col: outCol(resultName), elem: elem, order: keys})
	return out, arrTy, nil
}

// arraySubquery is what the translator knows of an ARRAY(subquery) result: the subquery's
// rows (a derived table named array_sub), its result column over them, the element type and
// the order of the elements (nil: the subquery's unordered rows).
type arraySubquery struct {
	rows  ast.ResultSetNode
	col   ast.ExprNode
	elem  typemap.Type
	order []*ast.ByItem
}

func (t *translator) rememberArraySubquery(e ast.ExprNode, a *arraySubquery) {
	if t.arraySubqueries == nil {
		t.arraySubqueries = map[ast.ExprNode]*arraySubquery{}
	}
	t.arraySubqueries[e] = a
}

// arraySubqueryToString is array_to_string(ARRAY(subquery), delimiter [, null_string]) with a
// constant delimiter: the elements' text joined in the subquery's order, without building
// the array,
//
//	(SELECT IFNULL(GROUP_CONCAT(<element text> ORDER BY … SEPARATOR delimiter), '') FROM (…) AS array_sub)
//
// GROUP_CONCAT skips NULL elements as array_to_string does; with null_string they are
// written as it. A NULL delimiter gives NULL; a NULL null_string skips NULL elements, as when
// it is omitted (PostgreSQL's behaviour).
func (t *translator) arraySubqueryToString(a *arraySubquery, delim ast.ExprNode, nullString ast.ExprNode) (ast.ExprNode, typemap.Type, error) {
	sep, ok := literalString(delim)
	if !ok {
		if isNullLit(delim) {
			return nullLit(), of(typemap.Text), nil
		}
		return nil, typemap.Type{}, pgerror.Unsupported("array_to_string of ARRAY(subquery) with a non-constant delimiter")
	}
	text, err := t.outputText(a.col, a.elem)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if nullString != nil && !isNullLit(nullString) {
		text = funcCall("IFNULL", text, nullString)
	}
	agg := &ast.AggregateFuncExpr{F: ast.AggFuncGroupConcat, Args: []ast.ExprNode{text, strLit(sep)}}
	if len(a.order) > 0 {
		agg.Order = &ast.OrderByClause{Items: a.order}
	}
	outer := newSelect()
	outer.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: funcCall("IFNULL", agg, strLit(""))}}}
	outer.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: a.rows, AsName: cistr("array_sub")}}}
	return &ast.SubqueryExpr{Query: outer}, of(typemap.Text), nil
}

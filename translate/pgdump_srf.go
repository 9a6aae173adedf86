package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/model"
	"github.com/pingcap/tidb/pkg/parser/opcode"
	"google.golang.org/protobuf/proto"

	"github.com/pgtidb/pgtidb/pgerror"
)

// selectListUnnest translates a SELECT whose list holds one unnest(array) (pg_dump -F c's
// `SELECT unnest(setconfig) FROM pg_db_role_setting WHERE …`): PostgreSQL evaluates the
// set-returning function for each row the rest of the query gives and emits one row per
// element, the other columns repeated; a NULL or empty array gives no row. The query is
// translated with the array in the unnest's place, and a recursive WITH query walks each
// row's array:
//
//	WITH RECURSIVE pgtidb_srf(c0, …, i) AS (SELECT q.c0, …, 0 FROM (<query>) q WHERE JSON_LENGTH(q.ck) > 0
//	  UNION ALL SELECT s.c0, …, s.i + 1 FROM pgtidb_srf s WHERE s.i + 1 < JSON_LENGTH(s.ck))
//	SELECT s.c0 AS …, <element i of s.ck> AS unnest, … FROM pgtidb_srf s
//
// ok is false when the list holds no unnest. Refused: several set-returning calls, unnest
// nested in an expression, and DISTINCT, ORDER BY, LIMIT/OFFSET or locking in the same
// SELECT (PostgreSQL applies them to the expanded rows).
func (t *translator) selectListUnnest(n *pg_query.SelectStmt, sc *scope) (*queryResult, bool, error) {
	k := -1
	for i, target := range n.GetTargetList() {
		fc := target.GetResTarget().GetVal().GetFuncCall()
		if fc == nil {
			continue
		}
		if name, err := funcName(fc); err != nil || name != "unnest" {
			continue
		}
		if k >= 0 {
			return nil, true, pgerror.Unsupported("several set-returning functions in a select list")
		}
		if len(fc.GetArgs()) != 1 || fc.GetOver() != nil || fc.GetAggStar() || fc.GetAggDistinct() ||
			fc.GetAggFilter() != nil || len(fc.GetAggOrder()) > 0 {
			return nil, true, pgerror.Unsupported("unnest() with several arrays or aggregate decorations in a select list")
		}
		k = i
	}
	if k < 0 {
		return nil, false, nil
	}
	if len(n.GetDistinctClause()) > 0 || len(n.GetSortClause()) > 0 || n.GetLimitCount() != nil ||
		n.GetLimitOffset() != nil || len(n.GetLockingClause()) > 0 {
		return nil, true, pgerror.Unsupported("unnest() in a select list with DISTINCT, ORDER BY, LIMIT or locking")
	}
	clone := proto.Clone(n).(*pg_query.SelectStmt)
	target := clone.GetTargetList()[k].GetResTarget()
	arg := target.GetVal().GetFuncCall().GetArgs()[0]
	if target.GetName() == "" {
		target.Name = "unnest"
	}
	target.Val = arg
	q, err := t.simpleSelect(clone, sc)
	if err != nil {
		return nil, true, err
	}
	inner, ok := q.node.(*ast.SelectStmt)
	if !ok || inner.Fields == nil || len(inner.Fields.Fields) != len(q.cols) || k >= len(q.cols) {
		return nil, true, pgerror.Unsupported("unnest() in this select list")
	}
	arrTy := q.cols[k].typ
	if isUnknown(arrTy) {
		return nil, true, pgerror.Unsupported("unnest() of an untyped literal in a select list")
	}
	if isVector(arrTy) {
		return nil, true, pgerror.Unsupported("unnest() of " + sqlTypeName(arrTy) + " in a select list")
	}
	if !isArray(arrTy) {
		return nil, true, t.undefinedFunction("unnest", []*pg_query.Node{arg}, sc)
	}
	elem := arrayElemType(arrTy)
	const cte, pos = "pgtidb_srf", "pgtidb_i"
	names := make([]model.CIStr, len(q.cols))
	for i, f := range inner.Fields.Fields {
		names[i] = cistr("pgtidb_c" + itoa(i))
		f.AsName = names[i]
		if i == k {
			f.Expr = t.arrayOperand(f.Expr, arrTy)
		}
	}
	col := func(table string, name model.CIStr) ast.ExprNode {
		return &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(table), Name: name}}
	}
	seed := newSelect()
	seed.Fields = &ast.FieldList{}
	step := newSelect()
	step.Fields = &ast.FieldList{}
	for _, name := range names {
		seed.Fields.Fields = append(seed.Fields.Fields, &ast.SelectField{Expr: col("q", name)})
		step.Fields.Fields = append(step.Fields.Fields, &ast.SelectField{Expr: col("s", name)})
	}
	seed.Fields.Fields = append(seed.Fields.Fields, &ast.SelectField{Expr: intLit(0)})
	seed.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: inner, AsName: cistr("q")}}}
	seed.Where = binop(opcode.GT, funcCall("JSON_LENGTH", col("q", names[k])), intLit(0))
	next := binop(opcode.Plus, col("s", cistr(pos)), intLit(1))
	step.Fields.Fields = append(step.Fields.Fields, &ast.SelectField{Expr: next})
	step.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: &ast.TableName{Name: cistr(cte)}, AsName: cistr("s")}}}
	step.Where = binop(opcode.LT, next, funcCall("JSON_LENGTH", col("s", names[k])))
	unionAll := ast.UnionAll
	step.AfterSetOperator = &unionAll

	out := newSelect()
	out.With = &ast.WithClause{IsRecursive: true, CTEs: []*ast.CommonTableExpression{{
		Name: cistr(cte), IsRecursive: true, ColNameList: append(append([]model.CIStr(nil), names...), cistr(pos)),
		Query: &ast.SubqueryExpr{Query: &ast.SetOprStmt{SelectList: &ast.SetOprSelectList{Selects: []ast.Node{seed, step}}}}}}}
	out.Fields = &ast.FieldList{}
	cols := make([]output, len(q.cols))
	for i, c := range q.cols {
		e := col("s", names[i])
		ty := c.typ
		if i == k {
			path := funcCall("CONCAT", strLit("$["), col("s", cistr(pos)), strLit("]"))
			if e, err = fromJSONElement(funcCall("JSON_EXTRACT", col("s", names[k]), path), elem); err != nil {
				return nil, true, err
			}
			ty = elem
		}
		f := &ast.SelectField{Expr: e, AsName: cistr(c.name)}
		out.Fields.Fields = append(out.Fields.Fields, f)
		cols[i] = output{name: c.name, typ: ty, expr: e, field: f}
	}
	out.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: &ast.TableName{Name: cistr(cte)}, AsName: cistr("s")}}}
	return &queryResult{node: out, cols: cols}, true, nil
}

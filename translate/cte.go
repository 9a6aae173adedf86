package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/model"
	"github.com/pingcap/tidb/pkg/parser/mysql"
	"github.com/pingcap/tidb/pkg/parser/types"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// withClause translates WITH [RECURSIVE] and makes its queries visible in sc. [NOT]
// MATERIALIZED is dropped (it is a planner hint; results are the same). Data-modifying
// statements in WITH, SEARCH and CYCLE are refused. Every WITH query gets an explicit column
// list with the PostgreSQL column names.
func (t *translator) withClause(wc *pg_query.WithClause, sc *scope) (*ast.WithClause, error) {
	out := &ast.WithClause{IsRecursive: wc.GetRecursive()}
	if sc.ctes == nil {
		sc.ctes = map[string]*cte{}
	}
	for _, n := range wc.GetCtes() {
		c := n.GetCommonTableExpr()
		if c == nil {
			return nil, pgerror.Unsupported("WITH item " + nodeName(n))
		}
		if c.GetSearchClause() != nil || c.GetCycleClause() != nil {
			return nil, pgerror.Unsupported("SEARCH/CYCLE in WITH RECURSIVE")
		}
		sel := c.GetCtequery().GetSelectStmt()
		if sel == nil {
			return nil, pgerror.Unsupported("data-modifying statement in WITH")
		}
		name := c.GetCtename()
		if _, dup := sc.ctes[name]; dup {
			return nil, pgerror.Newf(pgerrcode.DuplicateAlias, "WITH query name %q specified more than once", name)
		}
		var aliases []string
		for _, a := range c.GetAliascolnames() {
			aliases = append(aliases, a.GetString_().GetSval())
		}
		if wc.GetRecursive() {
			// The recursive term refers to the WITH query itself: its columns are those of the
			// non-recursive term.
			seed := sel
			if sel.GetOp() == pg_query.SetOperation_SETOP_UNION {
				seed = sel.GetLarg()
			}
			q, err := t.query(seed, sc)
			if err != nil {
				return nil, err
			}
			if err := renameColumns(q, aliases, name); err != nil {
				return nil, err
			}
			sc.ctes[name] = cteOf(name, q)
		}
		q, err := t.query(sel, sc)
		if err != nil {
			return nil, err
		}
		if err := renameColumns(q, aliases, name); err != nil {
			return nil, err
		}
		if wc.GetRecursive() {
			if err := widenSeed(q); err != nil {
				return nil, err
			}
		}
		sc.ctes[name] = cteOf(name, q)
		var colNames []model.CIStr
		for _, col := range q.cols {
			colNames = append(colNames, cistr(col.name))
		}
		out.CTEs = append(out.CTEs, &ast.CommonTableExpression{
			Name: cistr(name), Query: &ast.SubqueryExpr{Query: q.node}, ColNameList: colNames,
			IsRecursive: wc.GetRecursive(),
		})
	}
	return out, nil
}

func cteOf(name string, q *queryResult) *cte {
	c := &cte{name: name}
	for _, col := range q.cols {
		c.cols = append(c.cols, relColumn{name: col.name, typ: outputType(col.typ)})
	}
	return c
}

// widenSeed fixes the column types of a recursive WITH query for TiDB, which takes them from
// the non-recursive term and then silently truncates longer values of the recursive term
// ('a' stays one character wide). String columns of the first term are cast to the widest
// CHAR; numeric columns, whose precision TiDB would freeze the same way while PostgreSQL's
// numeric grows, are refused.
func widenSeed(q *queryResult) error {
	setop, ok := q.node.(*ast.SetOprStmt)
	if !ok || len(setop.SelectList.Selects) == 0 {
		return nil
	}
	first, ok := setop.SelectList.Selects[0].(*ast.SelectStmt)
	if !ok {
		return nil
	}
	for i, c := range q.cols {
		if i >= len(first.Fields.Fields) {
			break
		}
		f := first.Fields.Fields[i]
		switch {
		case isString(c.typ) || isUnknown(c.typ):
			ft := types.NewFieldType(mysql.TypeVarString)
			ft.SetFlen(4294967295)
			f.Expr = &ast.FuncCastExpr{Expr: f.Expr, Tp: ft, FunctionType: ast.CastFunction}
		case c.typ.OID == typemap.Numeric:
			return pgerror.Unsupported("numeric column in a recursive WITH query (TiDB fixes its precision from the non-recursive term)")
		}
	}
	return nil
}

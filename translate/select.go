package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// output is one result column of a query: its PostgreSQL name and type, and the TiDB
// expression computing it (for ORDER BY / GROUP BY references by name or position).
type output struct {
	name    string
	typ     typemap.Type
	expr    ast.ExprNode
	notNull bool
	// field is the select field producing the column in a simple SELECT (nil otherwise); set
	// operations use it to coerce untyped literals to the column's common type.
	field *ast.SelectField
}

// queryResult is a translated query: a TiDB SELECT or set operation and its result columns.
type queryResult struct {
	node ast.ResultSetNode
	cols []output
}

func (q *queryResult) columns() []Column {
	cols := make([]Column, len(q.cols))
	for i, c := range q.cols {
		cols[i] = Column{Name: c.name, Type: outputType(c.typ)}
	}
	return cols
}

// selectStatement translates a top-level SELECT / VALUES / set operation.
func (t *translator) selectStatement(n *pg_query.SelectStmt) (*Statement, error) {
	q, err := t.query(n, nil)
	if err != nil {
		return nil, err
	}
	stmt, ok := q.node.(ast.StmtNode)
	if !ok {
		return nil, pgerror.Unsupported("query form")
	}
	if err := t.displayRegColumns(q); err != nil {
		return nil, err
	}
	return t.statement(stmt, "SELECT", KindQuery, q.columns())
}

// query translates a SELECT in scope outer (nil at top level; the enclosing query's scope for
// subqueries, whose columns it may reference).
func (t *translator) query(n *pg_query.SelectStmt, outer *scope) (*queryResult, error) {
	t.depth++
	defer func() { t.depth-- }()
	if t.depth > maxExprDepth {
		return nil, pgerror.New(pgerrcode.StatementTooComplex, "stack depth limit exceeded")
	}
	if n == nil {
		return nil, pgerror.New(pgerrcode.SyntaxError, "missing query")
	}
	sc := outer.child()
	var with *ast.WithClause
	if wc := n.GetWithClause(); wc != nil {
		var err error
		if with, err = t.withClause(wc, sc); err != nil {
			return nil, err
		}
	}
	var q *queryResult
	var err error
	switch {
	case n.GetOp() != pg_query.SetOperation_SETOP_NONE && n.GetOp() != pg_query.SetOperation_SET_OPERATION_UNDEFINED:
		q, err = t.setOperation(n, sc)
	case len(n.GetValuesLists()) > 0:
		q, err = t.values(n, sc)
	default:
		q, err = t.simpleSelect(n, sc)
	}
	if err != nil {
		return nil, err
	}
	if with != nil {
		switch x := q.node.(type) {
		case *ast.SelectStmt:
			x.With = mergeWith(with, x.With)
		case *ast.SetOprStmt:
			x.With = mergeWith(with, x.With)
		}
	}
	return q, nil
}

// mergeWith is the query's own WITH clause followed by the WITH queries its translation added
// (a select list's set-returning functions read the query, which may read the former).
func mergeWith(with, added *ast.WithClause) *ast.WithClause {
	if added == nil {
		return with
	}
	with.CTEs = append(with.CTEs, added.CTEs...)
	with.IsRecursive = with.IsRecursive || added.IsRecursive
	return with
}

func newSelect() *ast.SelectStmt {
	return &ast.SelectStmt{SelectStmtOpts: &ast.SelectStmtOpts{SQLCache: true}, Kind: ast.SelectStmtKindSelect}
}

// simpleSelect translates SELECT … FROM … WHERE … GROUP BY … HAVING … ORDER BY … LIMIT.
func (t *translator) simpleSelect(n *pg_query.SelectStmt, sc *scope) (*queryResult, error) {
	if n.GetIntoClause() != nil {
		return nil, pgerror.Unsupported("SELECT INTO")
	}
	if q, ok, err := t.selectListSRFs(n, sc); ok || err != nil {
		return q, err // srf_select_list.go
	}
	if len(n.GetWindowClause()) > 0 {
		return nil, pgerror.Unsupported("WINDOW clause")
	}
	sel := newSelect()
	from, err := t.fromClause(n.GetFromClause(), sc)
	if err != nil {
		return nil, err
	}
	if from != nil {
		sel.From = &ast.TableRefsClause{TableRefs: from.join()}
	}
	// A set-returning function of this select list returning no row empties the result;
	// those of nested queries are theirs (each restores the count).
	srfEntry := t.srfEmpty
	defer func() { t.srfEmpty = srfEntry }()
	// The statement's own select list without FROM evaluates each item once: a nextval() item
	// of a CACHE n > 1 sequence is drawn from the session's block (seqcache.go).
	outer := t.drawTargets
	t.drawTargets = n == t.topSelect && from == nil && n.GetWhereClause() == nil && len(n.GetGroupClause()) == 0 &&
		n.GetHavingClause() == nil && n.GetLimitCount() == nil && n.GetLimitOffset() == nil && len(n.GetDistinctClause()) == 0
	outs, err := t.targetList(n.GetTargetList(), sc, from)
	t.drawTargets = outer
	if err != nil {
		return nil, err
	}
	emptySRF := t.srfEmpty > srfEntry
	srfBefore := t.srfEmpty
	if len(outs) == 0 {
		return nil, pgerror.Unsupported("SELECT without result columns")
	}
	sel.Fields = &ast.FieldList{}
	for i := range outs {
		sel.Fields.Fields = append(sel.Fields.Fields, outs[i].field)
	}
	if w := n.GetWhereClause(); w != nil {
		if sel.Where, err = t.predicate(w, sc, "WHERE"); err != nil {
			return nil, err
		}
		if t.srfEmpty > srfBefore {
			return nil, srfNotAllowed("WHERE")
		}
	}
	if g := n.GetGroupClause(); len(g) > 0 {
		if n.GetGroupDistinct() {
			return nil, pgerror.Unsupported("GROUP BY DISTINCT")
		}
		if sel.GroupBy, err = t.groupBy(g, sc, outs); err != nil {
			return nil, err
		}
		if t.srfEmpty > srfBefore {
			return nil, srfNotAllowed("GROUP BY")
		}
	}
	if h := n.GetHavingClause(); h != nil {
		cond, err := t.predicate(h, sc, "HAVING")
		if err != nil {
			return nil, err
		}
		if t.srfEmpty > srfBefore {
			return nil, srfNotAllowed("HAVING")
		}
		sel.Having = &ast.HavingClause{Expr: cond}
	}
	if d := n.GetDistinctClause(); len(d) > 0 {
		if len(d) == 1 && d[0].GetNode() == nil {
			sel.Distinct = true
			sel.SelectStmtOpts.Distinct = true
		} else {
			return t.distinctOn(n, sc, sel, outs)
		}
	}
	if s := n.GetSortClause(); len(s) > 0 {
		items, err := t.orderBy(s, sc, outs)
		if err != nil {
			return nil, err
		}
		sel.OrderBy = &ast.OrderByClause{Items: items}
	}
	if sel.Limit, err = t.limit(n); err != nil {
		return nil, err
	}
	if lc := n.GetLockingClause(); len(lc) > 0 {
		if sel.LockInfo, err = t.locking(lc, sc, n); err != nil {
			return nil, err
		}
	}
	if t.srfEmpty > srfBefore {
		return nil, srfNotAllowed("ORDER BY") // (PostgreSQL allows them there; pgtidb does not yet)
	}
	if emptySRF {
		noRowsFromSRF(sel)
	}
	return &queryResult{node: sel, cols: outs}, nil
}

// limit translates LIMIT / OFFSET / FETCH FIRST n ROWS ONLY. TiDB takes only constants or `?`
// there; OFFSET alone becomes LIMIT 18446744073709551615 OFFSET m.
func (t *translator) limit(n *pg_query.SelectStmt) (*ast.Limit, error) {
	if n.GetLimitOption() == pg_query.LimitOption_LIMIT_OPTION_WITH_TIES {
		return nil, pgerror.Unsupported("FETCH … WITH TIES")
	}
	count, err := t.limitValue(n.GetLimitCount(), "LIMIT")
	if err != nil {
		return nil, err
	}
	offset, err := t.limitValue(n.GetLimitOffset(), "OFFSET")
	if err != nil {
		return nil, err
	}
	if count == nil && offset == nil {
		return nil, nil
	}
	if count == nil {
		count = ast.NewValueExpr(uint64(18446744073709551615), "", "")
	}
	return &ast.Limit{Count: count, Offset: offset}, nil
}

// limitValue translates one LIMIT/OFFSET value: a constant or a parameter (typed bigint).
// LIMIT ALL and LIMIT NULL mean no limit.
func (t *translator) limitValue(n *pg_query.Node, clause string) (ast.ExprNode, error) {
	if n == nil {
		return nil, nil
	}
	if c := n.GetAConst(); c != nil && c.GetIsnull() {
		return nil, nil
	}
	e, ty, err := t.expr(n, nil)
	if err != nil {
		if pgerror.Code(err) == pgerrcode.UndefinedColumn {
			return nil, pgerror.Newf(pgerrcode.InvalidColumnReference, "argument of %s must not contain variables", clause)
		}
		return nil, err
	}
	if _, ok := isParam(e); ok {
		t.coerce(e, ty, of(typemap.Int8))
		return e, nil
	}
	if e, err = t.limitLiteral(e, ty); err != nil {
		return nil, err
	}
	if v, ok := intValue(e); ok {
		if v < 0 {
			code := pgerrcode.InvalidRowCountInLimitClause
			if clause == "OFFSET" {
				code = pgerrcode.InvalidRowCountInResultOffsetClause
			}
			return nil, pgerror.Newf(code, "%s must not be negative", clause)
		}
		return e, nil
	}
	return nil, pgerror.Unsupported(clause + " with an expression (TiDB accepts only constants and parameters)")
}

// locking translates FOR UPDATE [OF …] [NOWAIT]. TiDB takes exclusive locks only, so the
// weaker PostgreSQL modes (FOR NO KEY UPDATE, FOR SHARE, FOR KEY SHARE) take FOR UPDATE's
// stronger lock: the same rows are protected, with more blocking. SKIP LOCKED is refused: TiDB
// parses it but takes no lock.
func (t *translator) locking(clauses []*pg_query.Node, sc *scope, n *pg_query.SelectStmt) (*ast.SelectLockInfo, error) {
	if len(n.GetGroupClause()) > 0 {
		return nil, pgerror.New(pgerrcode.FeatureNotSupported, "FOR UPDATE is not allowed with GROUP BY clause")
	}
	if len(n.GetDistinctClause()) > 0 {
		return nil, pgerror.New(pgerrcode.FeatureNotSupported, "FOR UPDATE is not allowed with DISTINCT clause")
	}
	for _, r := range sc.rels {
		if r.lateral != "" {
			return nil, pgerror.Unsupported("FOR UPDATE or FOR SHARE over a function in FROM")
		}
	}
	info := &ast.SelectLockInfo{LockType: ast.SelectLockForUpdate}
	t.locks = true
	all := false
	for _, c := range clauses {
		lc := c.GetLockingClause()
		if lc == nil {
			continue
		}
		switch lc.GetWaitPolicy() {
		case pg_query.LockWaitPolicy_LockWaitSkip:
			return nil, pgerror.Unsupported("SKIP LOCKED (TiDB takes no lock with it)")
		case pg_query.LockWaitPolicy_LockWaitError:
			info.LockType = ast.SelectLockForUpdateNoWait
		}
		if len(lc.GetLockedRels()) == 0 {
			all = true
		}
		for _, r := range lc.GetLockedRels() {
			rv := r.GetRangeVar()
			found := false
			for _, rel := range sc.rels {
				if rel.name == rv.GetRelname() && !rel.merged {
					found = true
				}
			}
			if !found {
				return nil, pgerror.Newf(pgerrcode.UndefinedTable,
					"relation %q in FOR UPDATE clause not found in FROM clause", rv.GetRelname())
			}
			info.Tables = append(info.Tables, &ast.TableName{Name: cistr(rv.GetRelname())})
		}
	}
	if all {
		info.Tables = nil
	}
	return info, nil
}

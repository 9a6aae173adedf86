package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
)

// fromItem is one translated FROM item: a table, a derived table or a join tree.
type fromItem struct {
	node ast.ResultSetNode
	// star lists the columns `*` expands to, in PostgreSQL's order (USING/NATURAL columns
	// first, once).
	star []starColumn
	// rels are the relations inside the item.
	rels []*rel
	// lateral is set on a function in FROM that took the items to its left into itself
	// (from_function.go): it replaces them.
	lateral bool
}

// starColumn is one column of a `*` expansion, with the TiDB column it reads.
type starColumn struct {
	name string
	col  *relColumn
	ref  *ast.ColumnName
	rel  *rel
}

func (c starColumn) expr() *ast.ColumnNameExpr {
	cn := *c.ref
	return &ast.ColumnNameExpr{Name: &cn}
}

// fromList is the translated FROM clause: its items are cross-joined.
type fromList struct {
	items []*fromItem
}

// join is the TiDB join tree of the FROM list.
func (f *fromList) join() *ast.Join {
	var j *ast.Join
	for _, it := range f.items {
		switch {
		case j == nil:
			if jn, ok := it.node.(*ast.Join); ok {
				j = jn
			} else {
				j = &ast.Join{Left: it.node}
			}
		case j.Right == nil:
			j.Right, j.Tp = it.node, ast.CrossJoin
		default:
			j = &ast.Join{Left: j, Right: it.node, Tp: ast.CrossJoin}
		}
	}
	return j
}

func (f *fromList) star() []starColumn {
	var out []starColumn
	for _, it := range f.items {
		out = append(out, it.star...)
	}
	return out
}

// fromClause translates the FROM list into sc's relations.
func (t *translator) fromClause(nodes []*pg_query.Node, sc *scope) (*fromList, error) {
	if len(nodes) == 0 {
		return nil, nil
	}
	f := &fromList{}
	for _, n := range nodes {
		var left *leftSide
		if len(f.items) > 0 {
			left = &leftSide{item: &fromItem{node: f.join(), star: f.star()}, tp: ast.CrossJoin}
			for _, prev := range f.items {
				left.item.rels = append(left.item.rels, prev.rels...)
			}
		}
		it, err := t.fromItemBeside(n, left, sc)
		if err != nil {
			return nil, err
		}
		if it.lateral {
			f.items = nil
		}
		f.items = append(f.items, it)
	}
	return f, nil
}

// addRel makes r visible in sc; PostgreSQL refuses two FROM items with one name.
func addRel(sc *scope, r *rel) error {
	for _, o := range sc.rels {
		// Two tables named without alias conflict only in one schema.
		if !o.merged && !r.merged && o.name == r.name && (o.schema == r.schema || o.schema == "" || r.schema == "") {
			return pgerror.Newf(pgerrcode.DuplicateAlias, "table name %q specified more than once", r.name)
		}
	}
	sc.add(r)
	return nil
}

func relItem(r *rel, node ast.ResultSetNode) *fromItem {
	it := &fromItem{node: node, rels: []*rel{r}}
	for i := range r.cols {
		c := &r.cols[i]
		it.star = append(it.star, starColumn{name: c.name, col: c, rel: r, ref: r.columnName(c)})
	}
	return it
}

func (t *translator) fromItem(n *pg_query.Node, sc *scope) (*fromItem, error) {
	return t.fromItemBeside(n, nil, sc)
}

// fromItemBeside translates a FROM item that a function in FROM at its left edge may see left
// of (the FROM list's items before it: PostgreSQL's implicit LATERAL, from_function.go).
func (t *translator) fromItemBeside(n *pg_query.Node, left *leftSide, sc *scope) (*fromItem, error) {
	switch x := n.GetNode().(type) {
	case *pg_query.Node_RangeVar:
		return t.rangeVar(x.RangeVar, sc)
	case *pg_query.Node_RangeSubselect:
		return t.rangeSubselect(x.RangeSubselect, sc)
	case *pg_query.Node_JoinExpr:
		return t.joinExpr(x.JoinExpr, left, sc)
	case *pg_query.Node_RangeFunction:
		return t.rangeFunction(x.RangeFunction, left, sc)
	case *pg_query.Node_RangeTableSample:
		return nil, pgerror.Unsupported("TABLESAMPLE")
	}
	return nil, pgerror.Unsupported("FROM item " + nodeName(n))
}

// aliasName returns the alias of a FROM item; column alias lists are refused for tables.
func aliasColumns(a *pg_query.Alias) []string {
	var names []string
	for _, c := range a.GetColnames() {
		names = append(names, c.GetString_().GetSval())
	}
	return names
}

func (t *translator) rangeVar(rv *pg_query.RangeVar, sc *scope) (*fromItem, error) {
	alias := rv.GetAlias().GetAliasname()
	if len(rv.GetAlias().GetColnames()) > 0 {
		return nil, pgerror.Unsupported("column aliases on a table")
	}
	if rv.GetSchemaname() == "" && rv.GetCatalogname() == "" {
		if c := sc.lookupCTE(rv.GetRelname()); c != nil {
			r := &rel{name: rv.GetRelname(), cols: append([]relColumn(nil), c.cols...)}
			if alias != "" {
				r.name = alias
			}
			// Always aliased: TiDB otherwise lets an alias of the WITH query inside its
			// recursive term shadow the query's own name in the outer query.
			ts := &ast.TableSource{Source: &ast.TableName{Name: cistr(c.name)}, AsName: cistr(r.name)}
			if err := addRel(sc, r); err != nil {
				return nil, err
			}
			return relItem(r, ts), nil
		}
	}
	if ctl, err := t.catalogRelation(rv); err != nil || ctl != nil {
		if err != nil {
			return nil, err
		}
		return t.catalogItem(ctl, alias, sc)
	}
	tn, tbl, err := t.table(rv)
	if err != nil {
		return nil, err
	}
	if tbl.Sequence {
		// PostgreSQL reads a sequence as a one-row relation (last_value, log_cnt, is_called).
		return t.sequenceRelation(tn, tbl, alias, sc)
	}
	r := tableRel(alias, tbl)
	r.source = tbl
	ts := &ast.TableSource{Source: tn}
	if alias != "" {
		ts.AsName = cistr(alias)
	}
	if err := addRel(sc, r); err != nil {
		return nil, err
	}
	return relItem(r, ts), nil
}

// rangeSubselect translates a derived table. It sees the enclosing query's columns and the
// WITH queries, not its sibling FROM items (LATERAL is refused).
func (t *translator) rangeSubselect(rs *pg_query.RangeSubselect, sc *scope) (*fromItem, error) {
	if rs.GetLateral() {
		return nil, pgerror.Unsupported("LATERAL")
	}
	alias := rs.GetAlias().GetAliasname()
	if alias == "" {
		return nil, pgerror.New(pgerrcode.SyntaxError, "subquery in FROM must have an alias").
			WithHint("For example, FROM (SELECT ...) [AS] foo.")
	}
	sub := rs.GetSubquery().GetSelectStmt()
	if sub == nil {
		return nil, pgerror.Unsupported("subquery form in FROM")
	}
	q, err := t.query(sub, &scope{parent: sc.parent, ctes: sc.ctes})
	if err != nil {
		return nil, err
	}
	if err := renameColumns(q, aliasColumns(rs.GetAlias()), alias); err != nil {
		return nil, err
	}
	r := &rel{name: alias}
	for _, c := range q.cols {
		r.cols = append(r.cols, relColumn{name: c.name, typ: outputType(c.typ)})
	}
	if err := addRel(sc, r); err != nil {
		return nil, err
	}
	return relItem(r, &ast.TableSource{Source: q.node, AsName: cistr(alias)}), nil
}

// renameColumns applies a column alias list to a query's output columns.
func renameColumns(q *queryResult, names []string, alias string) error {
	if len(names) > len(q.cols) {
		return pgerror.Newf(pgerrcode.InvalidColumnReference, "table %q has %d columns available but %d columns specified",
			alias, len(q.cols), len(names))
	}
	for i, name := range names {
		q.cols[i].name = name
		if q.cols[i].field != nil {
			q.cols[i].field.AsName = cistr(name)
		}
	}
	return nil
}

// joinExpr translates [INNER|LEFT|RIGHT|CROSS] JOIN with ON, USING or NATURAL. USING and
// NATURAL become ON equalities between the two sides, and every reference to a merged column
// names the side PostgreSQL takes it from (left for inner and left joins, right for right
// joins), so TiDB's own USING column rules never come into play. FULL JOIN is refused: TiDB
// has none (and `a FULL JOIN b` would parse as an alias).
//
// before is what a function at the join's left edge may name besides the join (the FROM list's
// items before it); under a RIGHT JOIN that is refused.
func (t *translator) joinExpr(j *pg_query.JoinExpr, before *leftSide, sc *scope) (*fromItem, error) {
	if j.GetAlias() != nil {
		return nil, pgerror.Unsupported("alias on a JOIN")
	}
	if j.GetJoinUsingAlias() != nil {
		return nil, pgerror.Unsupported("JOIN USING alias")
	}
	var tp ast.JoinType
	switch j.GetJointype() {
	case pg_query.JoinType_JOIN_INNER:
		tp = ast.CrossJoin
	case pg_query.JoinType_JOIN_LEFT:
		tp = ast.LeftJoin
	case pg_query.JoinType_JOIN_RIGHT:
		tp = ast.RightJoin
	case pg_query.JoinType_JOIN_FULL:
		return nil, pgerror.Unsupported("FULL JOIN")
	default:
		return nil, pgerror.Unsupported("join type")
	}
	if before != nil && tp == ast.RightJoin {
		before = &leftSide{item: before.item, tp: before.tp, outside: before.outside, underRight: true}
	}
	left, err := t.fromItemBeside(j.GetLarg(), before, sc)
	if err != nil {
		return nil, err
	}
	var right *fromItem
	if rf := j.GetRarg().GetRangeFunction(); rf != nil {
		lside := &leftSide{item: left, tp: tp,
			filtered: tp == ast.LeftJoin && j.GetQuals() != nil && !isTrueConst(j.GetQuals())}
		if before != nil && before.item != nil && !before.underRight && tp != ast.RightJoin {
			// FROM a, b JOIN f(a.x) ON … is FROM (a, b) JOIN f(a.x) ON …: the JOIN is at
			// the left edge of its FROM item, under inner and left joins only.
			lside.wider = &fromItem{node: &ast.Join{Left: before.item.node, Right: left.node, Tp: ast.CrossJoin},
				rels: append(append([]*rel(nil), before.item.rels...), left.rels...),
				star: append(append([]starColumn(nil), before.item.star...), left.star...)}
		}
		for _, r := range sc.rels {
			inLeft := false
			for _, l := range left.rels {
				inLeft = inLeft || l == r
			}
			if !inLeft && !r.merged {
				lside.outside = append(lside.outside, r)
			}
		}
		if right, err = t.rangeFunction(rf, lside, sc); err != nil {
			return nil, err
		}
		if right.lateral {
			return t.lateralJoin(j, tp, right, sc) // from_function.go
		}
	} else if right, err = t.fromItem(j.GetRarg(), sc); err != nil {
		return nil, err
	}
	join := &ast.Join{Left: left.node, Right: right.node, Tp: tp}
	out := &fromItem{node: join, rels: append(append([]*rel(nil), left.rels...), right.rels...), lateral: left.lateral}

	var using []string
	if j.GetIsNatural() {
		for _, lc := range left.star {
			for _, rc := range right.star {
				if lc.name == rc.name {
					using = append(using, lc.name)
				}
			}
		}
	}
	for _, u := range j.GetUsingClause() {
		using = append(using, u.GetString_().GetSval())
	}
	if len(using) > 0 {
		merged := &rel{merged: true}
		used := map[string]bool{}
		var cond ast.ExprNode
		for _, name := range using {
			if used[name] {
				return nil, pgerror.Newf(pgerrcode.DuplicateColumn, "column name %q appears more than once in USING clause", name)
			}
			used[name] = true
			lc, err := findStar(left.star, name, "left")
			if err != nil {
				return nil, err
			}
			rc, err := findStar(right.star, name, "right")
			if err != nil {
				return nil, err
			}
			l, r, ty, err := t.unify(lc.expr(), lc.col.typ, rc.expr(), rc.col.typ, "=")
			if err != nil {
				return nil, err
			}
			eq := binop(opcode.EQ, l, r)
			if cond == nil {
				cond = eq
			} else {
				cond = and(cond, eq)
			}
			src := lc
			if tp == ast.RightJoin {
				src = rc
			}
			col := relColumn{name: name, typ: ty, src: src.ref,
				notNull: lc.col.notNull && rc.col.notNull && tp == ast.CrossJoin}
			merged.cols = append(merged.cols, col)
		}
		for i := range merged.cols {
			c := &merged.cols[i]
			out.star = append(out.star, starColumn{name: c.name, col: c, ref: c.src, rel: merged})
		}
		for _, side := range [][]starColumn{left.star, right.star} {
			for _, c := range side {
				if !used[c.name] {
					out.star = append(out.star, c)
				}
			}
		}
		for _, r := range out.rels {
			for name := range used {
				if r.column(name) != nil {
					if r.hidden == nil {
						r.hidden = map[string]bool{}
					}
					r.hidden[name] = true
				}
			}
		}
		sc.add(merged)
		out.rels = append(out.rels, merged)
		join.On = &ast.OnCondition{Expr: cond}
	} else {
		out.star = append(append([]starColumn(nil), left.star...), right.star...)
		if q := j.GetQuals(); q != nil {
			cond, err := t.predicate(q, sc, "JOIN/ON")
			if err != nil {
				return nil, err
			}
			if hasSubquery(cond) {
				cond, _ = t.hoistOnSubqueries(join, cond) // join_subquery.go
			}
			join.On = &ast.OnCondition{Expr: cond}
		}
	}
	switch tp {
	case ast.LeftJoin:
		for _, r := range right.rels {
			r.nullable = true
		}
	case ast.RightJoin:
		for _, r := range left.rels {
			r.nullable = true
		}
	}
	return out, nil
}

func findStar(star []starColumn, name, side string) (starColumn, error) {
	var found []starColumn
	for _, c := range star {
		if c.name == name {
			found = append(found, c)
		}
	}
	switch len(found) {
	case 0:
		return starColumn{}, pgerror.Newf(pgerrcode.UndefinedColumn,
			"column %q specified in USING clause does not exist in %s table", name, side)
	case 1:
		return found[0], nil
	}
	return starColumn{}, pgerror.Newf(pgerrcode.AmbiguousColumn,
		"common column name %q appears more than once in %s table", name, side)
}

package translate

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/catalog"
)

// PostgreSQL's text of a view (pg_get_viewdef), for the view queries deparseView knows:
// SELECT [DISTINCT] of expressions deparse.go analyzes, FROM one relation or INNER/LEFT JOINs
// of relations with ON, WHERE and ORDER BY of such expressions. PostgreSQL prints it as
//
//	SELECT t.a,
//	   t.b AS c
//	  FROM t
//	 WHERE (t.a > 0);
//
// with every column qualified by its relation's reference name and each relation named as
// the search path requires. The relation names are left as markers, "\x01schema\x02name\x03"
// (both quoted as quote_ident quotes), which the catalog resolves with the reading session's
// search path (catalog.ViewdefMarkers). ok is false for any other query: the catalog then shows
// TiDB's text of the view (KNOWN_GAPS.md).
func (t *translator) deparseView(sel *pg_query.SelectStmt, cols []Column) (catalog.Expr, bool) {
	if t.ctx.Resolver == nil || sel.GetOp() != pg_query.SetOperation_SETOP_NONE || len(sel.GetWithClause().GetCtes()) > 0 ||
		len(sel.GetGroupClause()) > 0 || sel.GetHavingClause() != nil || sel.GetLimitCount() != nil ||
		sel.GetLimitOffset() != nil || len(sel.GetLockingClause()) > 0 || len(sel.GetWindowClause()) > 0 ||
		sel.GetIntoClause() != nil || len(sel.GetValuesLists()) > 0 || len(sel.GetFromClause()) != 1 {
		return catalog.Expr{}, false
	}
	distinct := false
	if d := sel.GetDistinctClause(); len(d) > 0 {
		if len(d) != 1 || d[0].GetNode() != nil {
			return catalog.Expr{}, false // DISTINCT ON
		}
		distinct = true
	}
	ds := &dscope{qualify: true}
	var out [2]string // plain, pretty
	from, ok := t.dfromItem(sel.GetFromClause()[0], ds)
	if !ok {
		return catalog.Expr{}, false
	}
	targets := sel.GetTargetList()
	if len(targets) != len(cols) {
		return catalog.Expr{}, false
	}
	var items [2][]string
	for i, tn := range targets {
		rt := tn.GetResTarget()
		if rt == nil || rt.GetVal().GetColumnRef() != nil && isStarRef(rt.GetVal().GetColumnRef()) {
			return catalog.Expr{}, false
		}
		d, ok := t.danalyze(rt.GetVal(), ds)
		if !ok || d.unknown {
			return catalog.Expr{}, false
		}
		for p := range items {
			s := dprint(d, p == 1, nil)
			// A column keeps its own name; anything else, or a renamed column, says AS.
			if d.kind != dVar || !strings.HasSuffix(d.text, "."+quoteIdent(cols[i].Name)) {
				s += " AS " + quoteIdent(cols[i].Name)
			}
			items[p] = append(items[p], s)
		}
	}
	var where *dnode
	if w := sel.GetWhereClause(); w != nil {
		if where, ok = t.danalyze(w, ds); !ok {
			return catalog.Expr{}, false
		}
		if where, ok = dtoBool(where); !ok {
			return catalog.Expr{}, false
		}
	}
	var order [2][]string
	for _, sb := range sel.GetSortClause() {
		by := sb.GetSortBy()
		if by == nil || by.GetSortbyNulls() != pg_query.SortByNulls_SORTBY_NULLS_DEFAULT || by.GetUseOp() != nil {
			return catalog.Expr{}, false
		}
		d, ok := t.danalyze(by.GetNode(), ds)
		if !ok || d.unknown || d.kind == dConst {
			return catalog.Expr{}, false
		}
		for p := range order {
			s := dprint(d, p == 1, nil)
			if by.GetSortbyDir() == pg_query.SortByDir_SORTBY_DESC {
				s += " DESC"
			}
			order[p] = append(order[p], s)
		}
	}
	for p := range out {
		pretty := p == 1
		var b strings.Builder
		b.WriteString(" SELECT ")
		if distinct {
			b.WriteString("DISTINCT ")
		}
		b.WriteString(strings.Join(items[p], ",\n    "))
		b.WriteString("\n   FROM ")
		b.WriteString(from[p])
		if where != nil {
			b.WriteString("\n  WHERE ")
			b.WriteString(dprint(where, pretty, nil))
		}
		if len(order[p]) > 0 {
			b.WriteString("\n  ORDER BY ")
			b.WriteString(strings.Join(order[p], ", "))
		}
		b.WriteString(";")
		out[p] = b.String()
	}
	return catalog.Expr{Plain: out[0], Pretty: out[1], Fresh: true}, true
}

// dfromItem prints a FROM item (plain and pretty) and adds its relations to ds.
func (t *translator) dfromItem(n *pg_query.Node, ds *dscope) ([2]string, bool) {
	switch x := n.GetNode().(type) {
	case *pg_query.Node_RangeVar:
		rv := x.RangeVar
		if rv.GetCatalogname() != "" || !rv.GetInh() || len(rv.GetAlias().GetColnames()) > 0 {
			return [2]string{}, false
		}
		tbl, err := t.ctx.Resolver.LookupTable(rv.GetSchemaname(), rv.GetRelname())
		if err != nil || tbl == nil {
			return [2]string{}, false
		}
		ref := tbl.Name
		s := "\x01" + quoteIdent(tbl.Schema) + "\x02" + quoteIdent(tbl.Name) + "\x03"
		if a := rv.GetAlias().GetAliasname(); a != "" {
			ref = a
			s += " " + quoteIdent(a)
		}
		for _, r := range ds.rels {
			if r.ref == ref {
				return [2]string{}, false
			}
		}
		ds.rels = append(ds.rels, drel{ref: ref, tbl: tbl})
		return [2]string{s, s}, true
	case *pg_query.Node_JoinExpr:
		j := x.JoinExpr
		word := map[pg_query.JoinType]string{pg_query.JoinType_JOIN_INNER: "JOIN", pg_query.JoinType_JOIN_LEFT: "LEFT JOIN"}[j.GetJointype()]
		if word == "" || j.GetIsNatural() || len(j.GetUsingClause()) > 0 || j.GetAlias() != nil || j.GetJoinUsingAlias() != nil || j.GetQuals() == nil {
			return [2]string{}, false
		}
		l, ok := t.dfromItem(j.GetLarg(), ds)
		if !ok {
			return [2]string{}, false
		}
		r, ok := t.dfromItem(j.GetRarg(), ds)
		if !ok {
			return [2]string{}, false
		}
		on, ok := t.danalyze(j.GetQuals(), ds)
		if !ok {
			return [2]string{}, false
		}
		if on, ok = dtoBool(on); !ok {
			return [2]string{}, false
		}
		return [2]string{
			"(" + l[0] + "\n     " + word + " " + r[0] + " ON (" + dprint(on, false, nil) + "))",
			l[1] + "\n     " + word + " " + r[1] + " ON " + dprint(on, true, nil),
		}, true
	}
	return [2]string{}, false
}

func isStarRef(cr *pg_query.ColumnRef) bool {
	_, star := columnRefFields(cr)
	return star
}

package catalog

import (
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/model"
)

// TiDB reads an information_schema table (a MemTableScan) only the first time its executor is
// opened in a statement: the retriever keeps a `retrieved` flag that reopening does not reset
// (pkg/executor/infoschema_reader.go, TiDB 8.4). Under an Apply — the plan of a correlated
// subquery TiDB does not decorrelate, e.g. a scalar one — the inner side is reopened for every
// outer row, so from the second outer row on an emulation reading information_schema there
// finds no row: a silently wrong answer (`(SELECT d.adnum FROM pg_attrdef d WHERE d.adrelid =
// a.attrelid …)` is NULL from the second column on).
//
// EvaluatedOnce turns an emulation into a form TiDB evaluates once per statement and then
// reads from a materialized copy, as often as the Apply asks:
//
//	(WITH RECURSIVE name AS (SELECT * FROM (<emulation>) AS pgtidb_seed
//	     UNION ALL SELECT * FROM name WHERE FALSE)
//	 SELECT * FROM name)
//
// name starts with OncePrefix and is unique in the statement.
//
// A recursive CTE is never inlined by TiDB (computeCTEInlineFlag: a non-recursive CTE
// referenced once is, and so is every CTE under tidb_opt_force_inline_cte or MERGE()), and its
// storage survives the reopening of its reader. The recursive term adds no row (TiDB plans it
// as an empty TableDual), so the rows, the column names and the column types (taken from the
// first term) are the emulation's. Predicates of the emulation's own text still reach its
// information_schema scans (they are inside the seed); the client's predicates are applied to
// the materialized rows.
func EvaluatedOnce(emulation ast.ResultSetNode, name string) ast.ResultSetNode {
	star := func() *ast.FieldList {
		return &ast.FieldList{Fields: []*ast.SelectField{{WildCard: &ast.WildCardField{}}}}
	}
	from := func(src ast.ResultSetNode, as string) *ast.TableRefsClause {
		return &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: src, AsName: model.NewCIStr(as)}}}
	}
	sel := func() *ast.SelectStmt {
		return &ast.SelectStmt{SelectStmtOpts: &ast.SelectStmtOpts{SQLCache: true}, Kind: ast.SelectStmtKindSelect, Fields: star()}
	}
	seed := sel()
	seed.From = from(emulation, "pgtidb_seed")
	unionAll := ast.UnionAll
	rec := sel()
	rec.From = from(&ast.TableName{Name: model.NewCIStr(name)}, "")
	rec.Where = ast.NewValueExpr(false, "", "")
	rec.AfterSetOperator = &unionAll
	body := &ast.SetOprStmt{SelectList: &ast.SetOprSelectList{Selects: []ast.Node{seed, rec}}}
	out := sel()
	out.With = &ast.WithClause{IsRecursive: true, CTEs: []*ast.CommonTableExpression{{
		Name: model.NewCIStr(name), Query: &ast.SubqueryExpr{Query: body}, IsRecursive: true}}}
	out.From = from(&ast.TableName{Name: model.NewCIStr(name)}, "")
	return out
}

// evaluatedOnceSeed returns the emulation an EvaluatedOnce node wraps, or nil when n is not one.
func evaluatedOnceSeed(n ast.ResultSetNode) ast.ResultSetNode {
	s, ok := n.(*ast.SelectStmt)
	if !ok || s.With == nil || len(s.With.CTEs) != 1 || !strings.HasPrefix(s.With.CTEs[0].Name.L, OncePrefix) {
		return nil
	}
	body, ok := s.With.CTEs[0].Query.Query.(*ast.SetOprStmt)
	if !ok || len(body.SelectList.Selects) != 2 {
		return nil
	}
	seed, ok := body.SelectList.Selects[0].(*ast.SelectStmt)
	if !ok || seed.From == nil {
		return nil
	}
	ts, ok := seed.From.TableRefs.Left.(*ast.TableSource)
	if !ok {
		return nil
	}
	return ts.Source
}

// OncePrefix starts the name of every EvaluatedOnce WITH query.
const OncePrefix = "pgtidb_once"

// Unwrap replaces an EvaluatedOnce FROM item by the emulation it wraps.
func Unwrap(ts *ast.TableSource) {
	if seed := evaluatedOnceSeed(ts.Source); seed != nil {
		ts.Source = seed
	}
}

// NeededOnce maps the name of every EvaluatedOnce WITH query of a statement to whether TiDB
// may run it under an Apply: whether it is inside a correlated subquery or a WITH query of the
// statement. Elsewhere the
// translator unwraps them (Unwrap), so that an uncorrelated scalar subquery is evaluated once
// while TiDB plans the statement, as before (TiDB does not do so for a subquery reading a
// CTE: it plans an Apply instead, and refuses one in an ON condition). stmt is a parsed copy
// of the statement's text (the translator's own AST holds nodes, such as its parameter
// markers, that a visitor would replace).
//
// A subquery is correlated when a qualified column reference inside it names a FROM item of
// an enclosing query block outside it (the FROM items of the query blocks between the
// reference and the subquery are searched first, innermost first, as name resolution does).
func NeededOnce(stmt ast.Node) map[string]bool {
	c := &correlation{correlated: map[*ast.SubqueryExpr]bool{}}
	stmt.Accept(c)
	f := &onceFinder{c: c, needed: map[string]bool{}}
	stmt.Accept(f)
	return f.needed
}

// correlation finds the correlated subqueries of a statement.
type correlation struct {
	// frames are the query blocks being visited, outermost first: the names of their FROM
	// items and the subquery each one is the query of (nil for derived tables, set operation
	// branches and the statement itself).
	frames     []frame
	correlated map[*ast.SubqueryExpr]bool
	pendingSub *ast.SubqueryExpr
}

type frame struct {
	sel   *ast.SelectStmt
	names map[string]bool
	sub   *ast.SubqueryExpr
}

// fromNames lists the names the FROM items of s are visible under.
func fromNames(s *ast.SelectStmt) map[string]bool {
	names := map[string]bool{}
	var walk func(n ast.ResultSetNode)
	walk = func(n ast.ResultSetNode) {
		switch x := n.(type) {
		case *ast.Join:
			if x.Left != nil {
				walk(x.Left)
			}
			if x.Right != nil {
				walk(x.Right)
			}
		case *ast.TableSource:
			if x.AsName.L != "" {
				names[x.AsName.L] = true
			} else if tn, ok := x.Source.(*ast.TableName); ok {
				names[tn.Name.L] = true
			}
		}
	}
	if s.From != nil && s.From.TableRefs != nil {
		walk(s.From.TableRefs)
	}
	return names
}

func (c *correlation) Enter(n ast.Node) (ast.Node, bool) {
	switch x := n.(type) {
	case *ast.SubqueryExpr:
		c.pendingSub = x
	case *ast.SelectStmt:
		c.frames = append(c.frames, frame{sel: x, names: fromNames(x), sub: c.pendingSub})
		c.pendingSub = nil
	case *ast.SetOprStmt:
		// The branches are query blocks of their own; the subquery is the whole set operation.
		if c.pendingSub != nil {
			c.frames = append(c.frames, frame{names: map[string]bool{}, sub: c.pendingSub})
			c.pendingSub = nil
		}
	case *ast.ColumnNameExpr:
		q := x.Name.Table.L
		if q == "" {
			return n, false
		}
		var crossed []*ast.SubqueryExpr
		for i := len(c.frames) - 1; i >= 0; i-- {
			if c.frames[i].names[q] {
				for _, s := range crossed {
					c.correlated[s] = true
				}
				break
			}
			if c.frames[i].sub != nil {
				crossed = append(crossed, c.frames[i].sub)
			}
		}
	}
	return n, false
}

func (c *correlation) Leave(n ast.Node) (ast.Node, bool) {
	switch x := n.(type) {
	case *ast.SubqueryExpr:
		if c.pendingSub == x {
			c.pendingSub = nil
		}
	case *ast.SelectStmt:
		if k := len(c.frames); k > 0 && c.frames[k-1].sel == x {
			c.frames = c.frames[:k-1]
		}
	case *ast.SetOprStmt:
		if k := len(c.frames); k > 0 && c.frames[k-1].sel == nil && c.frames[k-1].sub != nil && c.frames[k-1].sub.Query == x {
			c.frames = c.frames[:k-1]
		}
	}
	return n, true
}

// onceFinder lists the EvaluatedOnce WITH queries inside correlated subqueries and WITH
// queries.
type onceFinder struct {
	c      *correlation
	needed map[string]bool
	// keep counts the enclosing correlated subqueries and WITH queries.
	keep  int
	stack []ast.Node
}

func (u *onceFinder) Enter(n ast.Node) (ast.Node, bool) {
	switch x := n.(type) {
	case *ast.SubqueryExpr:
		if u.c.correlated[x] {
			u.keep++
			u.stack = append(u.stack, x)
		}
	case *ast.CommonTableExpression:
		if strings.HasPrefix(x.Name.L, OncePrefix) {
			u.needed[x.Name.L] = u.keep > 0
		} else {
			u.keep++
			u.stack = append(u.stack, x)
		}
	}
	return n, false
}

func (u *onceFinder) Leave(n ast.Node) (ast.Node, bool) {
	if k := len(u.stack); k > 0 && u.stack[k-1] == n {
		u.stack = u.stack[:k-1]
		u.keep--
	}
	return n, true
}

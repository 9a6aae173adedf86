package catalog

import (
	"sync"

	"github.com/pingcap/tidb/pkg/parser"
	"github.com/pingcap/tidb/pkg/parser/ast"
)

// alwaysNull caches, per pg_catalog relation, the columns its emulation selects as the NULL
// literal in every branch.
var alwaysNull sync.Map // relation name → map[string]bool

// AlwaysNull reports whether column of pg_catalog relation name is NULL in every row pgtidb
// answers (its emulation selects the NULL literal for it in every branch: reloptions,
// relacl…). The translator reads such a column as a NULL constant of its type, which lets
// TiDB skip what PostgreSQL computes over it (psql's \d+ unnests pg_class.reloptions of a
// joined row, which TiDB, lacking LATERAL, could not).
func AlwaysNull(name, column string) bool {
	if m, ok := alwaysNull.Load(name); ok {
		return m.(map[string]bool)[column]
	}
	m := map[string]bool{}
	cols := pgCatalogColumns[name]
	if text, ok := pgCatalogEmulations[name]; ok && cols != nil {
		if stmt, err := parser.New().ParseOneStmt(text, "", ""); err == nil {
			var branches []*ast.SelectStmt
			switch x := stmt.(type) {
			case *ast.SelectStmt:
				branches = []*ast.SelectStmt{x}
			case *ast.SetOprStmt:
				for _, s := range x.SelectList.Selects {
					if sel, ok := s.(*ast.SelectStmt); ok {
						branches = append(branches, sel)
					} else {
						branches = nil
						break
					}
				}
			}
			for i, c := range cols {
				null := len(branches) > 0
				for _, b := range branches {
					if b.Fields == nil || i >= len(b.Fields.Fields) || b.Fields.Fields[i].Expr == nil {
						null = false
						break
					}
					v, ok := b.Fields.Fields[i].Expr.(ast.ValueExpr)
					if !ok || v.GetValue() != nil {
						null = false
						break
					}
				}
				if null {
					m[c.Name] = true
				}
			}
		}
	}
	alwaysNull.Store(name, m)
	return m[column]
}

package translate

import (
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"
)

// warningOps finds, in a translated statement, the operations for which TiDB answers an
// error PostgreSQL raises with NULL or a truncated value plus a warning: division and modulo
// by zero (1365), casts of bad text (1292), logarithms of zero or negatives (3020). A query
// that contains one gets Statement.CheckWarnings, and the proxy turns those warnings into the
// PostgreSQL error after the query ran.
type warningOps struct{ found bool }

var warningFuncs = map[string]bool{"ln": true, "log": true, "log2": true, "log10": true}

func (w *warningOps) Enter(n ast.Node) (ast.Node, bool) {
	switch e := n.(type) {
	case *ast.BinaryOperationExpr:
		switch e.Op {
		case opcode.Div, opcode.IntDiv, opcode.Mod:
			w.found = true
		}
	case *ast.FuncCastExpr:
		w.found = true
	case *ast.FuncCallExpr:
		if warningFuncs[strings.ToLower(e.FnName.L)] || e.FnName.L == "mod" {
			w.found = true
		}
	}
	return n, w.found
}

func (w *warningOps) Leave(n ast.Node) (ast.Node, bool) { return n, true }

// mayWarn reports whether n contains an operation whose errors TiDB reports as warnings.
func mayWarn(n ast.Node) bool {
	w := &warningOps{}
	n.Accept(w)
	return w.found
}

package catalog

import "github.com/pingcap/tidb/pkg/parser/ast"

// QuoteIdentExpr is PostgreSQL's quote_ident(x) as a TiDB expression over x (the
// emulations' pgtidb_quote_ident macro), for the translator's quote_ident of a non-constant.
func QuoteIdentExpr(x ast.ExprNode) ast.ExprNode { return quoteIdentExpr(x) }

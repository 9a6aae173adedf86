package translate

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/pgerror"
)

func (t *translator) selectStatement(n *pg_query.SelectStmt) (*Statement, error) {
	return nil, pgerror.Unsupported("SELECT")
}

package translate

import (
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// jsonOperator translates jsonb -> key|index (jsonb) and ->> (text) with a constant key or
// index. TiDB's paths differ from PostgreSQL's in three ways this handles: keys are quoted
// ('$."k"'), negative indexes count from the end as '$[last-n]', and '$[0]' on a non-array
// returns the value itself in TiDB (NULL in PostgreSQL), so index access is guarded by
// JSON_TYPE. ->> of a JSON null is SQL NULL in PostgreSQL and the string 'null' after TiDB's
// JSON_UNQUOTE, so it is tested first. json (not jsonb) operands are refused: pgtidb keeps json
// as text and PostgreSQL returns sub-values verbatim.
func (t *translator) jsonOperator(op string, ln, rn *pg_query.Node, sc *scope) (ast.ExprNode, typemap.Type, error) {
	j, jt, err := t.expr(ln, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	switch jt.OID {
	case typemap.JSONB:
	case typemap.JSON:
		return nil, typemap.Type{}, pgerror.Unsupported("JSON operator " + op + " on json (pgtidb supports it on jsonb)")
	default:
		_, rt, err := t.expr(rn, sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		return nil, typemap.Type{}, noOperator(op, jt, rt)
	}
	var path string
	index := false
	if key, ok := constantString(rn); ok {
		path = `$."` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(key) + `"`
	} else if n, ok := constantInt(rn); ok {
		index = true
		if n >= 0 {
			path = "$[" + strconv.FormatInt(n, 10) + "]"
		} else if n == -1 {
			path = "$[last]"
		} else {
			path = "$[last-" + strconv.FormatInt(-n-1, 10) + "]"
		}
	} else {
		return nil, typemap.Type{}, pgerror.Unsupported("JSON operator " + op + " with a non-constant key")
	}
	var v ast.ExprNode = funcCall("JSON_EXTRACT", j, strLit(path))
	if index {
		v = funcCall("IF", binop(opcode.EQ, funcCall("JSON_TYPE", j), strLit("ARRAY")), v, nullLit())
	}
	if op == "->" {
		return v, of(typemap.JSONB), nil
	}
	return caseWhen(funcCall("JSON_UNQUOTE", v), binop(opcode.EQ, funcCall("JSON_TYPE", v), strLit("NULL")), nullLit()),
		of(typemap.Text), nil
}

package proxy

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/pgerror"
)

// Limits bound what a client can send. pg_query's parser runs in C: input nested deeply
// enough crashes the process inside cgo where recover cannot help, so depth is measured with
// the (non-recursive) scanner first.
type Limits struct {
	// MaxMessageSize bounds one protocol message body (bytes).
	MaxMessageSize int
	// MaxSQLLength bounds the text of one Query or Parse (bytes).
	MaxSQLLength int
	// MaxDepth bounds the nesting of parentheses plus chained operators of one expression.
	MaxDepth int
}

// DefaultLimits are generous for applications and safe for the parser.
var DefaultLimits = Limits{MaxMessageSize: 64 << 20, MaxSQLLength: 16 << 20, MaxDepth: 1000}

// checkSQL enforces MaxSQLLength and MaxDepth. Depth is estimated from tokens: every open
// parenthesis nests one level, and every binary operator in a run without a separator (comma,
// semicolon, keyword boundary of a clause) nests one more, since PostgreSQL's grammar builds
// a left-deep tree for `a + b + c …`.
func (l Limits) checkSQL(sql string) error {
	if len(sql) > l.MaxSQLLength {
		return pgerror.Newf(pgerrcode.ProgramLimitExceeded, "statement is too long (%d bytes, limit %d)", len(sql), l.MaxSQLLength)
	}
	if len(sql) < 2*l.MaxDepth {
		// Too short to nest beyond the limit: every level needs at least two characters.
		return nil
	}
	res, err := pg_query.Scan(sql)
	if err != nil {
		return nil // the parser reports the syntax error
	}
	depth, run := 0, 0
	var stack []int
	for _, tok := range res.GetTokens() {
		switch tok.GetToken() {
		case pg_query.Token_ASCII_40: // (
			stack = append(stack, run)
			depth++
			run = 0
		case pg_query.Token_ASCII_41: // )
			if depth > 0 {
				depth--
				run = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case pg_query.Token_ASCII_44, pg_query.Token_ASCII_59: // , ;
			run = 0
		case pg_query.Token_ASCII_43, pg_query.Token_ASCII_45, pg_query.Token_ASCII_42, pg_query.Token_ASCII_47,
			pg_query.Token_ASCII_37, pg_query.Token_ASCII_94, pg_query.Token_ASCII_60, pg_query.Token_ASCII_62,
			pg_query.Token_ASCII_61, pg_query.Token_Op, pg_query.Token_LESS_EQUALS, pg_query.Token_GREATER_EQUALS,
			pg_query.Token_NOT_EQUALS, pg_query.Token_TYPECAST,
			pg_query.Token_NOT:
			run++
		}
		if depth+run > l.MaxDepth {
			return pgerror.New(pgerrcode.StatementTooComplex, "stack depth limit exceeded").
				WithHint("pgtidb limits the nesting of one statement; simplify the expression.")
		}
	}
	return nil
}

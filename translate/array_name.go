package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// nameSubscript translates n[i] of a name value: PostgreSQL's name is a fixed-length array of
// NAMEDATALEN (64) bytes, zero-padded, subscripted from 0 (pg_dump's `typname[0] = '_'`). The
// result is the "char" byte i: NULL outside 0..63, the zero byte (”) past the name's end,
// the character itself for an ASCII byte and charout's `\ooo` for the others — the text
// pgtidb's "char" values are made of (a byte of a multi-byte character compares by that text,
// not by its byte value). The byte comes from HEX(n), the name's UTF-8 bytes in hexadecimal.
// Slices are refused as PostgreSQL refuses them.
func (t *translator) nameSubscript(n ast.ExprNode, idx *pg_query.A_Indices, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if idx.GetIsSlice() {
		return nil, typemap.Type{}, pgerror.New(pgerrcode.FeatureNotSupported, "slices of fixed-length arrays not implemented")
	}
	i, it, err := t.expr(idx.GetUidx(), sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if i, it, err = t.coerce(i, it, of(typemap.Int4)); err != nil {
		return nil, typemap.Type{}, err
	}
	if !isInt(it) {
		return nil, typemap.Type{}, pgerror.Newf(pgerrcode.DatatypeMismatch, "array subscript must have type integer")
	}
	if !simpleOperand(i) || !simpleOperand(n) {
		return nil, typemap.Type{}, pgerror.Unsupported("subscript of a name computed by a volatile expression")
	}
	pos := binop(opcode.Plus, binop(opcode.Mul, i, intLit(2)), intLit(1))
	conds := []ast.ExprNode{isNull(n, false), nullLit()}
	if k, ok := intValue(i); ok {
		if k < 0 || k > 63 {
			return nullLit(), of(typemap.Char), nil
		}
		pos = intLit(2*k + 1)
	} else {
		conds = append(conds, isNull(i, false), nullLit(), binop(opcode.LT, i, intLit(0)), nullLit(),
			binop(opcode.GT, i, intLit(63)), nullLit())
	}
	pair := funcCall("SUBSTRING", funcCall("HEX", n), pos, intLit(2))
	conds = append(conds, binop(opcode.EQ, pair, strLit("")), strLit(""),
		binop(opcode.LT, pair, strLit("80")), castTo(funcCall("UNHEX", pair), of(typemap.Text)))
	out := caseWhen(
		funcCall("CONCAT", strLit(`\`), funcCall("LPAD", funcCall("CONV", pair, intLit(16), intLit(8)), intLit(3), strLit("0"))),
		conds...)
	return out, of(typemap.Char), nil
}

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
	i, err := t.subscriptIndex(idx, sc)
	if err != nil {
		return nil, typemap.Type{}, err
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

// vectorElem is the element type of int2vector (int2) and oidvector (oid).
func vectorElem(ty typemap.Type) typemap.Type {
	if ty.OID == typemap.Int2Vector {
		return of(typemap.Int2)
	}
	return of(typemap.Oid)
}

// vectorSubscript translates v[i] of an int2vector or oidvector (pg_index.indkey[0],
// pg_dump's prattrs[s]): subscripts start at 0, and one outside the vector is NULL. pgtidb
// keeps vectors as JSON arrays of integers. Slices are refused.
func (t *translator) vectorSubscript(v ast.ExprNode, ty typemap.Type, idx *pg_query.A_Indices, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if idx.GetIsSlice() {
		return nil, typemap.Type{}, pgerror.Unsupported("slices of " + sqlTypeName(ty))
	}
	i, err := t.subscriptIndex(idx, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	elem := vectorElem(ty)
	var path ast.ExprNode
	if k, ok := intValue(i); ok {
		if k < 0 {
			return nullLit(), elem, nil
		}
		path = strLit("$[" + itoa(int(k)) + "]")
	} else {
		if !simpleOperand(i) {
			return nil, typemap.Type{}, pgerror.Unsupported("array subscript computed by a volatile expression")
		}
		path = funcCall("CONCAT", strLit("$["), i, strLit("]"))
	}
	val, err := fromJSONElement(funcCall("JSON_EXTRACT", v, path), elem)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if _, ok := intValue(i); !ok {
		val = caseWhen(val, binop(opcode.LT, i, intLit(0)), nullLit())
	}
	return val, elem, nil
}

// vectorBounds answers array_upper, array_lower and array_length (name) of `v::int2[]` or
// `v::oid[]` where v is an int2vector or oidvector column (pg_dump's
// `array_upper(pr.prattrs::int2[], 1)`): the cast keeps the vector's subscripts, which start
// at 0, so for dimension 1 of a non-empty vector of n elements the lower bound is 0, the
// upper n-1 and the length n; NULL otherwise. ok is false for any other argument.
func (t *translator) vectorBounds(name string, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, bool, error) {
	args := fc.GetArgs()
	if len(args) != 2 {
		return nil, typemap.Type{}, false, nil
	}
	tc := args[0].GetTypeCast()
	if tc == nil || tc.GetArg().GetColumnRef() == nil {
		return nil, typemap.Type{}, false, nil
	}
	to, _, err := castType(tc.GetTypeName())
	if err != nil || !isArray(to) {
		return nil, typemap.Type{}, false, nil
	}
	v, vt, err := t.expr(tc.GetArg(), sc)
	if err != nil {
		return nil, typemap.Type{}, false, err
	}
	if !isVector(vt) || vectorElem(vt).OID != arrayElemType(to).OID {
		return nil, typemap.Type{}, false, nil
	}
	dim, dt, err := t.expr(args[1], sc)
	if err != nil {
		return nil, typemap.Type{}, false, err
	}
	if dim, dt, err = t.coerce(dim, dt, of(typemap.Int4)); err != nil {
		return nil, typemap.Type{}, false, err
	}
	if !isInt(dt) {
		return nil, typemap.Type{}, false, t.undefinedFunction(name, args, sc)
	}
	n := funcCall("JSON_LENGTH", v)
	var val ast.ExprNode
	switch name {
	case "array_upper":
		val = binop(opcode.Minus, n, intLit(1))
	case "array_lower":
		val = intLit(0)
	default:
		val = n
	}
	return caseWhen(castTo(val, of(typemap.Int4)), isNull(n, false), nullLit(), binop(opcode.NE, dim, intLit(1)), nullLit(),
		binop(opcode.EQ, n, intLit(0)), nullLit()), of(typemap.Int4), true, nil
}

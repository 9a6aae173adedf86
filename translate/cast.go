package translate

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/mysql"
	"github.com/pingcap/tidb/pkg/parser/opcode"
	"github.com/pingcap/tidb/pkg/parser/types"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// castTypeNames maps the names a PostgreSQL TypeName ends in to the type OID.
var castTypeNames = map[string]typemap.OID{
	"bool": typemap.Bool, "boolean": typemap.Bool,
	"int2": typemap.Int2, "smallint": typemap.Int2,
	"int4": typemap.Int4, "int": typemap.Int4, "integer": typemap.Int4,
	"int8": typemap.Int8, "bigint": typemap.Int8,
	"numeric": typemap.Numeric, "decimal": typemap.Numeric,
	"float4": typemap.Float4, "real": typemap.Float4,
	"float8": typemap.Float8, "float": typemap.Float8,
	"text": typemap.Text, "varchar": typemap.Varchar, "bpchar": typemap.BPChar,
	"date": typemap.Date, "time": typemap.Time, "timestamp": typemap.Timestamp,
	"timestamptz": typemap.Timestamptz,
	"json":        typemap.JSON, "jsonb": typemap.JSONB, "uuid": typemap.UUID, "bytea": typemap.Bytea,
	"oid": typemap.Oid, "regclass": typemap.RegClass, "regtype": typemap.RegType,
	"regnamespace": typemap.RegNamespace, "regproc": typemap.RegProc,
	"char": typemap.Char, // "char": a constant's first byte (coerce); other casts are refused
}

// castType resolves the TypeName of a cast to a PostgreSQL type, with the name PostgreSQL
// gives a cast's result column (the last component of the type's name: int4, varchar…).
func castType(tn *pg_query.TypeName) (typemap.Type, string, error) {
	var names []string
	for _, n := range tn.GetNames() {
		names = append(names, n.GetString_().GetSval())
	}
	if len(names) == 0 {
		return typemap.Type{}, "", pgerror.Unsupported("type without name")
	}
	name := names[len(names)-1]
	if len(names) > 2 || (len(names) == 2 && names[0] != "pg_catalog") {
		return typemap.Type{}, "", pgerror.Newf(pgerrcode.UndefinedObject, "type %q does not exist", strings.Join(names, "."))
	}
	if len(tn.GetArrayBounds()) > 0 {
		return arrayCastType(tn, name)
	}
	if tn.GetSetof() || tn.GetPctType() {
		return typemap.Type{}, "", pgerror.Unsupported("type modifier %TYPE / SETOF")
	}
	oid, ok := castTypeNames[name]
	if !ok {
		switch name {
		case "interval", "timetz", "name", "money", "inet", "cidr", "xml", "bit", "varbit":
			return typemap.Type{}, "", pgerror.Unsupported("type " + name)
		}
		return typemap.Type{}, "", pgerror.Newf(pgerrcode.UndefinedObject, "type %q does not exist", name)
	}
	var mods []int32
	for _, m := range tn.GetTypmods() {
		c := m.GetAConst()
		if c == nil || c.GetIval() == nil && c.GetFval() == nil && !c.GetIsnull() && c.GetSval() != nil {
			return typemap.Type{}, "", pgerror.New(pgerrcode.SyntaxError, "type modifiers must be simple constants or identifiers")
		}
		mods = append(mods, c.GetIval().GetIval())
	}
	ty := typemap.Of(oid)
	switch oid {
	case typemap.Numeric:
		switch len(mods) {
		case 1:
			ty.Typmod = typemap.NumericTypmod(int(mods[0]), 0)
		case 2:
			ty.Typmod = typemap.NumericTypmod(int(mods[0]), int(mods[1]))
		}
		if len(mods) > 0 {
			p, s, _ := typemap.NumericPrecisionScale(ty.Typmod)
			if p < 1 || p > 1000 {
				return typemap.Type{}, "", pgerror.Newf(pgerrcode.InvalidParameterValue, "NUMERIC precision %d must be between 1 and 1000", p)
			}
			if s > 30 || p > 65 || s > p {
				return typemap.Type{}, "", pgerror.Unsupported("numeric(" + itoa(p) + "," + itoa(s) + ") (TiDB DECIMAL allows precision ≤ 65, scale ≤ 30)")
			}
		}
	case typemap.Varchar, typemap.BPChar:
		if len(mods) == 1 {
			ty.Typmod = typemap.CharTypmod(int(mods[0]))
		}
	case typemap.Time, typemap.Timestamp, typemap.Timestamptz:
		if len(mods) == 1 {
			ty.Typmod = mods[0]
		}
	case typemap.Float8:
		if len(mods) == 1 && mods[0] <= 24 {
			ty = typemap.Of(typemap.Float4)
		}
	}
	return ty, name, nil
}

// tidbCastType is the TiDB CAST target for a PostgreSQL type.
func tidbCastType(ty typemap.Type) *types.FieldType {
	switch ty.OID {
	case typemap.Int2, typemap.Int4, typemap.Int8, typemap.Bool:
		return types.NewFieldType(mysql.TypeLonglong)
	case typemap.Numeric:
		ft := types.NewFieldType(mysql.TypeNewDecimal)
		if p, s, ok := typemap.NumericPrecisionScale(ty.Typmod); ok {
			ft.SetFlen(p)
			ft.SetDecimal(s)
		} else {
			ft.SetFlen(65)
			ft.SetDecimal(30)
		}
		return ft
	case typemap.Float4:
		return types.NewFieldType(mysql.TypeFloat)
	case typemap.Float8:
		return types.NewFieldType(mysql.TypeDouble)
	case typemap.Date:
		return types.NewFieldType(mysql.TypeDate)
	case typemap.Timestamp, typemap.Timestamptz:
		ft := types.NewFieldType(mysql.TypeDatetime)
		ft.SetDecimal(6)
		if ty.Typmod >= 0 && ty.Typmod < 6 {
			ft.SetDecimal(int(ty.Typmod))
		}
		return ft
	case typemap.Time:
		ft := types.NewFieldType(mysql.TypeDuration)
		ft.SetDecimal(6)
		if ty.Typmod >= 0 && ty.Typmod < 6 {
			ft.SetDecimal(int(ty.Typmod))
		}
		return ft
	case typemap.JSON, typemap.JSONB:
		return types.NewFieldType(mysql.TypeJSON)
	case typemap.Bytea:
		ft := types.NewFieldType(mysql.TypeVarString)
		ft.SetCharset("binary")
		ft.SetCollate("binary")
		return ft
	}
	ft := types.NewFieldType(mysql.TypeVarString)
	if (ty.OID == typemap.Varchar) && ty.Typmod >= 4 {
		ft.SetFlen(int(ty.Typmod - 4))
	}
	return ft
}

func castTo(e ast.ExprNode, ty typemap.Type) ast.ExprNode {
	return &ast.FuncCastExpr{Expr: e, Tp: tidbCastType(ty), FunctionType: ast.CastFunction}
}

// typeCast translates `x::type` and CAST(x AS type).
func (t *translator) typeCast(tc *pg_query.TypeCast, sc *scope) (ast.ExprNode, typemap.Type, error) {
	to, _, err := castType(tc.GetTypeName())
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if e, ok, err := floatConstant(tc.GetArg(), to); ok || err != nil {
		return e, to, err
	}
	if isArray(to) {
		return t.arrayCast(tc, to, sc)
	}
	e, from, err := t.expr(tc.GetArg(), sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	out, err := t.convert(e, from, to)
	return out, to, err
}

// convert is PostgreSQL's explicit cast from type from to type to, in a TiDB form with the
// same result. Untyped literals are read by to's input function at translation time;
// parameters of unknown type take type to (the proxy sends them as such).
//
// Casts TiDB performs more loosely than PostgreSQL are kept where the result matches for every
// input PostgreSQL accepts, and documented in KNOWN_GAPS.md where PostgreSQL raises an error
// and TiDB returns a value with only a warning: text→integer ('abc' gives 0), text→numeric,
// text→date/timestamp, and out-of-range numbers narrowed to int2/int4.
func (t *translator) convert(e ast.ExprNode, from, to typemap.Type) (ast.ExprNode, error) {
	if out, ok, err := t.convertOID(e, from, to); ok {
		return out, err
	}
	if isUnknown(from) {
		if isNullLit(e) {
			return e, nil
		}
		if _, ok := isParam(e); ok {
			t.coerce(e, from, to)
			if to.OID == typemap.Numeric {
				// Parameters reach TiDB as quoted text, which TiDB's arithmetic reads as a
				// double: keep the cast so that $1::numeric(10,2) * 2 is exact (2.50).
				return castTo(e, to), nil
			}
			return e, nil
		}
		if _, ok := literalString(e); ok {
			out, _, err := t.coerce(e, from, to)
			if err != nil {
				return nil, err
			}
			switch to.OID {
			case typemap.Date, typemap.Timestamp, typemap.Timestamptz, typemap.Time:
				// A typed literal is a value of its type in TiDB too (not a string).
				return castTo(out, to), nil
			case typemap.Numeric:
				if err := checkNumericLiteral(out, to); err != nil {
					return nil, err
				}
				if to.Typmod >= 0 {
					return castTo(out, to), nil
				}
			case typemap.JSON:
				// json keeps its text (pgtidb stores it as text).
				if s, ok := literalString(e); ok {
					return strLit(s), nil
				}
			}
			return t.applyTypmod(out, to), nil
		}
		from = of(typemap.Text)
	}
	if err := checkIntLiteral(e, to); err != nil {
		return nil, err
	}
	if to.OID == typemap.Numeric {
		if err := checkNumericLiteral(e, to); err != nil {
			return nil, err
		}
	}
	if from.OID == to.OID && (to.Typmod < 0 || from.Typmod == to.Typmod) {
		return e, nil
	}
	cannot := func() error {
		return pgerror.Newf(pgerrcode.CannotCoerce, "cannot cast type %s to %s", sqlTypeName(from), sqlTypeName(to))
	}
	switch to.OID {
	case typemap.Int2, typemap.Int4, typemap.Int8:
		switch {
		case isNumber(from):
			if isFloat(from) {
				// PostgreSQL rounds float to integer half to even (rint); ROUND on a
				// DOUBLE does the same in TiDB.
				return castTo(funcCall("ROUND", e), to), nil
			}
			return castTo(e, to), nil
		case from.OID == typemap.Bool && to.OID == typemap.Int4:
			return castTo(e, to), nil
		case isString(from):
			return castTo(e, to), nil
		}
		return nil, cannot()
	case typemap.Numeric:
		switch {
		case isInt(from):
			if to.Typmod < 0 {
				ft := types.NewFieldType(mysql.TypeNewDecimal)
				ft.SetFlen(65)
				ft.SetDecimal(0)
				return &ast.FuncCastExpr{Expr: e, Tp: ft, FunctionType: ast.CastFunction}, nil
			}
			return castTo(e, to), nil
		case from.OID == typemap.Numeric:
			if to.Typmod < 0 {
				return e, nil
			}
			return castTo(e, to), nil
		case isFloat(from), isString(from):
			if to.Typmod < 0 {
				return nil, pgerror.Unsupported("cast from " + sqlTypeName(from) + " to unconstrained numeric (TiDB has no decimal type that keeps the value's own scale)")
			}
			return castTo(e, to), nil
		}
		return nil, cannot()
	case typemap.Float4, typemap.Float8:
		if isNumber(from) || isString(from) {
			return castTo(e, to), nil
		}
		return nil, cannot()
	case typemap.Bool:
		switch {
		case from.OID == typemap.Int4:
			return binop(opcode.NE, e, intLit(0)), nil
		case isString(from):
			v := funcCall("LOWER", funcCall("TRIM", e))
			var yes, no []ast.ExprNode
			for _, s := range []string{"t", "tr", "tru", "true", "y", "ye", "yes", "on", "1"} {
				yes = append(yes, strLit(s))
			}
			for _, s := range []string{"f", "fa", "fal", "fals", "false", "n", "no", "of", "off", "0"} {
				no = append(no, strLit(s))
			}
			return caseWhen(nil,
				&ast.PatternInExpr{Expr: v, List: yes}, boolLit(true),
				&ast.PatternInExpr{Expr: v, List: no}, boolLit(false)), nil
		}
		return nil, cannot()
	case typemap.Text, typemap.Varchar, typemap.BPChar:
		txt, err := t.toText(e, from)
		if err != nil {
			return nil, err
		}
		return t.applyTypmod(txt, to), nil
	case typemap.Date, typemap.Timestamp, typemap.Timestamptz, typemap.Time:
		if !isDateTime(from) && !isString(from) || to.OID == typemap.Time && from.OID == typemap.Date {
			return nil, cannot()
		}
		// timestamptz is UTC; timestamp, date and time are wall-clock times of the session's
		// TimeZone.
		switch {
		case from.OID == typemap.Timestamptz && to.OID != typemap.Timestamptz:
			return castTo(t.utcToLocal(e), to), nil
		case to.OID == typemap.Timestamptz && (from.OID == typemap.Timestamp || from.OID == typemap.Date):
			return t.localToUTC(castTo(e, to)), nil
		}
		return castTo(e, to), nil
	case typemap.JSONB:
		// pgtidb stores json as its text and jsonb as TiDB JSON.
		if from.OID == typemap.JSON || isString(from) {
			return castTo(e, to), nil
		}
		return nil, cannot()
	case typemap.JSON:
		switch {
		case from.OID == typemap.JSONB:
			return castTo(e, of(typemap.Text)), nil
		case isString(from):
			return nil, pgerror.Unsupported("cast of a non-constant string to json (TiDB cannot raise PostgreSQL's error for invalid JSON)")
		}
		return nil, cannot()
	}
	return nil, pgerror.Unsupported("cast from " + sqlTypeName(from) + " to " + sqlTypeName(to))
}

// applyTypmod gives a string value the length of varchar(n) / char(n) as an explicit cast
// does in PostgreSQL: varchar(n) truncates, char(n) truncates and pads with spaces.
func (t *translator) applyTypmod(e ast.ExprNode, to typemap.Type) ast.ExprNode {
	if to.Typmod < 4 {
		return e
	}
	n := intLit(int64(to.Typmod - 4))
	switch to.OID {
	case typemap.Varchar:
		return funcCall("LEFT", e, n)
	case typemap.BPChar:
		return funcCall("RPAD", e, n, strLit(" "))
	}
	return e
}

// toText renders a value as PostgreSQL's output function of its type would, for `::text`,
// `||` and concat(). Types whose TiDB text form differs and cannot be rebuilt exactly
// (floating point, interval…) are refused.
func (t *translator) toText(e ast.ExprNode, from typemap.Type) (ast.ExprNode, error) {
	switch {
	case isUnknown(from):
		if _, ok := isParam(e); ok {
			t.coerce(e, from, of(typemap.Text))
		}
		return e, nil
	case from.OID == typemap.BPChar:
		return trimBPChar(e), nil
	case isString(from):
		return e, nil
	case isInt(from), from.OID == typemap.Numeric, from.OID == typemap.Date:
		return castTo(e, of(typemap.Text)), nil
	case from.OID == typemap.Bool:
		return caseWhen(nil, e, strLit("true"), not(e), strLit("false")), nil
	case from.OID == typemap.Timestamp, from.OID == typemap.Timestamptz:
		// PostgreSQL prints the fraction only when it is not zero, without trailing zeros.
		// timestamptz prints in the session's TimeZone with its offset there.
		local := e
		if from.OID == typemap.Timestamptz {
			local = t.utcToLocal(e)
		}
		whole := funcCall("DATE_FORMAT", local, strLit("%Y-%m-%d %H:%i:%s"))
		frac := funcCall("DATE_FORMAT", local, strLit(".%f"))
		txt := funcCall("CONCAT", whole,
			funcCall("IF", binop(opcode.EQ, funcCall("MICROSECOND", local), intLit(0)), strLit(""),
				&ast.FuncCallExpr{FnName: cistr("TRIM"), Args: []ast.ExprNode{frac, strLit("0"), &ast.TrimDirectionExpr{Direction: ast.TrimTrailing}}}))
		if from.OID == typemap.Timestamptz {
			txt.Args = append(txt.Args, zoneOffsetText(e, t.sessionZone()))
		}
		return txt, nil
	case from.OID == typemap.Time:
		whole := funcCall("TIME_FORMAT", e, strLit("%H:%i:%s"))
		frac := funcCall("TIME_FORMAT", e, strLit(".%f"))
		return funcCall("CONCAT", whole,
			funcCall("IF", binop(opcode.EQ, funcCall("MICROSECOND", e), intLit(0)), strLit(""),
				&ast.FuncCallExpr{FnName: cistr("TRIM"), Args: []ast.ExprNode{frac, strLit("0"), &ast.TrimDirectionExpr{Direction: ast.TrimTrailing}}})), nil
	case from.OID == typemap.JSONB:
		return castTo(e, of(typemap.Text)), nil
	case from.OID == typemap.JSON, from.OID == typemap.UUID, from.OID == typemap.Char:
		// Stored as their PostgreSQL text (json verbatim, uuid canonical, "char" as its
		// character in the catalog emulations).
		return e, nil
	case from.OID == typemap.Bytea:
		return funcCall("CONCAT", strLit(`\x`), funcCall("LOWER", funcCall("HEX", e))), nil
	case isVector(from):
		return vectorText(e), nil
	}
	return nil, pgerror.Unsupported("conversion of " + sqlTypeName(from) + " to text")
}

// outputText renders a value as its type's output function does, which concat() and
// concat_ws() use: the same as toText except for bool, printed t / f (the cast to text and `||`
// print true / false).
func (t *translator) outputText(e ast.ExprNode, from typemap.Type) (ast.ExprNode, error) {
	if from.OID == typemap.Bool {
		return caseWhen(nil, e, strLit("t"), not(e), strLit("f")), nil
	}
	return t.toText(e, from)
}

func itoa(v int) string { return strconv.Itoa(v) }

// checkIntLiteral raises PostgreSQL's range error for a constant narrowed to int2/int4 (TiDB's
// CAST AS SIGNED would not).
func checkIntLiteral(e ast.ExprNode, to typemap.Type) error {
	v, ok := intValue(e)
	if !ok {
		return nil
	}
	switch {
	case to.OID == typemap.Int4 && (v < math.MinInt32 || v > math.MaxInt32):
		return pgerror.New(pgerrcode.NumericValueOutOfRange, "integer out of range")
	case to.OID == typemap.Int2 && (v < math.MinInt16 || v > math.MaxInt16):
		return pgerror.New(pgerrcode.NumericValueOutOfRange, "smallint out of range")
	}
	return nil
}

// checkNumericLiteral raises PostgreSQL's overflow error for a constant cast to numeric(p,s)
// whose integer part does not fit (TiDB's CAST would clip it to 99.9…).
func checkNumericLiteral(e ast.ExprNode, to typemap.Type) error {
	p, s, ok := typemap.NumericPrecisionScale(to.Typmod)
	if !ok {
		return nil
	}
	var text string
	if v, isInt := intValue(e); isInt {
		text = strconv.FormatInt(v, 10)
	} else if ve, isVal := e.(ast.ValueExpr); isVal && !isNullLit(e) {
		if _, isParam := isParam(e); isParam {
			return nil
		}
		text = fmt.Sprint(ve.GetValue())
	} else {
		return nil
	}
	r, ok := new(big.Rat).SetString(strings.TrimLeft(text, "+-"))
	if !ok {
		return nil
	}
	// Round to s decimals (half away from zero) and compare with 10^(p-s).
	scaled := new(big.Rat).Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(s)), nil)))
	rounded := new(big.Int).Quo(new(big.Int).Add(new(big.Int).Mul(scaled.Num(), big.NewInt(2)), scaled.Denom()), new(big.Int).Mul(scaled.Denom(), big.NewInt(2)))
	limit := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(p)), nil)
	if rounded.Cmp(limit) >= 0 {
		return pgerror.New(pgerrcode.NumericValueOutOfRange, "numeric field overflow").
			WithDetail(fmt.Sprintf("A field with precision %d, scale %d must round to an absolute value less than 10^%d.", p, s, p-s))
	}
	return nil
}

// trimBPChar is character(n) → text: PostgreSQL drops the trailing blanks (bpchar's padding is
// insignificant). TiDB already strips them when it reads a CHAR column, so a column is left
// as it is (and keeps its index).
func trimBPChar(e ast.ExprNode) ast.ExprNode {
	if _, ok := e.(*ast.ColumnNameExpr); ok {
		return e
	}
	return &ast.FuncCallExpr{FnName: cistr("TRIM"), Args: []ast.ExprNode{e, strLit(" "), &ast.TrimDirectionExpr{Direction: ast.TrimTrailing}}}
}

// floatConstant reads a numeric constant (1e100, -0.1, 42) that becomes a float4/float8 as
// PostgreSQL's float input does: directly, so that numbers beyond TiDB's DECIMAL (1e300,
// 2.2250738585072014e-308) still work, and float4 values are rounded to single precision
// here — TiDB computes FLOAT expressions in double precision, so 0.1::float4::float8 would
// otherwise be 0.1 instead of 0.10000000149011612. ok is false when n is not such a constant.
func floatConstant(n *pg_query.Node, to typemap.Type) (ast.ExprNode, bool, error) {
	if !isFloat(to) {
		return nil, false, nil
	}
	text, neg := "", false
	if a := n.GetAExpr(); a != nil && a.GetLexpr() == nil && operatorName(a) == "-" && a.GetKind() == pg_query.A_Expr_Kind_AEXPR_OP {
		n, neg = a.GetRexpr(), true
	}
	c := n.GetAConst()
	switch {
	case c == nil || c.GetIsnull():
		return nil, false, nil
	case c.GetFval() != nil:
		text = c.GetFval().GetFval()
	case c.GetIval() != nil:
		text = strconv.FormatInt(int64(c.GetIval().GetIval()), 10)
	case c.GetSval() == nil && c.GetBoolval() == nil && c.GetBsval() == nil:
		text = "0"
	default:
		return nil, false, nil
	}
	if neg {
		text = "-" + text
	}
	e, err := floatLiteral(text, to)
	return e, true, err
}

// floatLiteral is the float4/float8 constant with decimal text s: PostgreSQL's float4in /
// float8in (range errors included), float4 rounded to single precision.
func floatLiteral(s string, to typemap.Type) (ast.ExprNode, error) {
	bits := 64
	if to.OID == typemap.Float4 {
		bits = 32
	}
	f, err := strconv.ParseFloat(s, bits)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return nil, pgerror.Newf(pgerrcode.NumericValueOutOfRange, "%q is out of range for type %s", s, sqlTypeName(to))
		}
		return nil, invalidInput(sqlTypeName(to), s)
	}
	if f == 0 && strings.Trim(strings.SplitN(strings.ToLower(s), "e", 2)[0], "+-0.") != "" {
		// Underflow to zero: PostgreSQL raises it too.
		return nil, pgerror.Newf(pgerrcode.NumericValueOutOfRange, "%q is out of range for type %s", s, sqlTypeName(to))
	}
	return castTo(strLit(strconv.FormatFloat(f, 'g', -1, 64)), to), nil
}

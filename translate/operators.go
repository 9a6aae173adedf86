package translate

import (
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// operatorName is the operator of an A_Expr (the last name; OPERATOR(pg_catalog.+) → "+").
func operatorName(a *pg_query.A_Expr) string {
	names := a.GetName()
	if len(names) == 0 {
		return ""
	}
	return names[len(names)-1].GetString_().GetSval()
}

var comparisonOps = map[string]opcode.Op{
	"=": opcode.EQ, "<>": opcode.NE, "!=": opcode.NE, "<": opcode.LT, "<=": opcode.LE,
	">": opcode.GT, ">=": opcode.GE,
}

func (t *translator) aExpr(a *pg_query.A_Expr, sc *scope) (ast.ExprNode, typemap.Type, error) {
	op := operatorName(a)
	switch a.GetKind() {
	case pg_query.A_Expr_Kind_AEXPR_OP:
		return t.operator(op, a.GetLexpr(), a.GetRexpr(), sc)
	case pg_query.A_Expr_Kind_AEXPR_OP_ANY, pg_query.A_Expr_Kind_AEXPR_OP_ALL:
		return t.anyAll(a, sc)
	case pg_query.A_Expr_Kind_AEXPR_DISTINCT, pg_query.A_Expr_Kind_AEXPR_NOT_DISTINCT:
		l, r, _, err := t.comparable(a.GetLexpr(), a.GetRexpr(), sc, "=")
		if err != nil {
			return nil, typemap.Type{}, err
		}
		e := binop(opcode.NullEQ, l, r)
		if a.GetKind() == pg_query.A_Expr_Kind_AEXPR_DISTINCT {
			e = not(e)
		}
		return e, of(typemap.Bool), nil
	case pg_query.A_Expr_Kind_AEXPR_NULLIF:
		l, r, ty, err := t.comparable(a.GetLexpr(), a.GetRexpr(), sc, "=")
		if err != nil {
			return nil, typemap.Type{}, err
		}
		return funcCall("NULLIF", l, r), ty, nil
	case pg_query.A_Expr_Kind_AEXPR_IN:
		return t.inList(a, sc, op == "<>")
	case pg_query.A_Expr_Kind_AEXPR_LIKE, pg_query.A_Expr_Kind_AEXPR_ILIKE:
		return t.like(a.GetLexpr(), a.GetRexpr(), sc, a.GetKind() == pg_query.A_Expr_Kind_AEXPR_LIKE,
			strings.HasPrefix(op, "!"))
	case pg_query.A_Expr_Kind_AEXPR_SIMILAR:
		return nil, typemap.Type{}, pgerror.Unsupported("SIMILAR TO")
	case pg_query.A_Expr_Kind_AEXPR_BETWEEN, pg_query.A_Expr_Kind_AEXPR_NOT_BETWEEN,
		pg_query.A_Expr_Kind_AEXPR_BETWEEN_SYM, pg_query.A_Expr_Kind_AEXPR_NOT_BETWEEN_SYM:
		return t.between(a, sc)
	}
	return nil, typemap.Type{}, pgerror.Unsupported("operator expression")
}

// operator translates a unary or binary operator expression.
func (t *translator) operator(op string, ln, rn *pg_query.Node, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if ln == nil {
		return t.prefixOperator(op, rn, sc)
	}
	if cop, ok := comparisonOps[op]; ok {
		l, r, _, err := t.comparable(ln, rn, sc, op)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		return binop(cop, l, r), of(typemap.Bool), nil
	}
	switch op {
	case "+", "-", "*", "/", "%", "^":
		return t.arithmetic(op, ln, rn, sc)
	case "||":
		return t.concatOperator(ln, rn, sc)
	case "~", "~*", "!~", "!~*":
		return t.regexMatch(op, ln, rn, sc)
	case "~~", "!~~":
		return t.like(ln, rn, sc, true, op == "!~~")
	case "~~*", "!~~*":
		return t.like(ln, rn, sc, false, op == "!~~*")
	case "->", "->>":
		return t.jsonOperator(op, ln, rn, sc)
	case "&", "|", "#":
		return t.bitwise(op, ln, rn, sc)
	case "<<", ">>":
		return nil, typemap.Type{}, pgerror.Unsupported("bit shift operator " + op + " (TiDB shifts 64-bit unsigned values)")
	case "^@":
		return t.funcCall(&pg_query.FuncCall{Funcname: []*pg_query.Node{pg_query.MakeStrNode("starts_with")},
			Args: []*pg_query.Node{ln, rn}}, sc)
	case "#>", "#>>":
		return t.jsonPathOperator(op, ln, rn, sc)
	case "@>", "<@":
		return t.jsonContainment(op, ln, rn, sc)
	case "?", "?|", "?&":
		return t.jsonExists(op, ln, rn, sc)
	case "#-":
		return nil, typemap.Type{}, pgerror.Unsupported("JSON operator " + op)
	}
	l, lt, err := t.expr(ln, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	_, rt, err := t.expr(rn, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	_ = l
	return nil, typemap.Type{}, noOperator(op, lt, rt)
}

func noOperator(op string, l, r typemap.Type) error {
	return pgerror.Newf(pgerrcode.UndefinedFunction, "operator does not exist: %s %s %s",
		sqlTypeName(l), op, sqlTypeName(r))
}

func (t *translator) prefixOperator(op string, rn *pg_query.Node, sc *scope) (ast.ExprNode, typemap.Type, error) {
	e, ty, err := t.expr(rn, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	switch op {
	case "-", "+":
		if isUnknown(ty) {
			if _, ok := isParam(e); !ok {
				// PostgreSQL picks the numeric operator for an unknown operand of unary minus.
				if e, _, err = t.coerce(e, ty, of(typemap.Numeric)); err != nil {
					return nil, typemap.Type{}, err
				}
				ty = of(typemap.Numeric)
			} else {
				return nil, typemap.Type{}, pgerror.Newf(pgerrcode.AmbiguousFunction, "operator is not unique: %s unknown", op)
			}
		}
		if !isNumber(ty) {
			return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedFunction, "operator does not exist: %s %s", op, sqlTypeName(ty))
		}
		if op == "+" {
			return e, ty, nil
		}
		return unop(opcode.Minus, e), ty, nil
	case "~":
		if isUnknown(ty) {
			if e, ty, err = t.coerce(e, ty, of(typemap.Int4)); err != nil {
				return nil, typemap.Type{}, err
			}
		}
		if !isInt(ty) {
			return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedFunction, "operator does not exist: ~ %s", sqlTypeName(ty))
		}
		// TiDB's ~ yields a 64-bit unsigned value; as signed it is PostgreSQL's two's complement.
		return castTo(unop(opcode.BitNeg, e), ty), ty, nil
	case "@":
		if isUnknown(ty) {
			if e, ty, err = t.coerce(e, ty, of(typemap.Numeric)); err != nil {
				return nil, typemap.Type{}, err
			}
		}
		if !isNumber(ty) {
			return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedFunction, "operator does not exist: @ %s", sqlTypeName(ty))
		}
		return funcCall("ABS", e), ty, nil
	case "|/":
		if isUnknown(ty) {
			if e, ty, err = t.coerce(e, ty, of(typemap.Float8)); err != nil {
				return nil, typemap.Type{}, err
			}
		}
		if !isNumber(ty) {
			return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedFunction, "operator does not exist: |/ %s", sqlTypeName(ty))
		}
		return funcCall("SQRT", e), of(typemap.Float8), nil
	}
	return nil, typemap.Type{}, pgerror.Unsupported("prefix operator " + op)
}

// arithOperands translates the operands of an arithmetic or bitwise operator; two untyped
// operands (unknown + unknown) have no operator to resolve to, as in PostgreSQL.
func (t *translator) arithOperands(op string, ln, rn *pg_query.Node, sc *scope) (l ast.ExprNode, lt typemap.Type, r ast.ExprNode, rt typemap.Type, err error) {
	if l, lt, err = t.expr(ln, sc); err != nil {
		return
	}
	if r, rt, err = t.expr(rn, sc); err != nil {
		return
	}
	if isUnknown(lt) && isUnknown(rt) {
		err = pgerror.Newf(pgerrcode.AmbiguousFunction, "operator is not unique: unknown %s unknown", op)
	}
	return
}

// coerceUnknownOperand gives an untyped operand (string literal or parameter) the other
// operand's type, as PostgreSQL resolves `unknown op T`.
func (t *translator) coerceUnknownOperand(l ast.ExprNode, lt typemap.Type, r ast.ExprNode, rt typemap.Type) (ast.ExprNode, typemap.Type, ast.ExprNode, typemap.Type, error) {
	var err error
	if isUnknown(lt) {
		if l, lt, err = t.coerce(l, lt, rt); err != nil {
			return nil, lt, nil, rt, err
		}
	}
	if isUnknown(rt) {
		if r, rt, err = t.coerce(r, rt, lt); err != nil {
			return nil, lt, nil, rt, err
		}
	}
	return l, lt, r, rt, nil
}

// bitwise translates & | # over integers. TiDB computes them on 64-bit unsigned values; read
// back as signed they are PostgreSQL's two's-complement results (which stay within the
// operands' type).
func (t *translator) bitwise(op string, ln, rn *pg_query.Node, sc *scope) (ast.ExprNode, typemap.Type, error) {
	l, lt, r, rt, err := t.arithOperands(op, ln, rn, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if l, lt, r, rt, err = t.coerceUnknownOperand(l, lt, r, rt); err != nil {
		return nil, typemap.Type{}, err
	}
	if !isInt(lt) || !isInt(rt) {
		return nil, typemap.Type{}, noOperator(op, lt, rt)
	}
	code := map[string]opcode.Op{"&": opcode.And, "|": opcode.Or, "#": opcode.Xor}[op]
	ty := arithType(lt, rt)
	return castTo(binop(code, l, r), ty), ty, nil
}

// comparable translates the two operands of a comparison and brings them to one type as
// PostgreSQL's operator resolution would: an unknown literal or parameter takes the other
// side's type (so a bool column compared with 't' compares booleans, not strings); operands of
// different categories have no operator (text = integer), which PostgreSQL rejects and TiDB
// would silently compare as numbers.
func (t *translator) comparable(ln, rn *pg_query.Node, sc *scope, op string) (ast.ExprNode, ast.ExprNode, typemap.Type, error) {
	l, lt, err := t.expr(ln, sc)
	if err != nil {
		return nil, nil, typemap.Type{}, err
	}
	r, rt, err := t.expr(rn, sc)
	if err != nil {
		return nil, nil, typemap.Type{}, err
	}
	return t.unify(l, lt, r, rt, op)
}

func (t *translator) unify(l ast.ExprNode, lt typemap.Type, r ast.ExprNode, rt typemap.Type, op string) (ast.ExprNode, ast.ExprNode, typemap.Type, error) {
	var err error
	switch {
	case isUnknown(lt) && isUnknown(rt):
		ty := of(typemap.Text)
		if l, _, err = t.coerce(l, lt, ty); err != nil {
			return nil, nil, typemap.Type{}, err
		}
		if r, _, err = t.coerce(r, rt, ty); err != nil {
			return nil, nil, typemap.Type{}, err
		}
		return l, r, ty, nil
	case isUnknown(lt):
		l, lt, err = t.coerce(l, lt, rt)
	case isUnknown(rt):
		r, rt, err = t.coerce(r, rt, lt)
	}
	if err != nil {
		return nil, nil, typemap.Type{}, err
	}
	if !comparableTypes(lt, rt) {
		return nil, nil, typemap.Type{}, noOperator(op, lt, rt)
	}
	if lt.OID == typemap.JSON || rt.OID == typemap.JSON {
		// PostgreSQL has no comparison operators for json (only jsonb).
		return nil, nil, typemap.Type{}, noOperator(op, lt, rt)
	}
	if lt.OID == typemap.JSONB {
		// TiDB's JSON equality is jsonb's: keys unordered, numbers by value (1 = 1.0),
		// true ≠ 1, arrays ordered — checked value by value against PostgreSQL. Their
		// orderings differ (jsonb sorts object > array > boolean > number > string > null).
		if op != "=" && op != "<>" && op != "!=" {
			return nil, nil, typemap.Type{}, pgerror.Unsupported("ordering of jsonb values")
		}
		// A parameter reaches TiDB as a quoted string, which TiDB would compare as a JSON
		// string scalar: parse it as JSON.
		if _, ok := isParam(l); ok {
			l = castTo(l, lt)
		}
		if _, ok := isParam(r); ok {
			r = castTo(r, lt)
		}
	}
	ty := lt
	if isNumber(lt) && isNumber(rt) {
		ty = arithType(lt, rt)
	}
	// character(n) compares without its trailing blanks, with another bpchar or, cast to
	// text, with a text.
	if lt.OID == typemap.BPChar {
		l = trimBPChar(l)
	}
	if rt.OID == typemap.BPChar {
		r = trimBPChar(r)
	}
	// timestamp and date compare with timestamptz as the session's local time.
	if lt.OID == typemap.Timestamptz && rt.OID != typemap.Timestamptz && isDateTime(rt) {
		r = t.localToUTC(castTo(r, lt))
	} else if rt.OID == typemap.Timestamptz && lt.OID != typemap.Timestamptz && isDateTime(lt) {
		l, ty = t.localToUTC(castTo(l, rt)), rt
	}
	return l, r, ty, nil
}

// comparableTypes reports whether PostgreSQL has comparison operators between the types.
func comparableTypes(a, b typemap.Type) bool {
	switch {
	case isNumber(a) && isNumber(b), isString(a) && isString(b), isDateTime(a) && isDateTime(b):
		return true
	case isOIDType(a) && (isOIDType(b) || isInt(b)), isOIDType(b) && isInt(a):
		// oid and the reg* types compare as oids; integers cast to oid implicitly.
		return true
	case a.OID == typemap.Char && isString(b), b.OID == typemap.Char && isString(a):
		// "char" casts to text implicitly (pg_dump's `c.relkind = ANY (array['r', 'S'])`);
		// pgtidb's "char" values are their text.
		return true
	}
	return a.OID == b.OID
}

// arithmetic translates + - * / % ^ with PostgreSQL's result types and semantics: integer
// division truncates (TiDB's `/` returns a decimal, so int/int is DIV); `^` is POW over
// double precision; date ± integer adds days; date - date counts days.
func (t *translator) arithmetic(op string, ln, rn *pg_query.Node, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if e, ty, ok, err := t.intervalArithmetic(op, ln, rn, sc); ok || err != nil {
		return e, ty, err
	}
	l, lt, r, rt, err := t.arithOperands(op, ln, rn, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if lt.OID == typemap.Date || rt.OID == typemap.Date {
		return t.dateArithmetic(op, l, lt, r, rt)
	}
	if op == "-" && lt.OID == typemap.JSONB {
		// jsonb - text|int|text[]: removing every matching string element of an array,
		// and the errors on scalars, have no TiDB expression.
		return nil, typemap.Type{}, pgerror.Unsupported("JSON operator - (jsonb - key or index)")
	}
	if l, lt, r, rt, err = t.coerceUnknownOperand(l, lt, r, rt); err != nil {
		return nil, typemap.Type{}, err
	}
	if !isNumber(lt) || !isNumber(rt) {
		if isDateTime(lt) || isDateTime(rt) || lt.OID == typemap.Interval || rt.OID == typemap.Interval {
			return nil, typemap.Type{}, pgerror.Unsupported("date/time arithmetic " + sqlTypeName(lt) + " " + op + " " + sqlTypeName(rt))
		}
		return nil, typemap.Type{}, noOperator(op, lt, rt)
	}
	ty := arithType(lt, rt)
	switch op {
	case "+":
		return binop(opcode.Plus, l, r), ty, nil
	case "-":
		return binop(opcode.Minus, l, r), ty, nil
	case "*":
		return binop(opcode.Mul, l, r), ty, nil
	case "/":
		if isInt(ty) {
			return binop(opcode.IntDiv, l, r), ty, nil
		}
		return binop(opcode.Div, l, r), ty, nil
	case "%":
		if isFloat(ty) {
			return nil, typemap.Type{}, noOperator(op, lt, rt)
		}
		return binop(opcode.Mod, l, r), ty, nil
	case "^":
		if ty.OID == typemap.Numeric {
			return nil, typemap.Type{}, pgerror.Unsupported("numeric ^ numeric (TiDB computes POW in double precision)")
		}
		return funcCall("POW", l, r), of(typemap.Float8), nil
	}
	return nil, typemap.Type{}, noOperator(op, lt, rt)
}

// dateArithmetic: date + int and int + date add days, date - int subtracts days, date - date
// is the number of days between them (int4).
func (t *translator) dateArithmetic(op string, l ast.ExprNode, lt typemap.Type, r ast.ExprNode, rt typemap.Type) (ast.ExprNode, typemap.Type, error) {
	var err error
	if isUnknown(rt) && op == "-" {
		if _, ok := isParam(r); !ok {
			// PostgreSQL resolves date - unknown as date - date.
			if r, rt, err = t.coerce(r, rt, of(typemap.Date)); err != nil {
				return nil, typemap.Type{}, err
			}
		}
	}
	if isUnknown(rt) {
		if r, rt, err = t.coerce(r, rt, of(typemap.Int4)); err != nil {
			return nil, typemap.Type{}, err
		}
	}
	if isUnknown(lt) {
		if l, lt, err = t.coerce(l, lt, of(typemap.Int4)); err != nil {
			return nil, typemap.Type{}, err
		}
	}
	day := &ast.TimeUnitExpr{Unit: ast.TimeUnitDay}
	switch {
	case op == "+" && lt.OID == typemap.Date && isInt(rt) && rt.OID != typemap.Int8:
		return funcCall("DATE_ADD", l, r, day), of(typemap.Date), nil
	case op == "+" && isInt(lt) && lt.OID != typemap.Int8 && rt.OID == typemap.Date:
		return funcCall("DATE_ADD", r, l, day), of(typemap.Date), nil
	case op == "-" && lt.OID == typemap.Date && isInt(rt) && rt.OID != typemap.Int8:
		return funcCall("DATE_SUB", l, r, day), of(typemap.Date), nil
	case op == "-" && lt.OID == typemap.Date && rt.OID == typemap.Date:
		return funcCall("DATEDIFF", l, r), of(typemap.Int4), nil
	}
	if lt.OID == typemap.Interval || rt.OID == typemap.Interval || lt.OID == typemap.Time || rt.OID == typemap.Time {
		return nil, typemap.Type{}, pgerror.Unsupported("date/time arithmetic " + sqlTypeName(lt) + " " + op + " " + sqlTypeName(rt))
	}
	return nil, typemap.Type{}, noOperator(op, lt, rt)
}

// concatOperator is `||`: text concatenation that is NULL when either side is NULL (CONCAT
// in TiDB; `||` itself is OR there). A non-string operand is converted with PostgreSQL's
// output format.
func (t *translator) concatOperator(ln, rn *pg_query.Node, sc *scope) (ast.ExprNode, typemap.Type, error) {
	l, lt, err := t.expr(ln, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	r, rt, err := t.expr(rn, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if isArray(lt) || isArray(rt) {
		return t.arrayConcat(l, lt, r, rt)
	}
	if (lt.OID == typemap.Bytea && (rt.OID == typemap.Bytea || isUnknown(rt))) ||
		(rt.OID == typemap.Bytea && isUnknown(lt)) {
		// bytea || bytea; an untyped literal on either side is read as bytea.
		bytea := of(typemap.Bytea)
		if l, _, err = t.coerce(l, lt, bytea); err != nil {
			return nil, typemap.Type{}, err
		}
		if r, _, err = t.coerce(r, rt, bytea); err != nil {
			return nil, typemap.Type{}, err
		}
		return funcCall("CONCAT", l, r), bytea, nil
	}
	if lt.OID == typemap.JSONB || rt.OID == typemap.JSONB {
		jsonb := of(typemap.JSONB)
		if isUnknown(lt) {
			l, lt, err = t.coerce(l, lt, jsonb)
		} else if isUnknown(rt) {
			r, rt, err = t.coerce(r, rt, jsonb)
		}
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if lt.OID != typemap.JSONB || rt.OID != typemap.JSONB {
			return nil, typemap.Type{}, pgerror.Unsupported("|| of jsonb and " + sqlTypeName(lt) + "/" + sqlTypeName(rt))
		}
		return t.jsonConcat(l, r, ln, rn)
	}
	textual := func(ty typemap.Type) bool { return isString(ty) || isUnknown(ty) }
	if !textual(lt) && !textual(rt) {
		return nil, typemap.Type{}, noOperator("||", lt, rt)
	}
	if l, err = t.toText(l, lt); err != nil {
		return nil, typemap.Type{}, err
	}
	if r, err = t.toText(r, rt); err != nil {
		return nil, typemap.Type{}, err
	}
	// Flatten a || b || c into one CONCAT.
	var args []ast.ExprNode
	for _, e := range []ast.ExprNode{l, r} {
		if fc, ok := e.(*concatCall); ok {
			args = append(args, fc.Args...)
		} else {
			args = append(args, e)
		}
	}
	return &concatCall{FuncCallExpr: *funcCall("CONCAT", args...)}, of(typemap.Text), nil
}

// concatCall marks a CONCAT built from `||`, so that chains flatten.
type concatCall struct{ ast.FuncCallExpr }

// regexMatch translates ~ ~* !~ !~* to REGEXP_LIKE with case-sensitive ('c') or insensitive
// ('i') matching. TiDB's engine is RE2: constructs it lacks (back-references, lookaround) are
// errors there, not different matches.
func (t *translator) regexMatch(op string, ln, rn *pg_query.Node, sc *scope) (ast.ExprNode, typemap.Type, error) {
	l, r, err := t.textOperands(op, ln, rn, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	flags := "c"
	if strings.HasSuffix(op, "*") {
		flags = "i"
	}
	var e ast.ExprNode = funcCall("REGEXP_LIKE", l, r, strLit(flags))
	if strings.HasPrefix(op, "!") {
		e = not(e)
	}
	return e, of(typemap.Bool), nil
}

// textOperands translates two operands that must be strings (pattern matching).
func (t *translator) textOperands(op string, ln, rn *pg_query.Node, sc *scope) (ast.ExprNode, ast.ExprNode, error) {
	l, lt, err := t.expr(ln, sc)
	if err != nil {
		return nil, nil, err
	}
	r, rt, err := t.expr(rn, sc)
	if err != nil {
		return nil, nil, err
	}
	if (!isString(lt) && !isUnknown(lt)) || (!isString(rt) && !isUnknown(rt)) {
		return nil, nil, noOperator(op, lt, rt)
	}
	text := of(typemap.Text)
	// Pattern matching sees character(n) with its blank padding (bpcharlike, bpcharregexeq);
	// TiDB strips the padding from CHAR columns, so it is put back.
	l, r = padBPChar(l, lt), padBPChar(r, rt)
	if l, _, err = t.coerce(l, lt, text); err != nil {
		return nil, nil, err
	}
	if r, _, err = t.coerce(r, rt, text); err != nil {
		return nil, nil, err
	}
	return l, r, nil
}

// like translates [NOT] LIKE / ILIKE [ESCAPE c]. PostgreSQL's default escape is the backslash,
// as TiDB's is (the session must not set NO_BACKSLASH_ESCAPES).
func (t *translator) like(ln, rn *pg_query.Node, sc *scope, caseSensitive, negate bool) (ast.ExprNode, typemap.Type, error) {
	escape := byte('\\')
	if fc := rn.GetFuncCall(); fc != nil && len(fc.GetFuncname()) > 0 &&
		fc.GetFuncname()[len(fc.GetFuncname())-1].GetString_().GetSval() == "like_escape" && len(fc.GetArgs()) == 2 {
		esc := fc.GetArgs()[1].GetAConst().GetSval()
		if esc == nil {
			return nil, typemap.Type{}, pgerror.Unsupported("LIKE with a non-constant ESCAPE")
		}
		switch s := esc.GetSval(); {
		case len(s) == 1:
			escape = s[0]
		case s == "":
			return nil, typemap.Type{}, pgerror.Unsupported("LIKE with an empty ESCAPE")
		default:
			return nil, typemap.Type{}, pgerror.New(pgerrcode.InvalidEscapeSequence, "invalid escape string")
		}
		rn = fc.GetArgs()[0]
	}
	op := "~~"
	if !caseSensitive {
		op = "~~*"
	}
	if negate {
		op = "!" + op
	}
	l, r, err := t.textOperands(op, ln, rn, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	return &ast.PatternLikeOrIlikeExpr{Expr: paren(l), Pattern: paren(r), Not: negate, Escape: escape, IsLike: caseSensitive},
		of(typemap.Bool), nil
}

// inList translates x [NOT] IN (a, b…); the list items take x's type when untyped.
func (t *translator) inList(a *pg_query.A_Expr, sc *scope, negate bool) (ast.ExprNode, typemap.Type, error) {
	items := a.GetRexpr().GetList().GetItems()
	if len(items) == 0 {
		return nil, typemap.Type{}, pgerror.Unsupported("IN with a non-list operand")
	}
	exprs, ty, err := t.exprList(append([]*pg_query.Node{a.GetLexpr()}, items...), sc, "IN")
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if ty.OID == typemap.JSON {
		return nil, typemap.Type{}, noOperator("=", ty, ty)
	}
	return &ast.PatternInExpr{Expr: paren(exprs[0]), List: exprs[1:], Not: negate}, of(typemap.Bool), nil
}

// between translates [NOT] BETWEEN [SYMMETRIC]. SYMMETRIC becomes the OR of both orders.
func (t *translator) between(a *pg_query.A_Expr, sc *scope) (ast.ExprNode, typemap.Type, error) {
	items := a.GetRexpr().GetList().GetItems()
	if len(items) != 2 {
		return nil, typemap.Type{}, pgerror.New(pgerrcode.SyntaxError, "BETWEEN needs two bounds")
	}
	exprs, ty, err := t.exprList(append([]*pg_query.Node{a.GetLexpr()}, items...), sc, "BETWEEN")
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if ty.OID == typemap.JSON || ty.OID == typemap.JSONB {
		return nil, typemap.Type{}, pgerror.Unsupported("comparison of json values")
	}
	x, lo, hi := paren(exprs[0]), paren(exprs[1]), paren(exprs[2])
	k := a.GetKind()
	negate := k == pg_query.A_Expr_Kind_AEXPR_NOT_BETWEEN || k == pg_query.A_Expr_Kind_AEXPR_NOT_BETWEEN_SYM
	if k == pg_query.A_Expr_Kind_AEXPR_BETWEEN_SYM || k == pg_query.A_Expr_Kind_AEXPR_NOT_BETWEEN_SYM {
		e := binop(opcode.LogicOr, &ast.BetweenExpr{Expr: x, Left: lo, Right: hi}, &ast.BetweenExpr{Expr: x, Left: hi, Right: lo})
		if negate {
			e = not(e)
		}
		return e, of(typemap.Bool), nil
	}
	return &ast.BetweenExpr{Expr: x, Left: lo, Right: hi, Not: negate}, of(typemap.Bool), nil
}

// padBPChar pads a character(n) value to its n characters.
func padBPChar(e ast.ExprNode, ty typemap.Type) ast.ExprNode {
	if ty.OID != typemap.BPChar || ty.Typmod < 4 {
		return e
	}
	if fc, ok := e.(*ast.FuncCallExpr); ok && fc.FnName.L == "rpad" {
		return e // already padded by the cast
	}
	return funcCall("RPAD", e, intLit(int64(ty.Typmod-4)), strLit(" "))
}

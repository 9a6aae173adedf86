package translate

import (
	"regexp"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/typemap"
)

// PostgreSQL's text of stored expressions.
//
// PostgreSQL keeps a column default or a CHECK constraint as an analyzed expression tree and
// prints it back with ruleutils.c (pg_get_expr, pg_get_constraintdef, information_schema,
// psql's \d, pg_dump): operators and casts resolved, implicit coercions shown inside
// operators, literals with their type labels, every operator parenthesized (or, in pretty
// mode, only where precedence needs it). pgtidb keeps the text it computes here when it creates
// the expression (catalog.Expr); TiDB's own text of it is MySQL's.
//
// deparseExpr analyzes the raw expression the way PostgreSQL's parser would for a subset that
// covers what schemas use — literals, columns, comparison and arithmetic operators over
// integers, numeric, float8, text, varchar, bpchar, bool, date and timestamp, AND/OR/NOT,
// IS [NOT] NULL, IN lists, BETWEEN, LIKE, CURRENT_DATE and friends, now() and a few string
// functions — and prints it as ruleutils does. Anything outside that subset gives no text
// (ok false) and the catalog shows the text derived from TiDB's, as before.

// dkind is a node kind of an analyzed expression.
type dkind int

const (
	dConst dkind = iota
	dVar
	dOp        // binary operator (op, args[0], args[1])
	dAnd       // AND of args
	dOr        // OR of args
	dNot       // NOT args[0]
	dNullTest  // args[0] IS [NOT] NULL (op is "IS NULL" or "IS NOT NULL")
	dArrayOp   // args[0] op ANY/ALL (args[1]: dArray); op is "= ANY" or "<> ALL"
	dArray     // ARRAY[args…]
	dFunc      // name(args…)
	dKeyword   // CURRENT_DATE, LOCALTIMESTAMP…: text as is
	dCoerce    // args[0]::ty, an implicit coercion (shown inside operators and functions)
	dTypedCast // args[0]::ty written in the expression
)

// dnode is an analyzed expression: its kind, its PostgreSQL type and what it prints.
type dnode struct {
	kind dkind
	ty   typemap.Type
	// text: a constant's output text (unquoted), a column's name, an operator or function
	// name, a keyword.
	text string
	// unknown marks a string literal whose type is not decided yet (PostgreSQL's unknown).
	unknown bool
	null    bool
	args    []*dnode
}

// deparseDefault is PostgreSQL's text of a column default raw of a column of type col.
func (t *translator) deparseDefault(raw *pg_query.Node, col typemap.Type) (catalog.Expr, bool) {
	d, ok := t.danalyze(raw, nil)
	if !ok || d.null {
		return catalog.Expr{}, false
	}
	if d.unknown {
		if d, ok = dcoerceConst(d, col); !ok {
			return catalog.Expr{}, false
		}
	} else if d.ty.OID != col.OID && !dImplicit(d.ty.OID, col.OID) && !(dNumeric[d.ty.OID] && dNumeric[col.OID]) {
		// (Numbers convert to every numeric type by assignment.)
		return catalog.Expr{}, false
	}
	// The assignment coercion to the column's type is implicit at the top: not shown.
	return catalog.Expr{Plain: dprint(d, false, nil), Pretty: dprint(d, true, nil), Fresh: true}, true
}

// deparseCheck is PostgreSQL's text of CHECK expression raw over table tbl's columns, without
// the CHECK ( ) around it.
func (t *translator) deparseCheck(raw *pg_query.Node, tbl *catalog.Table) (catalog.Expr, bool) {
	d, ok := t.danalyze(raw, &dscope{rels: []drel{{tbl: tbl}}})
	if !ok {
		return catalog.Expr{}, false
	}
	if d.unknown {
		if d, ok = dcoerceConst(d, typemap.Of(typemap.Bool)); !ok {
			return catalog.Expr{}, false
		}
	}
	if d.ty.OID != typemap.Bool {
		return catalog.Expr{}, false
	}
	return catalog.Expr{Plain: dprint(d, false, nil), Pretty: dprint(d, true, nil), Fresh: true}, true
}

// dscope is what an analyzed expression's columns belong to: one table (a CHECK: columns
// print bare) or a query's FROM items (a view: columns print as ref.column).
type dscope struct {
	rels    []drel
	qualify bool
}

// drel is a FROM item: its reference name (alias or relation name) and table.
type drel struct {
	ref string
	tbl *catalog.Table
}

// column resolves a column reference: a bare name of exactly one relation, or ref.name.
func (ds *dscope) column(cr *pg_query.ColumnRef) (*dnode, bool) {
	names, star := columnRefFields(cr)
	if ds == nil || star || len(names) == 0 || len(names) > 2 {
		return nil, false
	}
	name := names[len(names)-1]
	var found *drel
	var col *catalog.Column
	for i := range ds.rels {
		r := &ds.rels[i]
		if len(names) == 2 && r.ref != names[0] {
			continue
		}
		if c := r.tbl.Column(name); c != nil {
			if found != nil {
				return nil, false
			}
			found, col = r, c
		}
	}
	if found == nil {
		return nil, false
	}
	text := quoteIdent(col.Name)
	if ds.qualify {
		text = quoteIdent(found.ref) + "." + text
	}
	return &dnode{kind: dVar, ty: col.Type, text: text}, true
}

func (t *translator) danalyze(n *pg_query.Node, ds *dscope) (*dnode, bool) {
	switch x := n.GetNode().(type) {
	case *pg_query.Node_AConst:
		return dconst(x.AConst)
	case *pg_query.Node_ColumnRef:
		return ds.column(x.ColumnRef)
	case *pg_query.Node_TypeCast:
		return t.dcast(x.TypeCast, ds)
	case *pg_query.Node_BoolExpr:
		var args []*dnode
		for _, a := range x.BoolExpr.GetArgs() {
			d, ok := t.danalyze(a, ds)
			if !ok {
				return nil, false
			}
			if d, ok = dtoBool(d); !ok {
				return nil, false
			}
			args = append(args, d)
		}
		kind := map[pg_query.BoolExprType]dkind{pg_query.BoolExprType_AND_EXPR: dAnd, pg_query.BoolExprType_OR_EXPR: dOr, pg_query.BoolExprType_NOT_EXPR: dNot}[x.BoolExpr.GetBoolop()]
		return &dnode{kind: kind, ty: typemap.Of(typemap.Bool), args: args}, true
	case *pg_query.Node_NullTest:
		d, ok := t.danalyze(x.NullTest.GetArg(), ds)
		if !ok || d.unknown {
			return nil, false
		}
		op := "IS NULL"
		if x.NullTest.GetNulltesttype() == pg_query.NullTestType_IS_NOT_NULL {
			op = "IS NOT NULL"
		}
		return &dnode{kind: dNullTest, ty: typemap.Of(typemap.Bool), text: op, args: []*dnode{d}}, true
	case *pg_query.Node_AExpr:
		return t.daexpr(x.AExpr, ds)
	case *pg_query.Node_SqlvalueFunction:
		return dkeyword(x.SqlvalueFunction)
	case *pg_query.Node_FuncCall:
		return t.dfunc(x.FuncCall, ds)
	}
	return nil, false
}

func dconst(c *pg_query.A_Const) (*dnode, bool) {
	if c.GetIsnull() {
		return &dnode{kind: dConst, null: true, unknown: true}, true
	}
	switch v := c.GetVal().(type) {
	case *pg_query.A_Const_Ival:
		return &dnode{kind: dConst, ty: typemap.Of(typemap.Int4), text: strconv.FormatInt(int64(v.Ival.GetIval()), 10)}, true
	case *pg_query.A_Const_Fval:
		s := v.Fval.GetFval()
		if dInt.MatchString(s) {
			// An integer literal beyond int4: int8, or numeric beyond int8.
			if _, err := strconv.ParseInt(s, 10, 64); err == nil {
				return &dnode{kind: dConst, ty: typemap.Of(typemap.Int8), text: s}, true
			}
			return &dnode{kind: dConst, ty: typemap.Of(typemap.Numeric), text: numericOut(s)}, true
		}
		if !dDecimal.MatchString(s) {
			return nil, false
		}
		return &dnode{kind: dConst, ty: typemap.Of(typemap.Numeric), text: numericOut(s)}, true
	case *pg_query.A_Const_Sval:
		return &dnode{kind: dConst, unknown: true, text: v.Sval.GetSval()}, true
	case *pg_query.A_Const_Boolval:
		return &dnode{kind: dConst, ty: typemap.Of(typemap.Bool), text: strconv.FormatBool(v.Boolval.GetBoolval())}, true
	}
	return nil, false
}

var (
	dInt     = regexp.MustCompile(`^-?[0-9]+$`)
	dDecimal = regexp.MustCompile(`^-?([0-9]+\.[0-9]*|\.[0-9]+)$`)
	dDate    = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	dStamp   = regexp.MustCompile(`^([0-9]{4}-[0-9]{2}-[0-9]{2})[ T]([0-9]{2}:[0-9]{2})(:[0-9]{2}(\.[0-9]+)?)?$`)
)

// numericOut is numeric_out of a plain decimal literal: no leading zeros or +, 0 before a
// leading point, the scale as written.
func numericOut(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimLeft(strings.TrimPrefix(s, "-"), "+")
	intPart, frac, hasPoint := strings.Cut(s, ".")
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	out := intPart
	if hasPoint && frac != "" {
		out += "." + frac
	}
	if neg && strings.Trim(out, "0.") != "" {
		out = "-" + out
	}
	return out
}

// dcoerceConst gives an unknown literal type ty: its value in ty's output form, or ok false
// when pgtidb does not know that form for sure.
func dcoerceConst(d *dnode, ty typemap.Type) (*dnode, bool) {
	if d.null {
		return &dnode{kind: dConst, ty: ty, null: true}, true
	}
	s := d.text
	out := ""
	switch ty.OID {
	case typemap.Text, typemap.Varchar, typemap.BPChar, typemap.JSON:
		out = s
	case typemap.JSONB:
		b, err := typemap.EncodeText(nil, typemap.Of(typemap.JSONB), []byte(s), typemap.DefaultSettings())
		if err != nil {
			return nil, false
		}
		out = string(b)
	case typemap.Int2, typemap.Int4, typemap.Int8:
		v := strings.TrimSpace(s)
		bits := map[typemap.OID]int{typemap.Int2: 16, typemap.Int4: 32, typemap.Int8: 64}[ty.OID]
		n, err := strconv.ParseInt(v, 10, bits)
		if err != nil {
			return nil, false
		}
		out = strconv.FormatInt(n, 10)
	case typemap.Numeric:
		v := strings.TrimSpace(s)
		if !dInt.MatchString(v) && !dDecimal.MatchString(v) {
			return nil, false
		}
		out = numericOut(v)
	case typemap.Bool:
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "t", "true", "y", "yes", "on", "1":
			out = "true"
		case "f", "false", "n", "no", "off", "0":
			out = "false"
		default:
			return nil, false
		}
	case typemap.Date:
		if !dDate.MatchString(s) {
			return nil, false
		}
		out = s
	case typemap.Timestamp:
		if dDate.MatchString(s) {
			s += " 00:00:00"
		}
		m := dStamp.FindStringSubmatch(s)
		if m == nil {
			return nil, false
		}
		sec := m[3]
		if sec == "" {
			sec = ":00"
		}
		if strings.Contains(sec, ".") {
			sec = strings.TrimRight(strings.TrimRight(sec, "0"), ".")
		}
		out = m[1] + " " + m[2] + sec
	default:
		return nil, false
	}
	// The constant has the type without modifier (a length coercion, implicit, follows it).
	return &dnode{kind: dConst, ty: typemap.Of(ty.OID), text: out}, true
}

// dNumeric are the numeric types, which convert to each other by assignment.
var dNumeric = map[typemap.OID]bool{typemap.Int2: true, typemap.Int4: true, typemap.Int8: true,
	typemap.Numeric: true, typemap.Float4: true, typemap.Float8: true}

// dImplicit reports whether PostgreSQL coerces from to to implicitly (the casts the analysis
// uses: integer widening, integers to numeric and float8, numeric to float8, varchar to text).
func dImplicit(from, to typemap.OID) bool {
	rank := map[typemap.OID]int{typemap.Int2: 1, typemap.Int4: 2, typemap.Int8: 3, typemap.Numeric: 4, typemap.Float8: 5}
	if rf, ok := rank[from]; ok {
		if rt, ok := rank[to]; ok {
			return rf < rt
		}
	}
	return from == typemap.Varchar && to == typemap.Text
}

func dtoBool(d *dnode) (*dnode, bool) {
	if d.unknown {
		return dcoerceConst(d, typemap.Of(typemap.Bool))
	}
	return d, d.ty.OID == typemap.Bool
}

// dcoerce wraps d in the implicit coercion to ty (a varchar is relabeled to text the same way).
func dcoerce(d *dnode, ty typemap.OID) *dnode {
	if d.ty.OID == ty {
		return d
	}
	return &dnode{kind: dCoerce, ty: typemap.Of(ty), args: []*dnode{d}}
}

// dcast is an explicit cast: of a string literal, a constant of the type; of a column, a
// shown coercion PostgreSQL keeps as written.
func (t *translator) dcast(tc *pg_query.TypeCast, ds *dscope) (*dnode, bool) {
	ty, err := typeName(tc.GetTypeName())
	if err != nil || ty.Typmod >= 0 {
		return nil, false
	}
	d, ok := t.danalyze(tc.GetArg(), ds)
	if !ok {
		return nil, false
	}
	if d.unknown {
		return dcoerceConst(d, ty)
	}
	if d.kind != dVar || d.ty.OID == ty.OID {
		return nil, false
	}
	return &dnode{kind: dTypedCast, ty: ty, args: []*dnode{d}}, true
}

// dops are the binary operators the analysis knows, as PostgreSQL prints them.
var dops = map[string]string{"=": "=", "<>": "<>", "!=": "<>", "<": "<", ">": ">", "<=": "<=", ">=": ">=",
	"+": "+", "-": "-", "*": "*", "/": "/", "%": "%"}

func (t *translator) daexpr(e *pg_query.A_Expr, ds *dscope) (*dnode, bool) {
	names := stringList(e.GetName())
	if len(names) != 1 {
		return nil, false
	}
	switch e.GetKind() {
	case pg_query.A_Expr_Kind_AEXPR_OP:
		op, ok := dops[names[0]]
		if !ok || e.GetLexpr() == nil {
			return nil, false
		}
		l, ok := t.danalyze(e.GetLexpr(), ds)
		if !ok {
			return nil, false
		}
		r, ok := t.danalyze(e.GetRexpr(), ds)
		if !ok {
			return nil, false
		}
		return dbinary(op, l, r)
	case pg_query.A_Expr_Kind_AEXPR_LIKE:
		op := map[string]string{"~~": "~~", "!~~": "!~~"}[names[0]]
		l, ok1 := t.danalyze(e.GetLexpr(), ds)
		r, ok2 := t.danalyze(e.GetRexpr(), ds)
		if op == "" || !ok1 || !ok2 {
			return nil, false
		}
		return dbinary(op, l, r)
	case pg_query.A_Expr_Kind_AEXPR_IN:
		list := e.GetRexpr().GetList()
		if list == nil {
			return nil, false
		}
		op := "= ANY"
		if names[0] == "<>" {
			op = "<> ALL"
		}
		return t.darrayOp(e.GetLexpr(), list.GetItems(), op, true, ds)
	case pg_query.A_Expr_Kind_AEXPR_OP_ANY, pg_query.A_Expr_Kind_AEXPR_OP_ALL:
		arr := e.GetRexpr().GetAArrayExpr()
		op, ok := dops[names[0]]
		if arr == nil || !ok {
			return nil, false
		}
		if e.GetKind() == pg_query.A_Expr_Kind_AEXPR_OP_ANY {
			op += " ANY"
		} else {
			op += " ALL"
		}
		return t.darrayOp(e.GetLexpr(), arr.GetElements(), op, false, ds)
	case pg_query.A_Expr_Kind_AEXPR_BETWEEN, pg_query.A_Expr_Kind_AEXPR_NOT_BETWEEN:
		list := e.GetRexpr().GetList().GetItems()
		if len(list) != 2 {
			return nil, false
		}
		lo1, hi1 := ">=", "<="
		kind := dAnd
		if e.GetKind() == pg_query.A_Expr_Kind_AEXPR_NOT_BETWEEN {
			lo1, hi1, kind = "<", ">", dOr
		}
		var parts []*dnode
		for i, op := range []string{lo1, hi1} {
			l, ok1 := t.danalyze(e.GetLexpr(), ds)
			r, ok2 := t.danalyze(list[i], ds)
			if !ok1 || !ok2 {
				return nil, false
			}
			d, ok := dbinary(op, l, r)
			if !ok {
				return nil, false
			}
			parts = append(parts, d)
		}
		return &dnode{kind: kind, ty: typemap.Of(typemap.Bool), args: parts}, true
	}
	return nil, false
}

// darrayOp is lexpr op ANY/ALL (ARRAY[items…]), which is also how PostgreSQL keeps IN lists.
// The items must be of the type the operator works on (unknown literals take it).
func (t *translator) darrayOp(lexpr *pg_query.Node, items []*pg_query.Node, op string, inList bool, ds *dscope) (*dnode, bool) {
	l, ok := t.danalyze(lexpr, ds)
	if !ok || l.unknown || len(items) == 0 {
		return nil, false
	}
	if inList && len(items) == 1 {
		// x IN (a) is x = a (transformAExprIn).
		r, ok := t.danalyze(items[0], ds)
		if !ok {
			return nil, false
		}
		return dbinary(strings.Fields(op)[0], l, r)
	}
	want := dcompareType(l.ty)
	if want.OID != l.ty.OID {
		// An IN list takes the left side's type (varchar), and the array is coerced to the
		// operator's (text[]); an ARRAY[…] of another type is left to TiDB's text.
		if !inList {
			return nil, false
		}
		want = typemap.Of(l.ty.OID)
	}
	arr := &dnode{kind: dArray, ty: want}
	for _, item := range items {
		d, ok := t.danalyze(item, ds)
		if !ok {
			return nil, false
		}
		if d.unknown {
			if d, ok = dcoerceConst(d, want); !ok {
				return nil, false
			}
		}
		if d.ty.OID != want.OID {
			return nil, false
		}
		arr.args = append(arr.args, d)
	}
	var right *dnode = arr
	if cmp := dcompareType(l.ty); cmp.OID != want.OID {
		arrOID, ok := typemap.ArrayOf(cmp.OID), true
		if arrOID == 0 || !ok {
			return nil, false
		}
		right = &dnode{kind: dCoerce, ty: typemap.Of(arrOID), args: []*dnode{arr}}
	}
	return &dnode{kind: dArrayOp, ty: typemap.Of(typemap.Bool), text: op, args: []*dnode{dcoerce(l, dcompareType(l.ty).OID), right}}, true
}

// dcompareType is the type PostgreSQL's operators of a value of type ty work on: text for
// varchar (which has no operators of its own), the type itself otherwise.
func dcompareType(ty typemap.Type) typemap.Type {
	if ty.OID == typemap.Varchar {
		return typemap.Of(typemap.Text)
	}
	return typemap.Of(ty.OID)
}

// dbinary resolves operator op over l and r as PostgreSQL's operator resolution does for the
// types the analysis knows: an unknown literal takes the other side's type; integers of any
// width meet with cross-type operators; integer, numeric and float8 otherwise meet at the
// wider type through a shown coercion; varchar works as text.
func dbinary(op string, l, r *dnode) (*dnode, bool) {
	if l.unknown && r.unknown {
		return nil, false
	}
	if l.unknown {
		var ok bool
		if l, ok = dcoerceConst(l, dcompareType(r.ty)); !ok {
			return nil, false
		}
	}
	if r.unknown {
		var ok bool
		if r, ok = dcoerceConst(r, dcompareType(l.ty)); !ok {
			return nil, false
		}
	}
	comparison := op == "=" || op == "<>" || op == "<" || op == ">" || op == "<=" || op == ">="
	like := op == "~~" || op == "!~~"
	result := typemap.Of(typemap.Bool)
	isInt := func(o typemap.OID) bool { return o == typemap.Int2 || o == typemap.Int4 || o == typemap.Int8 }
	lt, rt := l.ty.OID, r.ty.OID
	switch {
	case like:
		if dcompareType(l.ty).OID != typemap.Text || dcompareType(r.ty).OID != typemap.Text {
			return nil, false
		}
		l, r = dcoerce(l, typemap.Text), dcoerce(r, typemap.Text)
	case isInt(lt) && isInt(rt):
		if op == "%" && lt != rt {
			return nil, false
		}
		if !comparison {
			w := map[typemap.OID]int{typemap.Int2: 1, typemap.Int4: 2, typemap.Int8: 3}
			if w[lt] >= w[rt] {
				result = typemap.Of(lt)
			} else {
				result = typemap.Of(rt)
			}
		}
	case dImplicit(lt, rt) || dImplicit(rt, lt) || lt == rt:
		common := lt
		if dImplicit(lt, rt) {
			common = rt
		}
		if common == typemap.Varchar {
			common = typemap.Text
		}
		switch common {
		case typemap.Numeric, typemap.Float8, typemap.Int2, typemap.Int4, typemap.Int8:
		case typemap.Text, typemap.BPChar, typemap.Date, typemap.Timestamp, typemap.Bool:
			if !comparison {
				return nil, false
			}
		default:
			return nil, false
		}
		if common == typemap.Float8 && op == "%" {
			return nil, false
		}
		l, r = dcoerce(l, common), dcoerce(r, common)
		if !comparison {
			result = typemap.Of(common)
		}
	default:
		return nil, false
	}
	return &dnode{kind: dOp, ty: result, text: op, args: []*dnode{l, r}}, true
}

func dkeyword(f *pg_query.SQLValueFunction) (*dnode, bool) {
	words := map[pg_query.SQLValueFunctionOp]struct {
		text string
		ty   typemap.OID
	}{
		pg_query.SQLValueFunctionOp_SVFOP_CURRENT_DATE:      {"CURRENT_DATE", typemap.Date},
		pg_query.SQLValueFunctionOp_SVFOP_CURRENT_TIMESTAMP: {"CURRENT_TIMESTAMP", typemap.Timestamptz},
		pg_query.SQLValueFunctionOp_SVFOP_LOCALTIMESTAMP:    {"LOCALTIMESTAMP", typemap.Timestamp},
	}
	w, ok := words[f.GetOp()]
	if !ok {
		return nil, false
	}
	return &dnode{kind: dKeyword, ty: typemap.Of(w.ty), text: w.text}, true
}

// dfuncs are the functions the analysis knows: their argument type (0: none) and result type.
var dfuncs = map[string]struct{ arg, result typemap.OID }{
	"now":         {0, typemap.Timestamptz},
	"length":      {typemap.Text, typemap.Int4},
	"char_length": {typemap.Text, typemap.Int4},
	"lower":       {typemap.Text, typemap.Text},
	"upper":       {typemap.Text, typemap.Text},
}

func (t *translator) dfunc(fc *pg_query.FuncCall, ds *dscope) (*dnode, bool) {
	names := stringList(fc.GetFuncname())
	if len(names) != 1 || fc.GetAggStar() || fc.GetOver() != nil || fc.GetAggDistinct() || len(fc.GetAggOrder()) > 0 ||
		fc.GetFuncformat() != pg_query.CoercionForm_COERCE_EXPLICIT_CALL {
		return nil, false
	}
	f, ok := dfuncs[names[0]]
	if !ok {
		return nil, false
	}
	args := fc.GetArgs()
	if (f.arg == 0) != (len(args) == 0) || len(args) > 1 {
		return nil, false
	}
	d := &dnode{kind: dFunc, ty: typemap.Of(f.result), text: names[0]}
	if len(args) == 1 {
		a, ok := t.danalyze(args[0], ds)
		if !ok {
			return nil, false
		}
		if a.unknown {
			if a, ok = dcoerceConst(a, typemap.Of(f.arg)); !ok {
				return nil, false
			}
		}
		if a.ty.OID != f.arg && !dImplicit(a.ty.OID, f.arg) {
			return nil, false
		}
		d.args = []*dnode{dcoerce(a, f.arg)}
	}
	return d, true
}

// dprint prints d as ruleutils' get_rule_expr does, pretty or not; parent is the node d is an
// argument of (nil at the top).
func dprint(d *dnode, pretty bool, parent *dnode) string {
	wrap := func(s string) string {
		if pretty {
			return s
		}
		return "(" + s + ")"
	}
	arg := func(a *dnode) string {
		s := dprint(a, pretty, d)
		if pretty && !dsimple(a, d) {
			return "(" + s + ")"
		}
		return s
	}
	switch d.kind {
	case dConst:
		return dconstText(d)
	case dVar, dKeyword:
		return d.text
	case dOp:
		return wrap(arg(d.args[0]) + " " + d.text + " " + arg(d.args[1]))
	case dAnd, dOr:
		word := " AND "
		if d.kind == dOr {
			word = " OR "
		}
		parts := make([]string, len(d.args))
		for i, a := range d.args {
			parts[i] = arg(a)
		}
		return wrap(strings.Join(parts, word))
	case dNot:
		return wrap("NOT " + arg(d.args[0]))
	case dNullTest:
		return wrap(arg(d.args[0]) + " " + d.text)
	case dArrayOp:
		return wrap(arg(d.args[0]) + " " + d.text + " (" + dprint(d.args[1], pretty, d) + ")")
	case dArray:
		parts := make([]string, len(d.args))
		for i, a := range d.args {
			parts[i] = dprint(a, pretty, d)
		}
		return "ARRAY[" + strings.Join(parts, ", ") + "]"
	case dFunc:
		parts := make([]string, len(d.args))
		for i, a := range d.args {
			parts[i] = dprint(a, pretty, d)
		}
		return d.text + "(" + strings.Join(parts, ", ") + ")"
	case dCoerce, dTypedCast:
		a := d.args[0]
		name := formatTypeName(d.ty.OID, d.ty.Typmod, true)
		if pretty {
			s := dprint(a, pretty, d)
			if a.kind != dConst && a.kind != dVar && a.kind != dFunc && a.kind != dKeyword && a.kind != dCoerce && a.kind != dTypedCast && a.kind != dArray {
				s = "(" + s + ")"
			}
			return s + "::" + name
		}
		return "(" + dprint(a, pretty, d) + ")::" + name
	}
	return ""
}

// dconstText is get_const_expr: integers and float-looking numerics bare, booleans as
// true/false, everything else quoted with its type.
func dconstText(d *dnode) string {
	name := formatTypeName(d.ty.OID, d.ty.Typmod, true)
	if d.null {
		return "NULL::" + name
	}
	switch d.ty.OID {
	case typemap.Int4:
		if !strings.HasPrefix(d.text, "-") {
			return d.text
		}
	case typemap.Numeric:
		// A float-looking numeric is bare; an integral one is quoted and labeled.
		if d.text[0] >= '0' && d.text[0] <= '9' && strings.Contains(d.text, ".") {
			return d.text
		}
	case typemap.Bool:
		return d.text
	}
	return "'" + strings.ReplaceAll(d.text, "'", "''") + "'::" + name
}

// dsimple is ruleutils' isSimpleNode for pretty printing: whether node needs no parentheses
// as an argument of parent.
func dsimple(node, parent *dnode) bool {
	switch node.kind {
	case dConst, dVar, dKeyword, dFunc, dArray, dCoerce, dTypedCast:
		return true
	case dOp:
		if parent.kind == dOp {
			pri := func(op string) int {
				switch op {
				case "+", "-":
					return 1
				case "*", "/", "%":
					return 2
				}
				return 0
			}
			p, pp := pri(node.text), pri(parent.text)
			switch {
			case p == 0 || pp == 0:
				return false
			case p > pp:
				return true
			case p < pp:
				return false
			}
			return node == parent.args[0]
		}
		return parent.kind == dAnd || parent.kind == dOr || parent.kind == dNot
	case dNullTest, dArrayOp:
		return parent.kind == dAnd || parent.kind == dOr || parent.kind == dNot
	case dNot, dAnd:
		return parent.kind == dAnd || parent.kind == dOr
	case dOr:
		return parent.kind == dOr
	}
	return false
}

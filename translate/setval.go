package translate

import (
	"math"
	"strconv"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"
	"google.golang.org/protobuf/proto"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pgtidb/pgtidb/typemap"
)

// setval(seq, n [, is_called]) sets the sequence so that the next nextval gives n + INCREMENT
// (n when is_called is false), and makes n the session's currval when is_called. TiDB's own
// SETVAL cannot: it ignores values below the current one. ALTER SEQUENCE … RESTART WITH n can
// (the next NEXTVAL gives n; LASTVAL is kept), and a NEXTVAL after it consumes n and makes it
// the session's LASTVAL — PostgreSQL's is_called state. RESTART is DDL on TiDB, so setval is
// supported as the only result column of a SELECT (`SELECT setval('s', max(id)) FROM t`),
// which runs as a DDL plan (outside transactions: PostgreSQL's setval is not rolled back
// either, but in a transaction block TiDB commits the block's earlier work first):
//
//	collect  SELECT n, is_called, START, INCREMENT, MIN_VALUE, MAX_VALUE, IF(…, n) FROM …   checks
//	exec     ALTER SEQUENCE s RESTART WITH n
//	exec     DO NEXTVAL(s)                                                   (is_called)
//	return-collected n
//
// The check raises PostgreSQL's errors (42P01, 22003 out of bounds) and refuses (0A000) what
// TiDB cannot do: more than one row, a value at the int64 extremes (outside TiDB's range), and
// a value off the sequence's START + k·INCREMENT grid, where TiDB's RESTART WITH rounds.
// A NULL argument makes setval NULL without effect, as PostgreSQL's strict function.

func init() {
	functions["setval"] = func(*translator, *pg_query.FuncCall, *scope) (ast.ExprNode, typemap.Type, error) {
		return nil, typemap.Type{}, pgerror.Unsupported("setval() other than as the only result column of a SELECT").
			WithHint("Run SELECT setval(...) [FROM ...] on its own.")
	}
}

// setvalCall returns the setval call when n is `SELECT setval(…) [FROM …]`, else nil.
func setvalCall(n *pg_query.SelectStmt) *pg_query.FuncCall {
	if len(n.GetTargetList()) != 1 || len(n.GetValuesLists()) > 0 || n.GetIntoClause() != nil ||
		(n.GetOp() != pg_query.SetOperation_SETOP_NONE && n.GetOp() != pg_query.SetOperation_SET_OPERATION_UNDEFINED) {
		return nil
	}
	fc := n.GetTargetList()[0].GetResTarget().GetVal().GetFuncCall()
	if fc == nil || fc.GetOver() != nil {
		return nil
	}
	if name, err := funcName(fc); err != nil || name != "setval" {
		return nil
	}
	return fc
}

// setvalStatement plans `SELECT setval(seq, n [, is_called]) [FROM …]`.
func (t *translator) setvalStatement(n *pg_query.SelectStmt, fc *pg_query.FuncCall) (*Statement, error) {
	args := fc.GetArgs()
	if len(args) != 2 && len(args) != 3 {
		return nil, t.undefinedFunction("setval", args, nil)
	}
	seq, err := t.sequenceName("setval", args[0], nil)
	if err != nil {
		return nil, err
	}
	called := &pg_query.Node{Node: &pg_query.Node_AConst{AConst: &pg_query.A_Const{
		Val: &pg_query.A_Const_Boolval{Boolval: &pg_query.Boolean{Boolval: true}}}}}
	if len(args) == 3 {
		called = args[2]
	}
	// A string constant is read as the parameter's type, as PostgreSQL resolves unknown.
	nArg := asTypeIfUnknown(args[1], "int8")
	called = asTypeIfUnknown(called, "bool")
	mod := proto.Clone(n).(*pg_query.SelectStmt)
	mod.TargetList = []*pg_query.Node{
		{Node: &pg_query.Node_ResTarget{ResTarget: &pg_query.ResTarget{Name: "n", Val: nArg}}},
		{Node: &pg_query.Node_ResTarget{ResTarget: &pg_query.ResTarget{Name: "is_called", Val: called}}},
	}
	q, err := t.query(mod, nil)
	if err != nil {
		return nil, err
	}
	sel, ok := q.node.(*ast.SelectStmt)
	if !ok {
		return nil, pgerror.Unsupported("this setval() query")
	}
	nType, cType := q.cols[0].typ, q.cols[1].typ
	switch {
	case (nType.OID == typemap.Int2 || nType.OID == typemap.Int4 || nType.OID == typemap.Int8 || isUnknown(nType)) &&
		(cType.OID == typemap.Bool || isUnknown(cType)):
	default:
		names := []string{"unknown", sqlTypeName(nType)}
		if len(args) == 3 {
			names = append(names, sqlTypeName(cType))
		}
		return nil, pgerror.Newf(pgerrcode.UndefinedFunction, "function setval(%s) does not exist", strings.Join(names, ", ")).
			WithHint("No function matches the given name and argument types. You might need to add explicit type casts.")
	}
	for i := range mod.TargetList {
		if idx, ok := isParam(q.cols[i].expr); ok {
			t.setParamType(idx, []typemap.Type{typemap.Of(typemap.Int8), typemap.Of(typemap.Bool)}[i])
		}
	}
	nExpr := sel.Fields.Fields[0].Expr
	for _, c := range []string{"START", "INCREMENT", "MIN_VALUE", "MAX_VALUE"} {
		sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: sequenceInfo(seq, c)})
	}
	// The result: n, or NULL when is_called is NULL (setval is strict).
	cExpr := sel.Fields.Fields[1].Expr
	sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: funcCall("IF",
		&ast.IsNullExpr{Expr: cExpr}, ast.NewValueExpr(nil, "", ""), nExpr)})

	b := &planBuilder{t: t}
	if err := b.step(returning.Collect, 6, nil, func([]returning.Row) (ast.StmtNode, error) { return sel, nil }); err != nil {
		return nil, err
	}
	b.plan.Steps[0].Check = func(rows []returning.Row) error { return checkSetval(rows, seq) }
	sample := []returning.Row{{[]byte("5"), []byte("1")}}
	tn := &ast.TableName{Schema: cistr(seq.db), Name: cistr(seq.name)}
	if err := b.step(returning.Exec, 0, sample, func(keys []returning.Row) (ast.StmtNode, error) {
		v, _, ok := setvalTarget(keys)
		if !ok {
			return nil, nil
		}
		return &ast.AlterSequenceStmt{Name: tn, SeqOptions: []*ast.SequenceOption{{Tp: ast.SequenceRestartWith, IntValue: v}}}, nil
	}); err != nil {
		return nil, err
	}
	if err := b.step(returning.Exec, 0, sample, func(keys []returning.Row) (ast.StmtNode, error) {
		if _, isCalled, ok := setvalTarget(keys); !ok || !isCalled {
			return nil, nil
		}
		return &ast.DoStmt{Exprs: []ast.ExprNode{nextvalCall(seq.db, seq.name)}}, nil
	}); err != nil {
		return nil, err
	}
	b.plan.Steps = append(b.plan.Steps, returning.Step{Kind: returning.ReturnCollected})
	b.roots = append(b.roots, nil)
	name := n.GetTargetList()[0].GetResTarget().GetName()
	if name == "" {
		name = "setval"
	}
	return b.finish("SELECT", KindDDL, []Column{{Name: name, Type: typemap.Of(typemap.Int8)}})
}

// asTypeIfUnknown casts a string constant (type unknown) to the pg_catalog type typ.
func asTypeIfUnknown(arg *pg_query.Node, typ string) *pg_query.Node {
	if arg.GetAConst().GetSval() == nil {
		return arg
	}
	return &pg_query.Node{Node: &pg_query.Node_TypeCast{TypeCast: &pg_query.TypeCast{Arg: arg, TypeName: &pg_query.TypeName{
		Names: []*pg_query.Node{pg_query.MakeStrNode("pg_catalog"), pg_query.MakeStrNode(typ)}, Typemod: -1}}}}
}

// sequenceInfo is (SELECT col FROM information_schema.SEQUENCES WHERE … = seq).
func sequenceInfo(seq sequenceRef, col string) ast.ExprNode {
	colRef := func(name string) ast.ExprNode {
		return &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(name)}}
	}
	sel := newSelect()
	sel.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: colRef(col)}}}
	sel.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: &ast.TableName{
		Schema: cistr("information_schema"), Name: cistr("SEQUENCES")}}}}
	sel.Where = &ast.BinaryOperationExpr{Op: opcode.LogicAnd,
		L: &ast.BinaryOperationExpr{Op: opcode.EQ, L: colRef("SEQUENCE_SCHEMA"), R: strLit(seq.db)},
		R: &ast.BinaryOperationExpr{Op: opcode.EQ, L: colRef("SEQUENCE_NAME"), R: strLit(seq.name)}}
	return &ast.SubqueryExpr{Query: sel}
}

// setvalTarget reads the value and is_called of the collected row; ok is false when there is
// nothing to do (no row, or a NULL argument).
func setvalTarget(keys []returning.Row) (v int64, isCalled, ok bool) {
	if len(keys) != 1 || len(keys[0]) < 2 || keys[0][0] == nil || keys[0][1] == nil {
		return 0, false, false
	}
	v, err := strconv.ParseInt(string(keys[0][0]), 10, 64)
	if err != nil {
		return 0, false, false
	}
	return v, string(keys[0][1]) != "0", true
}

// checkSetval raises PostgreSQL's errors for the collected setval rows (see setval.go).
func checkSetval(rows []returning.Row, seq sequenceRef) error {
	if len(rows) > 1 {
		return pgerror.Unsupported("setval() on several rows").
			WithDetail("Each row's setval would be DDL on TiDB.")
	}
	for _, r := range rows {
		if r[0] == nil || r[1] == nil {
			continue
		}
		if r[2] == nil {
			return pgerror.Newf(pgerrcode.UndefinedTable, "relation %q does not exist", seq.name)
		}
		// n, START, INCREMENT, MIN_VALUE, MAX_VALUE
		var num [5]int64
		for i, col := range []int{0, 2, 3, 4, 5} {
			v, err := strconv.ParseInt(string(r[col]), 10, 64)
			if err != nil {
				return pgerror.Newf(pgerrcode.InvalidTextRepresentation, "invalid input syntax for type bigint: %q", r[col])
			}
			num[i] = v
		}
		v, start, inc, lo, hi := num[0], num[1], num[2], num[3], num[4]
		if hi == tidbSeqMax {
			hi = math.MaxInt64
		}
		if lo == tidbSeqMin {
			lo = math.MinInt64
		}
		if v < lo || v > hi {
			return pgerror.Newf(pgerrcode.NumericValueOutOfRange, "setval: value %d is out of bounds for sequence %q (%d..%d)",
				v, seq.name, lo, hi)
		}
		if v > tidbSeqMax || v < tidbSeqMin {
			return pgerror.Unsupported("setval() to the int64 extreme " + strconv.FormatInt(v, 10))
		}
		if (v-start)%inc != 0 {
			return pgerror.Unsupported("setval() to a value off the sequence's START + k*INCREMENT grid").
				WithDetail("TiDB's sequences only give START + k*INCREMENT values; " +
					strconv.FormatInt(v, 10) + " is not one of them.")
		}
	}
	return nil
}

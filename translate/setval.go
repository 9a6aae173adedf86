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
// (n when is_called is false), and makes n the session's currval when is_called. It is
// supported as the only result column of a SELECT (`SELECT setval('s', max(id)) FROM t`).
// Moving forward to a value on TiDB's START + k·INCREMENT grid is TiDB's SETVAL(s, n -
// INCREMENT), which is not DDL and, like PostgreSQL's setval, is not undone by ROLLBACK; when it
// does not move the sequence (it ignores values at or below the current one), SHOW TABLE …
// NEXT_ROW_ID tells whether the next value already is n; otherwise (backwards, or off the grid)
// the sequence restarts at n with ALTER SEQUENCE … START WITH n RESTART WITH n (seqstate.go:
// TiDB's grid then runs through n, PostgreSQL's START is recorded), DDL that runs on a TiDB
// connection of its own (a returning.Step Outside), so that an open transaction is neither
// committed nor ended: its writes commit or roll back later, and the setval stays either way,
// as PostgreSQL's. With is_called, a NEXTVAL then consumes n and makes it the session's LASTVAL
// — PostgreSQL's is_called state:
//
//	collect  does the session's transaction hold the sequence (TiDB's metadata lock)?
//	collect  SELECT SETVAL(s, n - INCREMENT)                            outside (on the grid)
//	collect  SHOW TABLE s NEXT_ROW_ID                                   outside (SETVAL was NULL)
//	collect  SELECT LASTVAL(s)                                          (is_called)
//	compute  forward, already there, or restart
//	exec     ALTER SEQUENCE s START WITH n RESTART WITH n               outside (restart)
//	exec     DO NEXTVAL(s)                                              (is_called)
//	exec     REPLACE INTO pgtidb_catalog.texts … is_called, START        outside (seqstate.go)
//	return   n
//
// TiDB's DDL waits for every transaction that called a function of the sequence (a metadata
// lock): a restart in a transaction that already called nextval, currval, setval(…, true) or
// lastval of it, or drew keys from it for INSERT … RETURNING, is refused with 25001
// (setvalSteps). The plan is KindQuery: it writes nothing a transaction would undo, so it runs
// anywhere in a transaction block and does not count as a write there.
// The check raises PostgreSQL's errors (42P01, 22003 out of bounds) and refuses (0A000) what
// TiDB cannot do: more than one row, a value at the int64 extremes (outside TiDB's range), and
// with a CYCLE sequence whose INCREMENT is not ±1 a value off its MINVALUE + k·INCREMENT grid
// (MAXVALUE descending): once such a sequence went round, TiDB keeps to that grid.
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
	sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: sequenceInfo(seq, "CYCLE")},
		&ast.SelectField{Expr: sequenceStartRead(seq)})

	b := &planBuilder{t: t}
	if err := b.step(returning.Collect, 6, nil, func([]returning.Row) (ast.StmtNode, error) { return sel, nil }); err != nil {
		return nil, err
	}
	b.plan.Steps[0].Check = func(rows []returning.Row) error { return checkSetval(rows, seq) }
	if err := b.setvalSteps(seq); err != nil {
		return nil, err
	}
	name := n.GetTargetList()[0].GetResTarget().GetName()
	if name == "" {
		name = "setval"
	}
	// A query for the session's transaction logic: the plan runs no DDL on the session's
	// connection (its ALTER SEQUENCE is Outside) and writes nothing a transaction undoes.
	out, err := b.finish("SELECT", KindQuery, []Column{{Name: name, Type: typemap.Of(typemap.Int8)}})
	if err != nil {
		return nil, err
	}
	out.ReadOnlyName = "setval()"
	out.SequenceResets = []SequenceRef{{DB: seq.db, Name: seq.name}}
	return out, nil
}

// setvalDecide is the index of the plan step deciding whether setval needs ALTER SEQUENCE.
const setvalDecide = 5

// setvalSteps appends the steps after setval's check (see setval.go): a forward move on TiDB's
// grid is TiDB's SETVAL, which is not DDL; a move backwards or off the grid is ALTER SEQUENCE
// … START WITH n RESTART WITH n, which runs on a connection of its own (Outside), so that the
// session's open transaction goes on.
// TiDB's metadata lock makes that DDL wait for every transaction that called a function of the
// sequence (NEXTVAL, SETVAL, LASTVAL, SHOW … NEXT_ROW_ID; not an INSERT drawing a default
// from it), so the steps that read or move the sequence run Outside too, and a move backwards
// in a transaction that already used the sequence is refused (25001) — it would wait for
// itself:
//
//	collect  used: the session's transaction holds the sequence (TIDB_TRX), in a transaction
//	collect  SELECT SETVAL(s, n - INCREMENT)     outside (n on the grid); NULL when the sequence is at or past it
//	collect  SHOW TABLE s NEXT_ROW_ID             outside (SETVAL was NULL, INCREMENT > 0)
//	collect  SELECT LASTVAL(s)                    (is_called, shown at n, and no DDL can follow)
//	compute  next value already n; already past n with LASTVAL n (is_called); or restart
//	exec     ALTER SEQUENCE s START WITH n RESTART WITH n    outside (restart)
//	exec     DO NEXTVAL(s)                        (is_called: n becomes the session's currval)
//	exec     REPLACE INTO pgtidb_catalog.texts …  outside: is_called, START (seqstate.go)
//	compute  the result row
func (b *planBuilder) setvalSteps(seq sequenceRef) error {
	tn := func() *ast.TableName { return &ast.TableName{Schema: cistr(seq.db), Name: cistr(seq.name)} }
	target := func(all [][]returning.Row) (v, inc int64, isCalled, ok bool) {
		if len(all) == 0 {
			return 0, 0, false, false
		}
		v, isCalled, ok = setvalTarget(all[0])
		if !ok || len(all[0][0]) < 4 {
			return 0, 0, false, false
		}
		inc, err := strconv.ParseInt(string(all[0][0][3]), 10, 64)
		if err != nil || inc == 0 {
			return 0, 0, false, false
		}
		return v, inc, isCalled, true
	}
	setvalSel := func(v int64) ast.StmtNode {
		sel := newSelect()
		sel.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: funcCall("SETVAL", &ast.TableNameExpr{Name: tn()},
			ast.NewValueExpr(v, "", ""))}}}
		return sel
	}
	show := func() ast.StmtNode { return &ast.ShowStmt{Tp: ast.ShowTableNextRowId, Table: tn()} }
	restart := func(v int64) ast.StmtNode { return sequenceRestart(tn(), v) }
	nextval := func() ast.StmtNode { return &ast.DoStmt{Exprs: []ast.ExprNode{nextvalCall(seq.db, seq.name)}} }
	explain := func(n ast.StmtNode) (string, error) { return b.t.restore(n) }
	plain := func(n ast.StmtNode) (string, []int, error) {
		sql, err := restorePlain(n)
		return sql, nil, err
	}
	var steps []returning.Step
	add := func(kind returning.StepKind, outside bool, sample ast.StmtNode, build func(all [][]returning.Row) ast.StmtNode) error {
		e, err := explain(sample)
		if err != nil {
			return err
		}
		b.roots = append(b.roots, nil)
		need := len(steps) + 1 // the collected rows of the check and of the steps before
		if kind == returning.Exec {
			need = setvalDecide + 1
		}
		steps = append(steps, returning.Step{Kind: kind, Outside: outside, Explain: e, BuildFrom: func(all [][]returning.Row) (string, []int, error) {
			if len(all) < need {
				return "", nil, pgerror.New(pgerrcode.InternalError, "setval: plan step out of order")
			}
			n := build(all)
			if n == nil {
				return "", nil, nil
			}
			return plain(n)
		}})
		return nil
	}
	// 1: does the session's transaction hold the sequence already (and is there one)?
	if err := add(returning.Collect, false, sequenceUsedInTxn(seq), func(all [][]returning.Row) ast.StmtNode {
		if _, _, _, ok := target(all); !ok {
			return nil
		}
		return sequenceUsedInTxn(seq)
	}); err != nil {
		return err
	}
	// 2: SETVAL(s, n - INCREMENT): the next NEXTVAL gives n.
	if err := add(returning.Collect, true, setvalSel(4), func(all [][]returning.Row) ast.StmtNode {
		v, inc, _, ok := target(all)
		if !ok || (inc > 0 && v < math.MinInt64+inc) || (inc < 0 && v > math.MaxInt64+inc) || !setvalOnGrid(all[0][0]) {
			return nil
		}
		return setvalSel(v - inc)
	}); err != nil {
		return err
	}
	// 3: SETVAL did not move it: is the next value already n? (TiDB shows it for INCREMENT > 0.)
	if err := add(returning.Collect, true, show(), func(all [][]returning.Row) ast.StmtNode {
		_, inc, _, ok := target(all)
		if !ok || inc < 0 || setvalMoved(all[2]) || !setvalOnGrid(all[0][0]) {
			return nil
		}
		return show()
	}); err != nil {
		return err
	}
	// 4: the next value is n + INCREMENT: with is_called the sequence may be just where setval
	// puts it, if this session's LASTVAL is n (its own nextval handed n out). LASTVAL holds the
	// sequence for the transaction, so only where no ALTER SEQUENCE can follow (autocommit, or
	// the transaction holds it already).
	lastval := func() ast.StmtNode {
		sel := newSelect()
		sel.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: funcCall("LASTVAL", &ast.TableNameExpr{Name: tn()})}}}
		return sel
	}
	if err := add(returning.Collect, false, lastval(), func(all [][]returning.Row) ast.StmtNode {
		v, inc, isCalled, ok := target(all)
		if !ok || !isCalled {
			return nil
		}
		if next, ok := setvalShownNext(all[3]); !ok || next != v+inc {
			return nil
		}
		if used, inTxn := setvalUsed(all[1]); inTxn && !used {
			return nil
		}
		return lastval()
	}); err != nil {
		return err
	}
	// 5: decide.
	b.roots = append(b.roots, nil)
	steps = append(steps, returning.Step{Kind: returning.Compute, Compute: func(all [][]returning.Row) ([]returning.Row, error) {
		return setvalDecision(all, seq)
	}})
	// 6: restart: ALTER SEQUENCE … START WITH n RESTART WITH n, on a connection of its own:
	// TiDB's DDL would commit the session's open transaction.
	if err := add(returning.Exec, true, restart(5), func(all [][]returning.Row) ast.StmtNode {
		v, _, _, ok := target(all)
		if !ok || string(all[setvalDecide][0][0]) != "restart" {
			return nil
		}
		return restart(v)
	}); err != nil {
		return err
	}
	// 7: is_called: NEXTVAL gives n and makes it the session's currval.
	if err := add(returning.Exec, false, nextval(), func(all [][]returning.Row) ast.StmtNode {
		if _, _, isCalled, ok := target(all); !ok || !isCalled || string(all[setvalDecide][0][0]) == "done" {
			return nil
		}
		return nextval()
	}); err != nil {
		return err
	}
	// 8: PostgreSQL's is_called and START, recorded outside the transaction (seqstate.go).
	if err := add(returning.Exec, true, sequenceStateWrite(seq, "5", "1"), func(all [][]returning.Row) ast.StmtNode {
		v, _, isCalled, ok := target(all)
		if !ok {
			return nil
		}
		start := ""
		if len(all[0][0]) > 8 && all[0][0][8] != nil {
			start = string(all[0][0][8])
		}
		if isCalled {
			return sequenceStateWrite(seq, sequenceStateCalled, start)
		}
		return sequenceStateWrite(seq, strconv.FormatInt(v, 10), start)
	}); err != nil {
		return err
	}
	// 9: the result row: n, or NULL (a NULL argument).
	b.roots = append(b.roots, nil, nil)
	steps = append(steps, returning.Step{Kind: returning.Compute, Compute: func(all [][]returning.Row) ([]returning.Row, error) {
		if len(all) == 0 || len(all[0]) != 1 || len(all[0][0]) < 7 {
			return nil, nil
		}
		return []returning.Row{{all[0][0][6]}}, nil
	}}, returning.Step{Kind: returning.ReturnCollected})
	b.plan.Steps = append(b.plan.Steps, steps...)
	return nil
}

// sequenceUsedInTxn is
//
//	SELECT FIND_IN_SET((SELECT TIDB_TABLE_ID FROM information_schema.TABLES WHERE … = seq),
//	    (SELECT RELATED_TABLE_IDS FROM information_schema.TIDB_TRX WHERE SESSION_ID = CONNECTION_ID())),
//	  (SELECT COUNT(*) FROM information_schema.TIDB_TRX WHERE SESSION_ID = CONNECTION_ID())
//
// whether the session's open transaction holds TiDB's metadata lock on the sequence (non-zero,
// NULL when there is no transaction), and whether there is one.
func sequenceUsedInTxn(seq sequenceRef) ast.StmtNode {
	col := func(name string) ast.ExprNode { return &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(name)}} }
	from := func(table string, where ast.ExprNode, field ast.ExprNode) ast.ExprNode {
		sel := newSelect()
		sel.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: field}}}
		sel.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: &ast.TableName{
			Schema: cistr("information_schema"), Name: cistr(table)}}}}
		sel.Where = where
		return &ast.SubqueryExpr{Query: sel}
	}
	own := func() ast.ExprNode {
		return &ast.BinaryOperationExpr{Op: opcode.EQ, L: col("SESSION_ID"), R: funcCall("CONNECTION_ID")}
	}
	tableID := from("TABLES", &ast.BinaryOperationExpr{Op: opcode.LogicAnd,
		L: &ast.BinaryOperationExpr{Op: opcode.EQ, L: col("TABLE_SCHEMA"), R: strLit(seq.db)},
		R: &ast.BinaryOperationExpr{Op: opcode.EQ, L: col("TABLE_NAME"), R: strLit(seq.name)}}, col("TIDB_TABLE_ID"))
	related := from("TIDB_TRX", own(), col("RELATED_TABLE_IDS"))
	count := from("TIDB_TRX", own(), &ast.AggregateFuncExpr{F: ast.AggFuncCount, Args: []ast.ExprNode{ast.NewValueExpr(1, "", "")}})
	sel := newSelect()
	sel.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: funcCall("FIND_IN_SET", tableID, related)}, {Expr: count}}}
	return sel
}

// setvalUsed reads sequenceUsedInTxn's row: used, the transaction holds the sequence; inTxn,
// there is a transaction (when unknown: both, the careful answer).
func setvalUsed(rows []returning.Row) (used, inTxn bool) {
	if len(rows) != 1 || len(rows[0]) != 2 {
		return true, true
	}
	n := string(rows[0][1])
	if n == "0" {
		return false, false
	}
	return rows[0][0] != nil && string(rows[0][0]) != "0", true
}

// setvalShownNext is the sequence's next value SHOW TABLE … NEXT_ROW_ID shows (INCREMENT 1;
// for larger increments the value after TiDB's base, which next value tests compare with).
func setvalShownNext(rows []returning.Row) (int64, bool) {
	for _, r := range rows {
		if len(r) >= 5 && string(r[4]) == "SEQUENCE" {
			next, err := strconv.ParseUint(string(r[3]), 10, 64)
			if err != nil || next > math.MaxInt64 {
				return 0, false
			}
			return int64(next), true
		}
	}
	return 0, false
}

// setvalMoved reports whether the SETVAL step moved the sequence (returned its value).
func setvalMoved(rows []returning.Row) bool {
	return len(rows) == 1 && len(rows[0]) == 1 && rows[0][0] != nil
}

// setvalDecision is setval's compute step: [["none"]] when SETVAL moved the sequence or its next
// value is already n, [["done"]] when with is_called n was the last value handed out and is
// the session's LASTVAL, [["restart"]] when it must move backwards — refused (25001) when
// the session's transaction holds the sequence, as TiDB's DDL would wait for that transaction.
func setvalDecision(all [][]returning.Row, seq sequenceRef) ([]returning.Row, error) {
	none := []returning.Row{{[]byte("none")}}
	if len(all) < setvalDecide {
		return nil, pgerror.New(pgerrcode.InternalError, "setval: plan step out of order")
	}
	v, isCalled, ok := setvalTarget(all[0])
	if !ok {
		return none, nil
	}
	if setvalMoved(all[2]) {
		return none, nil
	}
	inc, err := strconv.ParseInt(string(all[0][0][3]), 10, 64)
	if err != nil {
		return nil, pgerror.New(pgerrcode.InternalError, "setval: sequence increment unreadable")
	}
	// Either way the next value must be n (with is_called a NEXTVAL consumes it afterwards).
	if next, ok := setvalShownNext(all[3]); ok && inc > 0 {
		if next == v {
			return none, nil
		}
		if isCalled && next == v+inc && len(all[4]) == 1 && len(all[4][0]) == 1 &&
			string(all[4][0][0]) == strconv.FormatInt(v, 10) {
			return []returning.Row{{[]byte("done")}}, nil
		}
	}
	if used, inTxn := setvalUsed(all[1]); used && inTxn {
		return nil, pgerror.New(pgerrcode.ActiveSQLTransaction,
			"pgtidb cannot move a sequence backwards or off its TiDB grid in a transaction that already used it").
			WithDetail("setval(" + strconv.Quote(seq.name) + ", " + strconv.FormatInt(v, 10) +
				") is ALTER SEQUENCE … RESTART on TiDB, which waits for the transactions that called nextval, currval, setval or lastval of the sequence, this one too.").
			WithHint("Run the setval before using the sequence in the transaction, or in its own transaction.")
	}
	return []returning.Row{{[]byte("restart")}}, nil
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
		// n, INCREMENT, MIN_VALUE, MAX_VALUE
		num, bad, ok := rowInts(r, 0, 3, 4, 5)
		if !ok {
			return pgerror.Newf(pgerrcode.InvalidTextRepresentation, "invalid input syntax for type bigint: %q", bad)
		}
		v, inc := num[0], num[1]
		lo, hi := pgSeqBounds(num[2], num[3])
		if v < lo || v > hi {
			return pgerror.Newf(pgerrcode.NumericValueOutOfRange, "setval: value %d is out of bounds for sequence %q (%d..%d)",
				v, seq.name, lo, hi)
		}
		if v > tidbSeqMax || v < tidbSeqMin {
			return pgerror.Unsupported("setval() to the int64 extreme " + strconv.FormatInt(v, 10))
		}
		if len(r) > 7 && string(r[7]) == "1" && cycleGridDiffers(v, inc, lo, hi) {
			return pgerror.Unsupported("setval() of a CYCLE sequence to a value off its MINVALUE + k*INCREMENT grid (MAXVALUE when descending)").
				WithDetail("Once the sequence went round, TiDB hands out values on that grid only.")
		}
	}
	return nil
}

// setvalOnGrid reports whether TiDB's SETVAL can move the sequence of the collected row (n,
// is_called, START, INCREMENT, MIN_VALUE, MAX_VALUE, result, CYCLE as TiDB keeps them) to n:
// n lies on TiDB's START + k·INCREMENT grid at or after START, and the grid is the one a CYCLE
// sequence keeps to after going round. Otherwise setval restarts the sequence at n.
func setvalOnGrid(r returning.Row) bool {
	if len(r) < 8 {
		return false
	}
	num, _, ok := rowInts(r, 0, 2, 3, 4, 5)
	if !ok {
		return false
	}
	v, start, inc, lo, hi := num[0], num[1], num[2], num[3], num[4]
	switch {
	case inc == 0, (v-start)%inc != 0, inc > 1 && v < start, inc < -1 && v > start:
		return false
	case string(r[7]) == "1" && cycleGridDiffers(start, inc, lo, hi):
		return false
	}
	return true
}

// sequenceRestart is TiDB's ALTER SEQUENCE s START WITH v RESTART WITH v: the next value is v,
// and TiDB's grid runs through it as PostgreSQL's values do after a restart (seqstate.go).
func sequenceRestart(tn *ast.TableName, v int64, opts ...*ast.SequenceOption) *ast.AlterSequenceStmt {
	opts = append(opts, &ast.SequenceOption{Tp: ast.SequenceStartWith, IntValue: v},
		&ast.SequenceOption{Tp: ast.SequenceRestartWith, IntValue: v})
	return &ast.AlterSequenceStmt{Name: tn, SeqOptions: opts}
}

package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pgtidb/pgtidb/typemap"
)

// currval('s') is TiDB's LASTVAL(s): the value nextval last returned for s in this session,
// kept per session and outside transactions — PostgreSQL's currval — except that TiDB answers
// NULL where PostgreSQL raises 55000 because the session has not called nextval on s yet. So
// a statement calling currval runs as a plan whose first step checks first:
//
//	collect SELECT LASTVAL(s1), LASTVAL(s2)…   55000 for the first NULL
//	return|exec <the statement>
//
// The check reads TiDB's own session state, so it holds for every way nextval was called
// (nextval(), a SERIAL default, another pgtidb plan) and the translation stays cacheable. It
// costs one round trip. A statement that calls nextval and currval on the same sequence is
// refused: its currval may be evaluated after the nextval, which the check cannot see.
//
// currval of a CACHE n > 1 sequence is the value the session last drew from its block, which
// the proxy binds (seqcache.go).

func init() {
	functions["currval"] = (*translator).currval
}

// sequenceRef is a sequence a statement calls a function on: its TiDB database and name.
type sequenceRef struct{ db, name string }

// sequenceArg reads the regclass text argument of nextval/currval (see nextval).
func (t *translator) sequenceArg(fn string, fc *pg_query.FuncCall, sc *scope) (sequenceRef, error) {
	args := fc.GetArgs()
	if len(args) != 1 {
		return sequenceRef{}, t.undefinedFunction(fn, args, sc)
	}
	return t.sequenceName(fn, args[0], sc)
}

// sequenceName reads a regclass text argument naming a sequence (see nextval).
func (t *translator) sequenceName(fn string, arg *pg_query.Node, sc *scope) (sequenceRef, error) {
	arg = regclassConstant(arg)
	e, ty, err := t.expr(arg, sc)
	if err != nil {
		return sequenceRef{}, err
	}
	text, ok := literalString(e)
	if !ok || !(isUnknown(ty) || isString(ty)) {
		return sequenceRef{}, pgerror.Unsupported(fn + "() of a computed sequence name").
			WithHint("Name the sequence with a string constant: " + fn + "('name').")
	}
	names, err := parseQualifiedName(text)
	if err != nil {
		return sequenceRef{}, err
	}
	rv, err := rangeVarOf(names)
	if err != nil {
		return sequenceRef{}, err
	}
	_, db, err := t.creationNamespace(rv)
	if err != nil {
		return sequenceRef{}, err
	}
	return sequenceRef{db: db, name: rv.GetRelname()}, nil
}

// regclassConstant unwraps 'name'::regclass, the form pg_dump prints nextval's argument in
// (nextval('public.t_id_seq'::regclass)): the cast of a string constant names the same
// relation as the text itself, which nextval reads as regclass input anyway.
func regclassConstant(arg *pg_query.Node) *pg_query.Node {
	tc := arg.GetTypeCast()
	if tc == nil || tc.GetArg().GetAConst().GetSval() == nil {
		return arg
	}
	if name, err := typeNameString(tc.GetTypeName()); err != nil || name != "regclass" || len(tc.GetTypeName().GetArrayBounds()) > 0 {
		return arg
	}
	return tc.GetArg()
}

// currval translates currval('name') into LASTVAL(seq) and records seq for the guard.
func (t *translator) currval(fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	seq, err := t.sequenceArg("currval", fc, sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	cache, err := t.sequenceCache(seq)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if cache > 1 {
		// The session's last value drawn (seqcache.go).
		return t.sessionValue(SessionValue{Seq: SequenceRef{DB: seq.db, Name: seq.name}}), typemap.Of(typemap.Int8), nil
	}
	t.currvals = append(t.currvals, seq)
	return funcCall("LASTVAL", &ast.TableNameExpr{Name: &ast.TableName{Schema: cistr(seq.db), Name: cistr(seq.name)}}),
		typemap.Of(typemap.Int8), nil
}

// guardCurrval puts the currval check before the translated statement stmt.
func (t *translator) guardCurrval(stmt *Statement) (*Statement, error) {
	var seqs []sequenceRef
	seen := map[sequenceRef]bool{}
	for _, s := range t.currvals {
		if t.callsNextval(s) {
			return nil, errCurrvalWithNextval(s)
		}
		if !seen[s] {
			seen[s] = true
			seqs = append(seqs, s)
		}
	}
	sel := newSelect()
	sel.Fields = &ast.FieldList{}
	for _, s := range seqs {
		sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{
			Expr: funcCall("LASTVAL", &ast.TableNameExpr{Name: &ast.TableName{Schema: cistr(s.db), Name: cistr(s.name)}})})
	}
	sql, err := restorePlain(sel)
	if err != nil {
		return nil, err
	}
	guard := returning.Step{Kind: returning.Collect, Explain: sql,
		Build: func([]returning.Row) (string, error) { return sql, nil },
		Check: func(rows []returning.Row) error {
			for i, v := range rows[0] {
				if v == nil {
					return pgerror.Newf(pgerrcode.ObjectNotInPrerequisiteState,
						"currval of sequence %q is not yet defined in this session", seqs[i].name)
				}
			}
			return nil
		}}
	return prependSteps(stmt, guard), nil
}

// callsNextval reports whether the statement calls nextval() of seq.
func (t *translator) callsNextval(seq sequenceRef) bool {
	for _, n := range t.nextvals {
		if n == seq {
			return true
		}
	}
	return false
}

// errCurrvalWithNextval refuses currval() and nextval() of seq in one statement: the currval
// may be evaluated after the nextval, which neither the check nor the bound value can see.
func errCurrvalWithNextval(seq sequenceRef) error {
	return pgerror.Unsupported("currval() and nextval() of sequence \"" + seq.name + "\" in one statement")
}

// prependSteps puts steps before stmt: before its plan's steps, or before its one statement,
// which becomes the plan's last step (Return for a query, Exec otherwise).
func prependSteps(stmt *Statement, steps ...returning.Step) *Statement {
	planOf(stmt)
	stmt.Plan.Steps = append(steps, stmt.Plan.Steps...)
	stmt.SQL = steps[0].Explain
	return stmt
}

// planOf makes stmt's one statement a plan of one step (Return for a query, Exec otherwise)
// when it is none yet.
func planOf(stmt *Statement) {
	if stmt.Plan != nil {
		return
	}
	main := returning.Step{Kind: returning.Exec, Explain: stmt.SQL, ParamOrder: stmt.ParamOrder}
	if stmt.Columns != nil {
		main.Kind = returning.Return
	}
	text := stmt.SQL
	main.Build = func([]returning.Row) (string, error) { return text, nil }
	stmt.Plan = &returning.Plan{Steps: []returning.Step{main}, CountExec: stmt.Columns == nil}
	// The proxy binds the parameters in PostgreSQL order; each step maps its own markers.
	stmt.ParamOrder = make([]int, len(stmt.ParamTypes))
	for i := range stmt.ParamOrder {
		stmt.ParamOrder[i] = i
	}
}

package translate

import (
	"strconv"

	"github.com/jackc/pgerrcode"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pgtidb/pgtidb/typemap"
)

// A sequence read as a relation (`SELECT last_value, is_called FROM s`, which pg_dump sends for
// every sequence it dumps with data) is PostgreSQL's one row of its state: last_value and
// is_called as sequencePositions derives them from TiDB's base (SHOW TABLE … NEXT_ROW_ID, which
// no SELECT can read) and pgtidb's record of is_called (seqstate.go). The FROM item is a derived
// table of two session variables, set by the steps guardSequenceReads puts before the
// statement:
//
//	collect  SELECT START, INCREMENT, MIN_VALUE, MAX_VALUE, CYCLE …, is_called record   outside
//	collect  SHOW TABLE s NEXT_ROW_ID                                                  outside
//	compute  last_value, is_called    (0A000 when pgtidb does not know is_called)
//	exec     SET @pgtidb_seqN_last = …, @pgtidb_seqN_called = …
//	return   SELECT … FROM (SELECT @pgtidb_seqN_last AS last_value, @pgtidb_seqN_called AS is_called) AS s
//
// The reads run on a connection of their own: they take no metadata lock on the sequence in the
// session's transaction (which would keep a later setval from restarting it), and a sequence's
// state is not transactional anyway. log_cnt, PostgreSQL's count of values logged ahead, has no
// counterpart: reading it (SELECT * too) is refused (0A000).

// sequenceVar is the session variable holding column col ("last", "called") of the k-th
// sequence a statement reads.
func sequenceVar(k int, col string) string {
	return "pgtidb_seq" + strconv.Itoa(k) + "_" + col
}

// sequenceRelation is the FROM item of sequence tbl (TiDB name tn) read as a relation.
func (t *translator) sequenceRelation(tn *ast.TableName, tbl *catalog.Table, alias string, sc *scope) (*fromItem, error) {
	k := len(t.sequenceReads)
	t.sequenceReads = append(t.sequenceReads, sequenceRef{db: tn.Schema.O, name: tn.Name.O})
	derived := newSelect()
	derived.Fields = &ast.FieldList{Fields: []*ast.SelectField{
		{Expr: &ast.VariableExpr{Name: sequenceVar(k, "last")}, AsName: cistr("last_value")},
		{Expr: &ast.VariableExpr{Name: sequenceVar(k, "called")}, AsName: cistr("is_called")},
	}}
	name := alias
	if name == "" {
		name = tbl.Name
	}
	r := &rel{name: name, cols: []relColumn{
		{name: "last_value", typ: typemap.Of(typemap.Int8), notNull: true},
		{name: "log_cnt", typ: typemap.Of(typemap.Int8), notNull: true,
			refused: "log_cnt of a sequence (PostgreSQL's count of values logged ahead; TiDB has none)"},
		{name: "is_called", typ: typemap.Of(typemap.Bool), notNull: true},
	}}
	if err := addRel(sc, r); err != nil {
		return nil, err
	}
	return relItem(r, &ast.TableSource{Source: derived, AsName: cistr(name)}), nil
}

// guardSequenceReads puts the steps that read the state of the sequences stmt reads as
// relations before it (see sequence_read.go).
func (t *translator) guardSequenceReads(stmt *Statement) (*Statement, error) {
	if stmt.Plan != nil || stmt.Kind == KindDDL {
		// A plan's steps read their own keys; a view (or CREATE TABLE AS) would keep the
		// session variables, which TiDB refuses there.
		return nil, pgerror.Unsupported("reading a sequence as a relation in this statement").
			WithHint("Read it in a SELECT of its own.")
	}
	var steps []returning.Step
	add := func(step returning.Step, n ast.StmtNode) error {
		sql, err := restorePlain(n)
		if err != nil {
			return err
		}
		step.Explain = sql
		if step.Build == nil {
			step.Build = func([]returning.Row) (string, error) { return sql, nil }
		}
		steps = append(steps, step)
		return nil
	}
	for k, seq := range t.sequenceReads {
		if err := add(returning.Step{Kind: returning.Collect, Outside: true}, sequenceDefinition(seq)); err != nil {
			return nil, err
		}
		show := &ast.ShowStmt{Tp: ast.ShowTableNextRowId, Table: &ast.TableName{Schema: cistr(seq.db), Name: cistr(seq.name)}}
		if err := add(returning.Step{Kind: returning.Collect, Outside: true}, show); err != nil {
			return nil, err
		}
		first := 3 * k // the info step's rows among the collected ones (info, show, compute per sequence)
		name := seq.name
		steps = append(steps, returning.Step{Kind: returning.Compute, Compute: func(all [][]returning.Row) ([]returning.Row, error) {
			if len(all) < first+2 {
				return nil, pgerror.New(pgerrcode.InternalError, "sequence read: plan step out of order")
			}
			pos, _, ok := sequencePositions(all[first], all[first+1])
			if !ok || len(pos) != 1 {
				return nil, pgerror.Unsupported("reading sequence \"" + name + "\" as a relation here").
					WithDetail("pgtidb does not know whether TiDB's value of it was handed out (PostgreSQL's is_called): TiDB does not keep that.").
					WithHint("Call setval() on it first.")
			}
			called := "0"
			if pos[0].called {
				called = "1"
			}
			return []returning.Row{{[]byte(strconv.FormatInt(pos[0].last, 10)), []byte(called)}}, nil
		}})
		set := func(last int64, called bool) *ast.SetStmt {
			return &ast.SetStmt{Variables: []*ast.VariableAssignment{
				{Name: sequenceVar(k, "last"), Value: ast.NewValueExpr(last, "", "")},
				{Name: sequenceVar(k, "called"), Value: ast.NewValueExpr(called, "", "")}}}
		}
		if err := add(returning.Step{Kind: returning.Exec, Build: func(keys []returning.Row) (string, error) {
			if len(keys) != 1 || len(keys[0]) != 2 {
				return "", nil // nothing computed: no state to set
			}
			last, err := strconv.ParseInt(string(keys[0][0]), 10, 64)
			if err != nil {
				return "", pgerror.New(pgerrcode.InternalError, "sequence read: unreadable position")
			}
			return restorePlain(set(last, string(keys[0][1]) == "1"))
		}}, set(1, true)); err != nil {
			return nil, err
		}
	}
	return prependSteps(stmt, steps...), nil
}

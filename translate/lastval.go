package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// lastval() is the value nextval most recently returned in the session, whatever the
// sequence. TiDB keeps the last value per sequence and session (LASTVAL(s)) but not which
// sequence was last, so the proxy keeps that: every Statement lists in Nextvals the sequences
// it calls nextval on — explicit nextval() calls, then the SERIAL/identity defaults an INSERT
// draws from — and after a statement ran (or failed on TiDB: PostgreSQL's nextval is not
// undone by the statement's failure) the session remembers the last of them. A statement
// calling lastval() runs as a plan with one extra parameter after the client's: the proxy
// binds it to LASTVAL of the remembered sequence, read with LastvalQuery just before the
// statement (55000 when the session has none, when TiDB answers NULL, or when the sequence is
// gone — PostgreSQL says "not yet defined" then too). When the session drew that sequence's
// last value from a CACHE n > 1 block, the proxy binds that value instead (seqcache.go).
//
// A statement calling lastval() and nextval (explicitly or through an INSERT default) is
// refused: its lastval may see a value the same statement produced, which the bound
// parameter cannot.

func init() {
	functions["lastval"] = (*translator).lastval
}

// SequenceRef names a sequence on TiDB: its database and name.
type SequenceRef struct{ DB, Name string }

// lastvalIndex is the placeholder parameter index of lastval's marker until the statement's
// parameter count is known (guardSessionMarkers rewrites it).
const lastvalIndex = -2

// lastval translates lastval() into the marker the proxy binds.
func (t *translator) lastval(fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if len(fc.GetArgs()) != 0 {
		return nil, typemap.Type{}, t.undefinedFunction("lastval", fc.GetArgs(), sc)
	}
	return &sessionMarker{ParamMarkerExpr: ast.NewParamMarkerExpr(0), t: t, index: lastvalIndex}, typemap.Of(typemap.Int8), nil
}

// LastvalQuery is the TiDB query the proxy runs for lastval(): SELECT LASTVAL(seq).
func LastvalQuery(seq SequenceRef) (string, error) {
	sel := newSelect()
	sel.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: funcCall("LASTVAL",
		&ast.TableNameExpr{Name: &ast.TableName{Schema: cistr(seq.DB), Name: cistr(seq.Name)}})}}}
	return restorePlain(sel)
}

// ErrLastvalUndefined is PostgreSQL's error for lastval() before any nextval.
func ErrLastvalUndefined() error {
	return pgerror.New(pgerrcode.ObjectNotInPrerequisiteState, "lastval is not yet defined in this session")
}

// callsLastval reports whether a lastval marker is among stmt's parameter markers.
func callsLastval(stmt *Statement) bool {
	orders := [][]int{stmt.ParamOrder}
	if stmt.Plan != nil {
		for _, st := range stmt.Plan.Steps {
			orders = append(orders, st.ParamOrder)
		}
	}
	for _, order := range orders {
		for _, idx := range order {
			if idx == lastvalIndex {
				return true
			}
		}
	}
	return false
}

// insertNextvals lists the sequences an INSERT draws from through its SERIAL/identity
// defaults, in column order: columns left out of the target list, DEFAULT in a VALUES row (or
// a VALUES row too short to reach them), DEFAULT VALUES, OVERRIDING USER VALUE.
func (t *translator) insertNextvals(n *pg_query.InsertStmt) []SequenceRef {
	if t.ctx.Resolver == nil {
		return nil
	}
	rv := n.GetRelation()
	tbl, err := t.ctx.Resolver.LookupTable(rv.GetSchemaname(), rv.GetRelname())
	if err != nil || tbl == nil {
		return nil
	}
	db := tbl.Database
	if db == "" {
		return nil
	}
	position := map[string]int{}
	for i, c := range n.GetCols() {
		position[c.GetResTarget().GetName()] = i
	}
	explicit := len(n.GetCols()) > 0
	sel := n.GetSelectStmt().GetSelectStmt()
	var out []SequenceRef
	for i, c := range tbl.Columns {
		if !drawsFrom(&c) {
			continue
		}
		pos, listed := position[c.Name]
		if !explicit {
			pos, listed = i, true
		}
		defaulted := !listed || sel == nil ||
			(c.Identity != 0 && n.GetOverride() == pg_query.OverridingKind_OVERRIDING_USER_VALUE)
		if !defaulted && len(sel.GetValuesLists()) > 0 {
			for _, row := range sel.GetValuesLists() {
				items := row.GetList().GetItems()
				if pos >= len(items) || items[pos].GetSetToDefault() != nil {
					defaulted = true
					break
				}
			}
		}
		if defaulted {
			out = append(out, SequenceRef{DB: c.DefaultSequence.DB, Name: c.DefaultSequence.Name})
		}
	}
	return out
}

// recordNextvals fills stmt.Nextvals: the explicit nextval() calls, then an INSERT's defaults.
func (t *translator) recordNextvals(node *pg_query.Node, stmt *Statement) {
	for _, s := range t.nextvals {
		stmt.Nextvals = append(stmt.Nextvals, SequenceRef{DB: s.db, Name: s.name})
	}
	if ins := node.GetInsertStmt(); ins != nil {
		stmt.Nextvals = append(stmt.Nextvals, t.insertNextvals(ins)...)
	}
}

package translate

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"
	// test_driver provides ast.NewValueExpr / ast.NewParamMarkerExpr for the parser's AST.
	_ "github.com/pingcap/tidb/pkg/parser/test_driver"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// translator holds the state of one statement's translation: its Context and the parameters
// seen so far with their inferred types. It is used for one statement and then dropped.
type translator struct {
	ctx *Context
	// onHoisted numbers the subqueries moved out of ON conditions (join_subquery.go).
	onHoisted int
	// lateralItems numbers the functions in FROM translated by functionRows (from_function.go).
	lateralItems int
	// serialSeqOIDs maps a computed pg_get_serial_sequence to its sequence's oid, which is
	// what ::regclass of it gives (func_serial.go).
	serialSeqOIDs map[ast.ExprNode]ast.ExprNode
	// srfEmpty counts the set-returning functions translated that return no row
	// (func_psql.go); simpleSelect turns one in its select list into an empty result.
	srfEmpty int
	// paramTypes[i] is the type inferred for PostgreSQL parameter $i+1; OID 0 means not yet
	// known (finish turns it into text).
	paramTypes []typemap.Type
	// paramOrder is filled while restoring: the PG parameter index of each `?` in output order.
	paramOrder []int
	// currvals and nextvals are the sequences the statement calls currval() and nextval() on
	// (see currval.go).
	currvals, nextvals []sequenceRef
	// sessionValues are the values the proxy binds from the session's sequence state, the
	// markers of sessionMarkers (seqcache.go); drawHere allows the next nextval() translated
	// to be drawn as one.
	sessionValues  []SessionValue
	sessionMarkers []*sessionMarker
	drawHere       bool
	// drawTargets is set while the statement's own select list is translated when it has no
	// FROM, WHERE…; topSelect is the statement when it is a SELECT.
	drawTargets bool
	topSelect   *pg_query.SelectStmt
	// sequenceReads are the sequences the statement reads as relations (sequence_read.go).
	sequenceReads []sequenceRef
	// depth bounds recursion over pathological input.
	depth int
	// readsView is set when the statement reads a view (see warnings.go).
	readsView bool
	// uncacheable is set when the translation read session state beyond what the proxy's
	// cache key holds (current_setting, current_user).
	uncacheable bool
	// notNull holds expressions known never to be NULL (see markNotNull).
	notNull map[ast.ExprNode]bool
	// relation is the target table of an INSERT/UPDATE (Statement.Relation).
	relation string
	// arrays holds the elements of array expressions built from known elements (array.go).
	arrays map[ast.ExprNode]*arrayValue
	// arrayRemovals holds what array_remove results remove from which array (array_remove.go).
	arrayRemovals map[ast.ExprNode]*arrayRemoval
	// arraySubqueries holds the parts of ARRAY(subquery) results (array_sublink.go).
	arraySubqueries map[ast.ExprNode]*arraySubquery
	// regNames holds the names of constant reg* values, regTables the relations of constant
	// regclass values (func_catalog_reg.go).
	regNames  map[ast.ExprNode]string
	regTables map[ast.ExprNode]*relationRef
	// setConfigs are the statement's set_config calls (func_session.go).
	setConfigs []setConfigCall
	// locks is set when the statement has a locking clause (FOR UPDATE…; Statement.Locking).
	locks bool
	// onceItems are the catalog FROM items wrapped by catalog.EvaluatedOnce (catalog_rel.go).
	onceItems []*ast.TableSource
}

// newTranslator returns a translator for one statement of ctx.
func newTranslator(ctx *Context) *translator {
	t := &translator{ctx: ctx}
	for i, oid := range ctx.ParamTypes {
		if oid != 0 {
			t.setParamType(i, typemap.Of(oid))
		}
	}
	return t
}

// restore renders a TiDB AST node with RestoreFlags and records, in output order, which PG
// parameter every `?` stands for. Every statement must be rendered through restore (or
// statement) exactly once before finish.
func (t *translator) restore(n ast.Node) (string, error) {
	t.settleOnce(n) // catalog_rel.go
	t.paramOrder = t.paramOrder[:0]
	var sb strings.Builder
	if err := n.Restore(format.NewRestoreCtx(RestoreFlags, &sb)); err != nil {
		return "", pgerror.Newf("XX000", "cannot render translated statement: %v", err)
	}
	return sb.String(), nil
}

// finish fills stmt.ParamOrder (from the last restore) and stmt.ParamTypes; parameters whose
// type nothing determined are text, as PostgreSQL resolves unknown parameters.
func (t *translator) finish(stmt *Statement) {
	stmt.Uncacheable = stmt.Uncacheable || t.uncacheable
	stmt.Locking = stmt.Locking || t.locks
	stmt.Relation = t.relation
	stmt.ParamOrder = append([]int(nil), t.paramOrder...)
	stmt.ParamTypes = make([]typemap.Type, len(t.paramTypes))
	for i, ty := range t.paramTypes {
		if ty.OID == 0 || ty.OID == typemap.Unknown {
			ty = typemap.Of(typemap.Text)
		}
		stmt.ParamTypes[i] = ty
	}
}

// statement restores n and returns the finished Statement.
func (t *translator) statement(n ast.StmtNode, tag string, kind Kind, cols []Column) (*Statement, error) {
	sql, err := t.restore(n)
	if err != nil {
		return nil, err
	}
	stmt := &Statement{SQL: sql, Tag: tag, Kind: kind, Columns: cols}
	stmt.CheckWarnings = kind == KindQuery && (t.readsView || mayWarn(n))
	t.finish(stmt)
	return stmt, nil
}

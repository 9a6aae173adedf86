package translate

import (
	"math"
	"sort"
	"strconv"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
)

// A sequence with CACHE n > 1 (catalog.TextSequenceCache) hands each session blocks of n
// values, as PostgreSQL's backends cache them: the first nextval of a session takes the next n
// values from the sequence, the next n - 1 come from the session's block, another session's
// first nextval gets the value after the block, and setval / ALTER SEQUENCE / TRUNCATE …
// RESTART IDENTITY in the session drop its block (other sessions keep theirs). TiDB's own
// sequence cache is per TiDB node, so every pgtidb sequence is NOCACHE and the proxy keeps
// the blocks (proxy/seqcache.go): every value of such a sequence is one the proxy takes from
// its session's block and binds as a parameter — a SessionValue —, never TiDB's NEXTVAL.
//
// So a value must be drawn exactly once per evaluation, which the proxy can only do before the
// statement runs: nextval() of such a sequence is a drawn parameter as a whole item of a
// select list without FROM, WHERE, set-returning functions or set operations (SELECT
// nextval('s'), Hibernate's and most ORMs' form) and as a whole item of an INSERT's VALUES
// row; an INSERT's default drawing from it (the column left out, DEFAULT, DEFAULT VALUES) is a
// drawn parameter per VALUES row. Elsewhere — a query over rows, UPDATE … SET, INSERT …
// SELECT leaving such a column to its default, UPDATE … SET col = DEFAULT — it is refused
// (0A000): TiDB would evaluate it per row, drawing from the sequence itself. currval() of such
// a sequence is the session's last drawn value (55000 before one), and lastval() too when it
// was the last sequence the session drew from.

// SessionValue is a value the proxy binds from the session's sequence state: the next value
// of Seq's session block when Cache > 1 (Seq's CACHE), or Seq's currval when Cache is 0.
type SessionValue struct {
	Seq   SequenceRef
	Cache int64
}

// sessionValueIndex is the placeholder parameter index of the k-th session value's marker
// until the statement's parameter count is known (guardSessionMarkers rewrites it);
// sessionValueOf is k of such an index.
func sessionValueIndex(k int) int { return -100 - k }

func sessionValueOf(index int) int { return -100 - index }

// sessionMarker is the `?` the proxy binds to a session value (index sessionValueIndex(k)) or
// to lastval (lastvalIndex). It is no paramMarker: type inference must not take it for a
// client parameter.
type sessionMarker struct {
	ast.ParamMarkerExpr
	t     *translator
	index int
	// row and slot place a marker of an INSERT's VALUES (orderSessionValues); others sort
	// after them.
	row, slot int
}

// Restore implements ast.Node.
func (p *sessionMarker) Restore(ctx *format.RestoreCtx) error {
	p.t.paramOrder = append(p.t.paramOrder, p.index)
	return p.ParamMarkerExpr.Restore(ctx)
}

// sessionValue adds session value v and returns its marker.
func (t *translator) sessionValue(v SessionValue) *sessionMarker {
	t.sessionValues = append(t.sessionValues, v)
	m := &sessionMarker{ParamMarkerExpr: ast.NewParamMarkerExpr(0), t: t, index: sessionValueIndex(len(t.sessionValues) - 1),
		row: math.MaxInt, slot: math.MaxInt}
	t.sessionMarkers = append(t.sessionMarkers, m)
	return m
}

// sequenceCache is the CACHE of sequence seq as the catalog records it (1 without a record or
// a resolver).
func (t *translator) sequenceCache(seq sequenceRef) (int64, error) {
	if t.ctx.Resolver == nil {
		return 1, nil
	}
	schema, ok := catalog.SchemaOf(t.ctx.Database, seq.db)
	if !ok {
		return 1, nil
	}
	tbl, err := t.ctx.Resolver.LookupTable(schema, seq.name)
	if err != nil || tbl == nil || !tbl.Sequence {
		return 1, err
	}
	if x := tbl.Text(catalog.TextSequenceCache, ""); x != nil {
		if v, err := strconv.ParseInt(x.Expr.Plain, 10, 64); err == nil && v > 1 {
			return v, nil
		}
	}
	return 1, nil
}

// defaultCache is the CACHE of the sequence column c's default draws from (1 when it draws
// from none).
func (t *translator) defaultCache(c *catalog.Column) (int64, error) {
	if !drawsFrom(c) {
		return 1, nil
	}
	return t.sequenceCache(sequenceRef{db: c.DefaultSequence.DB, name: c.DefaultSequence.Name})
}

// errCachedNextval refuses nextval() of a CACHE n > 1 sequence where it is evaluated per row.
func errCachedNextval(seq string, cache int64) error {
	return pgerror.Unsupported("nextval() of sequence \"" + seq + "\" (CACHE " + strconv.FormatInt(cache, 10) + ") in a statement that may evaluate it for many rows").
		WithHint("Call it as an item of SELECT nextval(…) or of an INSERT's VALUES row, or ALTER SEQUENCE … CACHE 1.")
}

// refuseCachedDefault refuses an assignment of DEFAULT to column c outside INSERT … VALUES when
// its default draws from a CACHE n > 1 sequence (TiDB would draw from the sequence itself).
func (t *translator) refuseCachedDefault(e ast.ExprNode, c *catalog.Column, what string) error {
	if _, ok := e.(*ast.DefaultExpr); !ok {
		return nil
	}
	cache, err := t.defaultCache(c)
	if err != nil || cache <= 1 {
		return err
	}
	return pgerror.Unsupported(what + " = DEFAULT of column \"" + c.Name + "\", whose default draws from sequence \"" +
		c.DefaultSequence.Name + "\" (CACHE " + strconv.FormatInt(cache, 10) + ")").
		WithHint("Assign nextval() in a statement of its own, or ALTER SEQUENCE … CACHE 1.")
}

// isNextvalItem reports whether n is a nextval() call, possibly cast: the items a CACHE n > 1
// sequence's value may be drawn for (see above).
func isNextvalItem(n *pg_query.Node) bool {
	for n.GetTypeCast() != nil {
		n = n.GetTypeCast().GetArg()
	}
	fc := n.GetFuncCall()
	if fc == nil {
		return false
	}
	name, err := funcName(fc)
	return err == nil && name == "nextval"
}

// drawItem translates item with a nextval() of a CACHE n > 1 sequence drawn as a session
// value (when the item is such a call).
func (t *translator) drawItem(item *pg_query.Node, translate func() error) error {
	t.drawHere = isNextvalItem(item)
	defer func() { t.drawHere = false }()
	return translate()
}

// drawDefaults makes an INSERT's defaults that draw from CACHE n > 1 sequences drawn session
// values: in each VALUES row (a column left out is added), in row order as PostgreSQL
// evaluates them. INSERT … SELECT leaving such a column out is refused. It returns the
// target columns with those added.
func (t *translator) drawDefaults(stmt *ast.InsertStmt, tbl *catalog.Table, targets []*catalog.Column) ([]*catalog.Column, error) {
	if stmt.Select == nil && len(stmt.Columns) == 0 {
		targets = nil // DEFAULT VALUES
	}
	drawn := false
	for i := range tbl.Columns {
		c := &tbl.Columns[i]
		cache, err := t.defaultCache(c)
		if err != nil {
			return nil, err
		}
		if cache <= 1 {
			continue
		}
		pos := -1
		for j, tc := range targets {
			if tc.Name == c.Name {
				pos = j
			}
		}
		if stmt.Select != nil {
			if pos < 0 {
				return nil, pgerror.Unsupported("INSERT … SELECT leaving column \"" + c.Name + "\" to its default, which draws from sequence \"" +
					c.DefaultSequence.Name + "\" (CACHE " + strconv.FormatInt(cache, 10) + ")").
					WithHint("Insert with VALUES, or ALTER SEQUENCE … CACHE 1.")
			}
			continue
		}
		if pos < 0 {
			stmt.Columns = append(stmt.Columns, &ast.ColumnName{Name: cistr(c.Name)})
			targets = append(targets, c)
			pos = len(targets) - 1
			for r := range stmt.Lists {
				stmt.Lists[r] = append(stmt.Lists[r], &ast.DefaultExpr{})
			}
		}
		seq := SequenceRef{DB: c.DefaultSequence.DB, Name: c.DefaultSequence.Name}
		for r, row := range stmt.Lists {
			if _, isDefault := row[pos].(*ast.DefaultExpr); isDefault {
				from := len(t.sessionMarkers)
				row[pos] = t.sessionValue(SessionValue{Seq: seq, Cache: cache})
				t.placeMarkers(from, r, evalSlot(len(stmt.Lists), pos, i))
				drawn = true
			}
		}
	}
	if drawn {
		t.orderSessionValues()
	}
	return targets, nil
}

// evalSlot is the place of an INSERT's value in PostgreSQL's order of evaluation within its
// row, for the value at position pos of a VALUES list of rows rows, of the table column with
// index attnum. A multi-row VALUES list is evaluated item by item, then the defaults of the
// columns left out (appended after the items, in column order); one row's target list goes
// in column order.
func evalSlot(rows, pos, attnum int) int {
	if rows > 1 {
		return pos
	}
	return attnum
}

// placeMarkers records where the session markers made since marker number from are evaluated
// in an INSERT: row, and the slot the value has in the row's order of evaluation.
func (t *translator) placeMarkers(from, row, slot int) {
	for _, m := range t.sessionMarkers[from:] {
		m.row, m.slot = row, slot
	}
}

// orderSessionValues renumbers an INSERT's session values in PostgreSQL's order of evaluation:
// row by row, and by slot in a row. drawDefaults adds a column's values after the rows'
// nextval() calls.
func (t *translator) orderSessionValues() {
	order := append([]*sessionMarker(nil), t.sessionMarkers...)
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].row != order[j].row {
			return order[i].row < order[j].row
		}
		return order[i].slot < order[j].slot
	})
	values := make([]SessionValue, len(order))
	for i, m := range order {
		values[i] = t.sessionValues[sessionValueOf(m.index)]
	}
	for i, m := range order {
		m.index = sessionValueIndex(i)
	}
	t.sessionValues, t.sessionMarkers = values, order
}

// guardSessionMarkers turns a statement with session markers (lastval(), session values) into
// a plan whose steps take their values as the parameters after the client's: the session
// values in order, then lastval's (Statement.SessionValues, Statement.Lastval).
func (t *translator) guardSessionMarkers(stmt *Statement) (*Statement, error) {
	lastval := callsLastval(stmt)
	if !lastval && len(t.sessionValues) == 0 {
		return stmt, nil
	}
	if lastval && len(stmt.Nextvals) > 0 {
		return nil, pgerror.Unsupported("lastval() in a statement that calls nextval()").
			WithHint("Call lastval() in a statement of its own.")
	}
	for _, v := range t.sessionValues {
		if seq := (sequenceRef{db: v.Seq.DB, name: v.Seq.Name}); v.Cache == 0 && t.callsNextval(seq) {
			return nil, errCurrvalWithNextval(seq)
		}
	}
	planOf(stmt)
	n := len(stmt.ParamTypes)
	for i := range stmt.Plan.Steps {
		st := &stmt.Plan.Steps[i]
		order := append([]int(nil), st.ParamOrder...)
		for j, idx := range order {
			switch {
			case idx == lastvalIndex:
				order[j] = n + len(t.sessionValues)
			case idx <= sessionValueIndex(0):
				order[j] = n + sessionValueOf(idx)
			}
		}
		st.ParamOrder = order
	}
	stmt.SessionValues = t.sessionValues
	stmt.Lastval = lastval
	return stmt, nil
}

// NextvalQuery is the TiDB query the proxy takes a session block's first value with:
// SELECT NEXTVAL(seq).
func NextvalQuery(seq SequenceRef) (string, error) {
	sel := newSelect()
	sel.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: nextvalCall(seq.DB, seq.Name)}}}
	return restorePlain(sel)
}

// SetvalQuery is the TiDB query the proxy reserves the rest of a session block with:
// SELECT SETVAL(seq, v), NULL when the sequence is past v already.
func SetvalQuery(seq SequenceRef, v int64) (string, error) {
	sel := newSelect()
	sel.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: funcCall("SETVAL",
		&ast.TableNameExpr{Name: &ast.TableName{Schema: cistr(seq.DB), Name: cistr(seq.Name)}}, ast.NewValueExpr(v, "", ""))}}}
	return restorePlain(sel)
}

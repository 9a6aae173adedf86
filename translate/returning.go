package translate

import (
	"encoding/hex"
	"math"
	"strconv"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"
	"github.com/pingcap/tidb/pkg/parser/mysql"
	"github.com/pingcap/tidb/pkg/parser/opcode"
	"github.com/pingcap/tidb/pkg/parser/types"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pgtidb/pgtidb/typemap"
)

// RETURNING is emulated with plans (package returning) run in one TiDB transaction:
//
//	INSERT … VALUES … RETURNING   exec   INSERT …
//	                              return SELECT <list> FROM t WHERE key IN (<the VALUES' keys>)
//	                                     ORDER BY <position in VALUES>
//	UPDATE … RETURNING            collect SELECT key FROM t WHERE … FOR UPDATE
//	                              exec    UPDATE t SET … WHERE key IN (<collected>)
//	                              return  SELECT <list> FROM t WHERE key IN (<collected>)
//	DELETE … RETURNING            collect SELECT key, <list> FROM t WHERE … FOR UPDATE
//	                              exec    DELETE FROM t WHERE key IN (<collected>)
//	                              emit the collected <list>
//
// A row is identified by its primary key, or by TiDB's _tidb_rowid on a table without one.
// Key values go back to TiDB as literals of the key column's type; key types whose text form
// does not compare exactly are refused. INSERT … RETURNING into a table without a primary key
// cannot know the new rows' _tidb_rowid: it reads them back by all their values instead
// (returning_nokey.go).

// rowIDColumn is the hidden handle TiDB gives every table without a clustered primary key.
const rowIDColumn = "_tidb_rowid"

// keyColumn is one column that identifies a row.
type keyColumn struct {
	name string
	typ  typemap.Type
	// expr is set for an expression part of an ON CONFLICT arbiter (name is then the plan's
	// own name for it): the expression over bare column names, reading columns cols.
	expr ast.ExprNode
	cols []string
}

// rowKey returns the columns identifying tbl's rows for feature (RETURNING, ON CONFLICT):
// its primary key, or _tidb_rowid. Float keys are read through floatRead (keyFields) and go
// back as double literals of the stored value (keyLiteral), which the column equals exactly.
func (t *translator) rowKey(tbl *catalog.Table, feature string) ([]keyColumn, error) {
	return t.rowKeyOf(tbl, feature, func(ty typemap.Type) bool {
		return isInt(ty) || isFloat(ty) || ty.OID == typemap.Text || ty.OID == typemap.Varchar
	})
}

// rowKeyOf is rowKey with the primary-key column types the caller reads back exactly.
func (t *translator) rowKeyOf(tbl *catalog.Table, feature string, exact func(typemap.Type) bool) ([]keyColumn, error) {
	kr, ok := t.ctx.Resolver.(KeyResolver)
	if !ok {
		return nil, pgerror.Unsupported(feature + " without the table's primary key")
	}
	pk, err := kr.PrimaryKey(tbl.Schema, tbl.Name)
	if err != nil {
		return nil, err
	}
	if len(pk) == 0 {
		return []keyColumn{{name: rowIDColumn, typ: typemap.Of(typemap.Int8)}}, nil
	}
	var keys []keyColumn
	for _, name := range pk {
		c := tbl.Column(name)
		if c == nil {
			return nil, pgerror.Newf(pgerrcode.InternalError, "primary key column %q of %q not in the catalog", name, tbl.Name)
		}
		if !exact(c.Type) {
			return nil, pgerror.Unsupported(feature + " on a table whose primary key column \"" + name +
				"\" is of type " + sqlTypeName(c.Type))
		}
		keys = append(keys, keyColumn{name: c.Name, typ: c.Type})
	}
	return keys, nil
}

// keyLiteral turns a key value read from TiDB back into a literal of the key's type.
func keyLiteral(k keyColumn, v returning.Value) (ast.ExprNode, error) {
	if v == nil {
		return nil, pgerror.Newf(pgerrcode.InternalError, "NULL value in key column %q", k.name)
	}
	switch k.typ.OID {
	case typemap.Numeric, typemap.Date, typemap.Timestamp, typemap.Timestamptz:
		// The column's text (fixed scale, fixed format) read as the column's type.
		return castTo(ast.NewValueExpr(string(v), "", ""), k.typ), nil
	case typemap.UUID:
		// Canonical lower-case text, in the column's charset (CHAR(36) ascii_bin): a utf8mb4
		// value joined with the column would be an illegal mix of collations.
		return asciiText(string(v), 36), nil
	case typemap.Float4, typemap.Float8:
		// A double literal of the stored value, which the column equals exactly.
		return valueLiteral(k.typ, v)
	}
	if isInt(k.typ) || k.typ.OID == typemap.Bool {
		if i, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return ast.NewValueExpr(i, "", ""), nil
		}
		u, err := strconv.ParseUint(string(v), 10, 64)
		if err != nil {
			return nil, pgerror.Newf(pgerrcode.InternalError, "key column %q: %q is not an integer", k.name, v)
		}
		return ast.NewValueExpr(u, "", ""), nil
	}
	return ast.NewValueExpr(string(v), "", ""), nil
}

// asciiText is CAST(v AS CHAR(n) CHARSET ascii): v in the ascii_bin collation of a uuid column.
func asciiText(v string, n int) ast.ExprNode {
	ft := types.NewFieldType(mysql.TypeString)
	ft.SetFlen(n)
	ft.SetCharset("ascii")
	ft.SetCollate("ascii_bin")
	return &ast.FuncCastExpr{Expr: ast.NewValueExpr(v, "", ""), Tp: ft, FunctionType: ast.CastFunction, ExplicitCharSet: true}
}

// keyRef is a reference to key column k (unqualified: every plan statement has one table).
func keyRef(k keyColumn) ast.ExprNode {
	if k.expr != nil {
		return k.expr
	}
	return &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(k.name)}}
}

// keyTuple is the key as one expression: the column, or a row of the columns.
func keyTuple(keys []keyColumn, item func(i int) ast.ExprNode) ast.ExprNode {
	if len(keys) == 1 {
		return item(0)
	}
	row := &ast.RowExpr{}
	for i := range keys {
		row.Values = append(row.Values, item(i))
	}
	return row
}

// keyIn is `key IN (tuples…)`.
func keyIn(keys []keyColumn, tuples []ast.ExprNode) ast.ExprNode {
	return &ast.PatternInExpr{Expr: keyTuple(keys, func(i int) ast.ExprNode { return keyRef(keys[i]) }), List: tuples}
}

// collectedKeyIn is `key IN (…)` over collected key rows; nil when there are none.
func collectedKeyIn(keys []keyColumn, rows []returning.Row) (ast.ExprNode, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	tuples := make([]ast.ExprNode, len(rows))
	for r, row := range rows {
		var err error
		if tuples[r], err = literalTuple(keys, row); err != nil {
			return nil, err
		}
	}
	return keyIn(keys, tuples), nil
}

// literalTuple is a key's values read from TiDB as a literal key tuple.
func literalTuple(keys []keyColumn, row returning.Row) (ast.ExprNode, error) {
	var err error
	tup := keyTuple(keys, func(i int) ast.ExprNode {
		lit, e := keyLiteral(keys[i], row[i])
		if e != nil {
			err = e
		}
		return lit
	})
	return tup, err
}

// sampleKeys are the keys golden tests show a key-dependent step with.
func sampleKeys(keys []keyColumn) []returning.Row {
	var rows []returning.Row
	for r := 1; r <= 2; r++ {
		row := make(returning.Row, len(keys))
		for i, k := range keys {
			if isInt(k.typ) || isFloat(k.typ) {
				row[i] = []byte(strconv.Itoa(r))
			} else {
				row[i] = []byte("k" + strconv.Itoa(r))
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// returningList translates a RETURNING list over the DML's target relation rv (under its
// alias): the select fields, the result columns, and the FROM item to read them from.
func (t *translator) returningList(list []*pg_query.Node, rv *pg_query.RangeVar) ([]*ast.SelectField, []Column, ast.ResultSetNode, error) {
	sc := &scope{}
	it, err := t.rangeVar(rv, sc)
	if err != nil {
		return nil, nil, nil, err
	}
	outs, err := t.targetList(list, sc, &fromList{items: []*fromItem{it}})
	if err != nil {
		return nil, nil, nil, err
	}
	q := &queryResult{cols: outs}
	fields := make([]*ast.SelectField, len(outs))
	for i, o := range outs {
		fields[i] = o.field
	}
	return fields, q.columns(), it.node, nil
}

// planBuilder assembles a plan: each step is restored once at translation time (for its
// parameter order and the golden tests' view), then its AST is frozen so that Build, run
// concurrently by sessions sharing the cached translation, only reads it.
type planBuilder struct {
	t    *translator
	plan returning.Plan
	// roots are the steps' statements as explained, in step order (nil for steps without
	// SQL); static lists the steps built once.
	roots  []ast.Node
	static []int
}

// step adds a step whose SQL is node as build builds it for the keys. A step whose statement
// does not depend on keys (sample nil) is built once: Build returns its frozen text. A
// key-dependent step is explained with sample keys and rebuilt per execution from the frozen
// shared pieces.
func (b *planBuilder) step(kind returning.StepKind, keyCount int, sample []returning.Row,
	build func(keys []returning.Row) (ast.StmtNode, error)) error {
	node, err := build(sample)
	if err != nil {
		return err
	}
	if sample != nil {
		return b.stepShown(kind, keyCount, node, build)
	}
	explain, err := b.t.restore(node)
	if err != nil {
		return err
	}
	b.roots = append(b.roots, node)
	b.static = append(b.static, len(b.plan.Steps))
	b.plan.Steps = append(b.plan.Steps, returning.Step{Kind: kind, Keys: keyCount, Explain: explain, ParamOrder: append([]int{}, b.t.paramOrder...)})
	return nil
}

// stepShown adds a step built from the keys at run time (build returns nil to skip it then):
// the plan shows it as the statement shown (step: what build gives for its sample keys).
func (b *planBuilder) stepShown(kind returning.StepKind, keyCount int, shown ast.StmtNode,
	build func(keys []returning.Row) (ast.StmtNode, error)) error {
	explain, err := b.t.restore(shown)
	if err != nil {
		return err
	}
	b.roots = append(b.roots, shown)
	b.plan.Steps = append(b.plan.Steps, returning.Step{Kind: kind, Keys: keyCount, Explain: explain, ParamOrder: append([]int{}, b.t.paramOrder...),
		Build: func(keys []returning.Row) (string, error) {
			n, err := build(keys)
			if err != nil || n == nil {
				return "", err
			}
			return restorePlain(n)
		}})
	return nil
}

// finish freezes the plan's AST and returns the statement.
func (b *planBuilder) finish(tag string, kind Kind, cols []Column) (*Statement, error) {
	for _, n := range b.roots {
		if n != nil {
			freezeParams(n)
		}
	}
	for _, i := range b.static {
		sql, err := restorePlain(b.roots[i])
		if err != nil {
			return nil, err
		}
		b.plan.Steps[i].Build = func([]returning.Row) (string, error) { return sql, nil }
	}
	stmt := &Statement{Tag: tag, Kind: kind, Columns: cols, Plan: &b.plan}
	b.t.finish(stmt)
	// The proxy binds the parameters in PostgreSQL order; each step maps its own markers.
	stmt.ParamOrder = make([]int, len(stmt.ParamTypes))
	for i := range stmt.ParamOrder {
		stmt.ParamOrder[i] = i
	}
	stmt.SQL = b.plan.Steps[0].Explain
	return stmt, nil
}

// restorePlain renders a frozen plan statement.
func restorePlain(n ast.Node) (string, error) {
	var sb strings.Builder
	if err := n.Restore(format.NewRestoreCtx(RestoreFlags, &sb)); err != nil {
		return "", pgerror.Newf(pgerrcode.InternalError, "cannot render plan statement: %v", err)
	}
	return sb.String(), nil
}

// freezeParams replaces the translator's recording parameter markers in n by plain ones (the
// markers' Accept hands the inner marker to the visitor, which the parent keeps).
func freezeParams(n ast.Node) { n.Accept(identityVisitor{}) }

type identityVisitor struct{}

func (identityVisitor) Enter(n ast.Node) (ast.Node, bool) { return n, false }
func (identityVisitor) Leave(n ast.Node) (ast.Node, bool) { return n, true }

// forUpdate is the lock of a plan's collecting SELECT.
func forUpdate() *ast.SelectLockInfo { return &ast.SelectLockInfo{LockType: ast.SelectLockForUpdate} }

// keyFields are the select fields reading the key columns.
func keyFields(keys []keyColumn) []*ast.SelectField {
	var fs []*ast.SelectField
	for _, k := range keys {
		if isFloat(k.typ) {
			// Read exactly (ON CONFLICT's float keys), canonicalized by canonicalRows.
			fs = append(fs, &ast.SelectField{Expr: floatRead(keyRef(k))})
			continue
		}
		fs = append(fs, &ast.SelectField{Expr: keyRef(k)})
	}
	return fs
}

// updateReturning plans UPDATE … RETURNING for the translated UPDATE stmt.
func (t *translator) updateReturning(n *pg_query.UpdateStmt, stmt *ast.UpdateStmt, tbl *catalog.Table) (*Statement, error) {
	keys, err := t.rowKey(tbl, "RETURNING")
	if err != nil {
		return nil, err
	}
	for _, a := range stmt.List {
		for _, k := range keys {
			if a.Column.Name.L == strings.ToLower(k.name) {
				return nil, pgerror.Unsupported("UPDATE … RETURNING that assigns primary key column \"" + k.name + "\"")
			}
		}
	}
	fields, cols, from, err := t.returningList(n.GetReturningList(), n.GetRelation())
	if err != nil {
		return nil, err
	}
	b := &planBuilder{t: t}
	where := stmt.Where
	err = b.step(returning.Collect, len(keys), nil, func([]returning.Row) (ast.StmtNode, error) {
		sel := newSelect()
		sel.From = stmt.TableRefs
		sel.Fields = &ast.FieldList{Fields: keyFields(keys)}
		sel.Where = where
		sel.LockInfo = forUpdate()
		return sel, nil
	})
	if err != nil {
		return nil, err
	}
	sample := sampleKeys(keys)
	err = b.execByKeys(keys, sample, func(pred ast.ExprNode) ast.StmtNode {
		upd := *stmt
		upd.Where = pred
		return &upd
	})
	if err != nil {
		return nil, err
	}
	if err := b.returnByKeys(keys, fields, from, sample); err != nil {
		return nil, err
	}
	return b.finish("UPDATE", KindDML, cols)
}

// execByKeys adds the step running the UPDATE/DELETE restricted to the rows with the collected
// keys: restrict returns a copy of the statement with that WHERE (nothing runs without rows).
func (b *planBuilder) execByKeys(keys []keyColumn, sample []returning.Row, restrict func(where ast.ExprNode) ast.StmtNode) error {
	return b.step(returning.Exec, 0, sample, func(rows []returning.Row) (ast.StmtNode, error) {
		pred, err := collectedKeyIn(keys, rows)
		if pred == nil || err != nil {
			return nil, err
		}
		return restrict(pred), nil
	})
}

// returnByKeys adds the step returning the RETURNING list of the rows with the collected keys.
func (b *planBuilder) returnByKeys(keys []keyColumn, fields []*ast.SelectField, from ast.ResultSetNode, sample []returning.Row) error {
	return b.step(returning.Return, 0, sample, func(rows []returning.Row) (ast.StmtNode, error) {
		return selectByKeys(keys, rows, fields, from, false)
	})
}

// deleteReturning plans DELETE … RETURNING for the translated DELETE stmt.
func (t *translator) deleteReturning(n *pg_query.DeleteStmt, stmt *ast.DeleteStmt, tbl *catalog.Table) (*Statement, error) {
	keys, err := t.rowKey(tbl, "RETURNING")
	if err != nil {
		return nil, err
	}
	fields, cols, _, err := t.returningList(n.GetReturningList(), n.GetRelation())
	if err != nil {
		return nil, err
	}
	b := &planBuilder{t: t}
	where := stmt.Where
	err = b.step(returning.Collect, len(keys), nil, func([]returning.Row) (ast.StmtNode, error) {
		sel := newSelect()
		sel.From = stmt.TableRefs
		sel.Fields = &ast.FieldList{Fields: append(keyFields(keys), fields...)}
		sel.Where = where
		sel.LockInfo = forUpdate()
		return sel, nil
	})
	if err != nil {
		return nil, err
	}
	err = b.execByKeys(keys, sampleKeys(keys), func(pred ast.ExprNode) ast.StmtNode {
		del := *stmt
		del.Where = pred
		return &del
	})
	if err != nil {
		return nil, err
	}
	b.plan.Steps = append(b.plan.Steps, returning.Step{Kind: returning.ReturnCollected})
	b.roots = append(b.roots, nil)
	return b.finish("DELETE", KindDML, cols)
}

// insertReturning plans INSERT … VALUES … RETURNING for the translated INSERT stmt whose
// target columns are targets: every key value is a constant, a parameter, an expression
// evaluated first, or comes from the sequence the key column owns (SERIAL, identity: the column
// is left out or DEFAULT), so the rows can be read back by key, in the order of the VALUES list
// as PostgreSQL returns them.
//
// Key values from a sequence are fetched first, one NEXTVAL per defaulted key in row order
// (TiDB evaluates a select list left to right), and given to the INSERT explicitly; so are
// computed key values (evaluated once, in that SELECT):
//
//	collect SELECT NEXTVAL(s), <computed key>, …     one row, one column per such key
//	exec    INSERT … (…, id) VALUES (…, <value 1>), (…, <value 2>)
//	return  SELECT <list> FROM t WHERE id IN (<values>) ORDER BY <position in VALUES>
func (t *translator) insertReturning(n *pg_query.InsertStmt, stmt *ast.InsertStmt, tbl *catalog.Table, targets []*catalog.Column) (*Statement, error) {
	if stmt.Select != nil {
		return t.insertSelectReturning(n, stmt, tbl, targets)
	}
	if len(stmt.Columns) == 0 {
		targets = nil // DEFAULT VALUES
	}
	keys, err := t.rowKey(tbl, "RETURNING")
	if err != nil {
		return nil, err
	}
	// seqs[i] is the column of key i when its default draws from a sequence.
	seqs := make([]*catalog.Column, len(keys))
	pos := make([]int, len(keys))
	for i, k := range keys {
		if c := tbl.Column(k.name); c != nil && drawsFrom(c) {
			seqs[i] = c
		}
		pos[i] = -1
		for j, c := range targets {
			if c.Name == k.name {
				pos[i] = j
			}
		}
		if pos[i] < 0 && seqs[i] == nil {
			if k.name == rowIDColumn {
				return t.insertNoKeyReturning(n, stmt, tbl, targets)
			}
			return nil, pgerror.Unsupported("INSERT … RETURNING without a value for primary key column \"" + k.name + "\"").
				WithHint("Give the key's value in VALUES.")
		}
	}
	// slots[r][i] is the index of row r's key i among the prefetched sequence values, or -1
	// when VALUES gives it.
	slots := make([][]int, len(stmt.Lists))
	var nextvals []ast.ExprNode
	for r, list := range stmt.Lists {
		slots[r] = make([]int, len(keys))
		for i := range keys {
			slots[r][i] = -1
			var e ast.ExprNode
			if pos[i] >= 0 {
				e = list[pos[i]]
			}
			_, isDefault := e.(*ast.DefaultExpr)
			_, isParamRef := isParam(e)
			v, isValue := e.(ast.ValueExpr)
			switch {
			case e == nil || isDefault && seqs[i] != nil:
				slots[r][i] = len(nextvals)
				nextvals = append(nextvals, defaultNextval(seqs[i]))
			case isFloat(keys[i].typ) && !isDefault && !isNullLit(e):
				// A float key is read as the column converts it (a constant or parameter
				// too: a real column stores its own rounding) and inserted as read.
				slots[r][i] = len(nextvals)
				nextvals = append(nextvals, floatRead(e))
			case isParamRef, isValue && v.GetValue() == nil:
				// A NULL key fails the INSERT (23502) before the rows are read back.
			case isDefault:
				return nil, pgerror.Unsupported("INSERT … RETURNING with DEFAULT for primary key column \"" + keys[i].name + "\" without a sequence (row " + itoa(r+1) + ")")
			case !isValue:
				// A computed key is evaluated once, with the sequence values, and inserted
				// as the value read.
				slots[r][i] = len(nextvals)
				nextvals = append(nextvals, e)
			}
		}
	}
	fields, cols, from, err := t.returningList(n.GetReturningList(), n.GetRelation())
	if err != nil {
		return nil, err
	}
	b := &planBuilder{t: t}
	// tuples are the rows' keys given the prefetched values (nil without prefetching).
	tuples := func(fetched returning.Row) ([]ast.ExprNode, error) {
		var out []ast.ExprNode
		for r, list := range stmt.Lists {
			var err error
			out = append(out, keyTuple(keys, func(i int) ast.ExprNode {
				if slots[r][i] < 0 {
					return list[pos[i]]
				}
				lit, e := keyLiteral(keys[i], fetched[slots[r][i]])
				if e != nil {
					err = e
				}
				return lit
			}))
			if err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	var sample []returning.Row
	if len(nextvals) == 0 {
		if err := b.step(returning.Exec, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return stmt, nil }); err != nil {
			return nil, err
		}
	} else {
		err := b.step(returning.Collect, len(nextvals), nil, func([]returning.Row) (ast.StmtNode, error) {
			sel := newSelect()
			sel.Fields = &ast.FieldList{}
			for _, e := range nextvals {
				sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: e})
			}
			return sel, nil
		})
		if err != nil {
			return nil, err
		}
		sample = []returning.Row{make(returning.Row, len(nextvals))}
		for i := range nextvals {
			sample[0][i] = []byte(itoa(i + 1))
		}
		err = b.step(returning.Exec, 0, sample, func(fetched []returning.Row) (ast.StmtNode, error) {
			if len(fetched) == 0 {
				return nil, nil
			}
			if len(fetched) != 1 || len(fetched[0]) != len(nextvals) {
				return nil, pgerror.New(pgerrcode.InternalError, "sequence values not fetched")
			}
			ins := *stmt
			ins.Columns = append([]*ast.ColumnName{}, stmt.Columns...)
			for i, k := range keys {
				if pos[i] < 0 {
					ins.Columns = append(ins.Columns, &ast.ColumnName{Name: cistr(k.name)})
				}
			}
			ins.Lists = make([][]ast.ExprNode, len(stmt.Lists))
			for r, list := range stmt.Lists {
				row := append(make([]ast.ExprNode, 0, len(ins.Columns)), list...)
				for i, k := range keys {
					if slots[r][i] < 0 {
						continue
					}
					lit, err := keyLiteral(k, fetched[0][slots[r][i]])
					if err != nil {
						return nil, err
					}
					if pos[i] >= 0 {
						row[pos[i]] = lit
					} else {
						row = append(row, lit)
					}
				}
				ins.Lists[r] = row
			}
			return &ins, nil
		})
		if err != nil {
			return nil, err
		}
	}
	err = b.step(returning.Return, 0, sample, func(fetched []returning.Row) (ast.StmtNode, error) {
		var row returning.Row
		if len(nextvals) > 0 {
			if len(fetched) == 0 {
				return nil, nil
			}
			row = fetched[0]
		}
		tups, err := tuples(row)
		if err != nil {
			return nil, err
		}
		sel := newSelect()
		sel.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: from}}
		sel.Fields = &ast.FieldList{Fields: fields}
		sel.Where = keyIn(keys, tups)
		if len(tups) > 1 {
			// PostgreSQL returns the rows in the order of the VALUES list.
			order := &ast.CaseExpr{}
			for i, tup := range tups {
				order.WhenClauses = append(order.WhenClauses, &ast.WhenClause{
					Expr:   binop(opcode.EQ, keyTuple(keys, func(i int) ast.ExprNode { return keyRef(keys[i]) }), tup),
					Result: ast.NewValueExpr(int64(i), "", "")})
			}
			sel.OrderBy = &ast.OrderByClause{Items: []*ast.ByItem{{Expr: order}}}
		}
		return sel, nil
	})
	if err != nil {
		return nil, err
	}
	return b.finish("INSERT", KindDML, cols)
}

// insertSelectReturning plans INSERT … SELECT … RETURNING: the query runs once, in the plan's
// transaction, and its rows come back to the proxy, which inserts them as literals (so each
// row's key is known, whatever the query computes) and then reads the RETURNING list by key:
//
//	collect SELECT …[, NEXTVAL(s)…]     the query's rows (and the defaulted keys' sequence values)
//	exec    INSERT INTO t (…) VALUES <the rows as literals>
//	return  SELECT <list> FROM t WHERE key IN (<keys>) ORDER BY <row order>
//
// Only column types whose TiDB text reads back as the same value are accepted (see
// valueLiteral); the query's values for float columns are read through floatRead
// (readFloatsExactly). A table without a primary key has the plan of insertNoKeyReturning.
func (t *translator) insertSelectReturning(n *pg_query.InsertStmt, stmt *ast.InsertStmt, tbl *catalog.Table, targets []*catalog.Column) (*Statement, error) {
	keys, err := t.rowKey(tbl, "RETURNING")
	if err != nil {
		return nil, err
	}
	if keys[0].name == rowIDColumn {
		return t.insertNoKeyReturning(n, stmt, tbl, targets)
	}
	cols := append([]*catalog.Column{}, targets...)
	var nextvals []ast.ExprNode
	for _, k := range keys {
		found := false
		for _, c := range targets {
			found = found || c.Name == k.name
		}
		if found {
			continue
		}
		c := tbl.Column(k.name)
		if c == nil || !drawsFrom(c) {
			return nil, pgerror.Unsupported("INSERT … SELECT … RETURNING without a value for primary key column \"" + k.name + "\"")
		}
		cols = append(cols, c)
		nextvals = append(nextvals, defaultNextval(c))
	}
	for _, c := range cols {
		if !literalType(c.Type) {
			return nil, pgerror.Unsupported("INSERT … SELECT … RETURNING into column \"" + c.Name + "\" of type " + sqlTypeName(c.Type))
		}
	}
	source, err := readFloatsExactly(stmt.Select, targets, "INSERT … SELECT … RETURNING")
	if err != nil {
		return nil, err
	}
	query, ok := source.(ast.StmtNode)
	if !ok {
		return nil, pgerror.Newf(pgerrcode.InternalError, "INSERT … SELECT: query is a %T", stmt.Select)
	}
	fields, resultCols, from, err := t.returningList(n.GetReturningList(), n.GetRelation())
	if err != nil {
		return nil, err
	}
	// keyAt[i] is the position of key column i in a collected row.
	keyAt := make([]int, len(keys))
	for i, k := range keys {
		for j, c := range cols {
			if c.Name == k.name {
				keyAt[i] = j
			}
		}
	}
	b := &planBuilder{t: t}
	if err := b.step(returning.Collect, len(targets), nil, func([]returning.Row) (ast.StmtNode, error) { return query, nil }); err != nil {
		return nil, err
	}
	if len(nextvals) > 0 {
		if err := b.rowSequenceValues(nextvals, len(targets)); err != nil {
			return nil, err
		}
	}
	sample := sampleRows(cols)
	err = b.step(returning.Exec, 0, sample, func(rows []returning.Row) (ast.StmtNode, error) {
		if len(rows) == 0 {
			return nil, nil
		}
		ins := *stmt
		ins.Select = nil
		ins.Columns = nil
		for _, c := range cols {
			ins.Columns = append(ins.Columns, &ast.ColumnName{Name: cistr(c.Name)})
		}
		ins.Lists = make([][]ast.ExprNode, len(rows))
		for r, row := range rows {
			for j, c := range cols {
				lit, err := valueLiteral(c.Type, row[j])
				if err != nil {
					return nil, err
				}
				ins.Lists[r] = append(ins.Lists[r], lit)
			}
		}
		return &ins, nil
	})
	if err != nil {
		return nil, err
	}
	err = b.step(returning.Return, 0, sample, func(rows []returning.Row) (ast.StmtNode, error) {
		if len(rows) == 0 {
			return nil, nil
		}
		keyRows := make([]returning.Row, len(rows))
		for r, row := range rows {
			for i := range keys {
				keyRows[r] = append(keyRows[r], row[keyAt[i]])
			}
		}
		return selectByKeys(keys, keyRows, fields, from, true)
	})
	if err != nil {
		return nil, err
	}
	return b.finish("INSERT", KindDML, resultCols)
}

// sampleRows are the two rows of values of cols golden tests show a step built from a
// query's rows with.
func sampleRows(cols []*catalog.Column) []returning.Row {
	sample := make([]returning.Row, 2)
	for r := range sample {
		for _, c := range cols {
			if isInt(c.Type) || isFloat(c.Type) || c.Type.OID == typemap.Bool {
				sample[r] = append(sample[r], []byte(itoa(r+1)))
			} else {
				sample[r] = append(sample[r], []byte("v"+itoa(r+1)))
			}
		}
	}
	return sample
}

// rowSequenceValues adds the steps giving each row a query read its sequence-filled keys: a
// SELECT of the NEXTVALs for every row (in row order, as PostgreSQL's defaults advance the
// sequence row by row), and a Compute step appending them to the rows, which it makes the
// collected rows of the steps after it.
//
//	collect SELECT NEXTVAL(s), NEXTVAL(s), …     one column per row and defaulted key
//	compute <query row> + <its values>
func (b *planBuilder) rowSequenceValues(nextvals []ast.ExprNode, width int) error {
	build := func(rows int) *ast.SelectStmt {
		sel := newSelect()
		sel.Fields = &ast.FieldList{}
		for r := 0; r < rows; r++ {
			for _, e := range nextvals {
				sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: e})
			}
		}
		return sel
	}
	sample := build(2)
	explain, err := b.t.restore(sample)
	if err != nil {
		return err
	}
	b.roots = append(b.roots, sample, nil)
	n := len(nextvals)
	b.plan.Steps = append(b.plan.Steps, returning.Step{Kind: returning.Collect, Explain: explain,
		BuildFrom: func(all [][]returning.Row) (string, []int, error) {
			if len(all) != 1 {
				return "", nil, pgerror.New(pgerrcode.InternalError, "INSERT … SELECT: plan step out of order")
			}
			if len(all[0]) == 0 {
				return "", nil, nil
			}
			sql, err := restorePlain(build(len(all[0])))
			return sql, nil, err
		}},
		returning.Step{Kind: returning.Compute, Compute: func(all [][]returning.Row) ([]returning.Row, error) {
			if len(all) != 2 || len(all[0]) > 0 && (len(all[1]) != 1 || len(all[1][0]) != n*len(all[0])) {
				return nil, pgerror.New(pgerrcode.InternalError, "INSERT … SELECT: sequence values not fetched")
			}
			out := make([]returning.Row, len(all[0]))
			for r, row := range all[0] {
				if len(row) != width {
					return nil, pgerror.New(pgerrcode.InternalError, "INSERT … SELECT: row shape")
				}
				out[r] = append(append(returning.Row{}, row...), all[1][0][r*n:(r+1)*n]...)
			}
			return out, nil
		}})
	return nil
}

// selectByKeys reads fields from from for the rows with the given keys (nil without any), in
// the keys' order when ordered.
func selectByKeys(keys []keyColumn, rows []returning.Row, fields []*ast.SelectField, from ast.ResultSetNode, ordered bool) (ast.StmtNode, error) {
	pred, err := collectedKeyIn(keys, rows)
	if pred == nil || err != nil {
		return nil, err
	}
	sel := newSelect()
	sel.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: from}}
	sel.Fields = &ast.FieldList{Fields: fields}
	sel.Where = pred
	if ordered && len(rows) > 1 {
		order := &ast.CaseExpr{}
		for r, row := range rows {
			tup, err := literalTuple(keys, row)
			if err != nil {
				return nil, err
			}
			order.WhenClauses = append(order.WhenClauses, &ast.WhenClause{
				Expr:   binop(opcode.EQ, keyTuple(keys, func(i int) ast.ExprNode { return keyRef(keys[i]) }), tup),
				Result: ast.NewValueExpr(int64(r), "", "")})
		}
		sel.OrderBy = &ast.OrderByClause{Items: []*ast.ByItem{{Expr: order}}}
	}
	return sel, nil
}

// literalType reports whether a value of type ty read from TiDB as text goes back into a column
// of that type unchanged as a literal (valueLiteral). A float must be read through floatRead:
// TiDB's own text of a FLOAT keeps 6 digits in exponent form.
func literalType(ty typemap.Type) bool {
	switch {
	case isInt(ty), isString(ty), isFloat(ty):
		return true
	}
	switch ty.OID {
	case typemap.Numeric, typemap.Bool, typemap.Date, typemap.Time, typemap.Timestamp, typemap.Timestamptz,
		typemap.JSON, typemap.JSONB, typemap.UUID, typemap.Bytea:
		return true
	}
	return false
}

// floatRead is value e for a float column as a plan reads it into the proxy. TiDB's text
// protocol prints a FLOAT result with 6 significant digits when it uses exponent form (below
// 1e-15 or from 1e15 on) and a DOUBLE with the fixed decimals of its result type when it has
// some, so neither reads back exactly; CAST(CAST(e AS DOUBLE) AS CHAR) is Go's shortest text
// of the double (FormatFloat 'f', -1, 64: TiDB's castRealAsString), which does. The double is
// the one TiDB would convert into the column when inserting e itself (storedFloat rounds it
// for a real column).
func floatRead(e ast.ExprNode) ast.ExprNode {
	return castTo(castTo(e, typemap.Of(typemap.Float8)), typemap.Of(typemap.Text))
}

// valueLiteral is the literal giving back value v of a column of type ty (literalType).
func valueLiteral(ty typemap.Type, v returning.Value) (ast.ExprNode, error) {
	switch {
	case v == nil:
		return ast.NewValueExpr(nil, "", ""), nil
	case isInt(ty), ty.OID == typemap.Bool:
		if i, ok := roundedInteger(string(v)); ok {
			// A numeric value for an integer column (INSERT … VALUES … RETURNING into a
			// table without a primary key reads the value first) is stored rounded.
			v = []byte(i)
		}
		return keyLiteral(keyColumn{name: "value", typ: typemap.Of(typemap.Int8)}, v)
	case isFloat(ty):
		f, err := storedFloat(ty, v)
		if err != nil {
			return nil, err
		}
		return ast.NewValueExpr(f, "", ""), nil
	case ty.OID == typemap.Bytea:
		return funcCall("UNHEX", ast.NewValueExpr(hex.EncodeToString(v), "", "")), nil
	}
	return ast.NewValueExpr(string(v), "", ""), nil
}

// storedFloat is the value a float column of type ty stores for the double whose exact text
// is v (floatRead): the double itself, or for float4 the double rounded to single precision
// (Go's float32 conversion, round to nearest even, as TiDB's conversion rounds) with
// PostgreSQL's float8-to-float4 checks: 22003 when it rounds to an infinity (overflow) or a
// nonzero double rounds to zero (underflow). TiDB itself would refuse a double just above
// real's largest value that rounds to it, and store 0 for an underflow, without an error.
// The result, printed as a double literal (shortest exponent text), reads back as exactly this
// value, and a float column compares equal to it exactly when it holds it.
func storedFloat(ty typemap.Type, v []byte) (float64, error) {
	f, err := strconv.ParseFloat(string(v), 64)
	if err != nil {
		return 0, pgerror.Newf(pgerrcode.InternalError, "float value %q", v)
	}
	if ty.OID != typemap.Float4 {
		return f, nil
	}
	g := float32(f)
	switch {
	case math.IsInf(float64(g), 0):
		return 0, pgerror.New(pgerrcode.NumericValueOutOfRange, "value out of range: overflow")
	case g == 0 && f != 0:
		return 0, pgerror.New(pgerrcode.NumericValueOutOfRange, "value out of range: underflow")
	}
	return float64(g), nil
}

// readFloatsExactly returns query, the query of an INSERT … SELECT whose rows a plan reads
// into the proxy, made to give the values of its float target columns through floatRead
// (cols[j] is the column its output column j goes into). The select list of a plain SELECT
// is rewritten in place (an unaliased column's output name changes, which the INSERT does not
// read). Another query without ORDER BY (a set operation, DISTINCT, an ORDER BY / GROUP BY /
// HAVING naming an output column, `*`) is wrapped instead, its rows' order being unspecified:
//
//	WITH _pgtidb_q (c0, c1, …) AS (<query>) SELECT CAST(CAST(c0 AS DOUBLE) AS CHAR), c1, … FROM _pgtidb_q
//
// Refused (0A000, naming what): such a query with an ORDER BY, whose order the wrapping could
// lose.
func readFloatsExactly(query ast.ResultSetNode, cols []*catalog.Column, what string) (ast.ResultSetNode, error) {
	var floats []int
	for j, c := range cols {
		if isFloat(c.Type) {
			floats = append(floats, j)
		}
	}
	if len(floats) == 0 {
		return query, nil
	}
	if sel, ok := query.(*ast.SelectStmt); ok && rewritableInPlace(sel, floats) {
		for _, j := range floats {
			sel.Fields.Fields[j].Expr = floatRead(sel.Fields.Fields[j].Expr)
		}
		return query, nil
	}
	ordered := true
	switch q := query.(type) {
	case *ast.SelectStmt:
		ordered = q.OrderBy != nil
	case *ast.SetOprStmt:
		ordered = q.OrderBy != nil
	}
	if ordered {
		c := cols[floats[0]]
		return nil, pgerror.Unsupported(what + " into column \"" + c.Name + "\" of type " + sqlTypeName(c.Type) +
			" from an ordered query other than a plain SELECT (a set operation, DISTINCT, or ORDER BY / GROUP BY naming an output column)")
	}
	out := newSelect()
	cte := &ast.CommonTableExpression{Name: cistr("_pgtidb_q"), Query: &ast.SubqueryExpr{Query: query}}
	out.Fields = &ast.FieldList{}
	for j, c := range cols {
		name := "c" + itoa(j)
		cte.ColNameList = append(cte.ColNameList, cistr(name))
		var e ast.ExprNode = &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(name)}}
		if isFloat(c.Type) {
			e = floatRead(e)
		}
		out.Fields.Fields = append(out.Fields.Fields, &ast.SelectField{Expr: e})
	}
	out.With = &ast.WithClause{CTEs: []*ast.CommonTableExpression{cte}}
	out.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: &ast.TableName{Name: cte.Name}}}}
	return out, nil
}

// rewritableInPlace reports whether the select list of sel can be rewritten at positions
// floats without changing its rows or their order: no DISTINCT, no `*`, and no ORDER BY,
// GROUP BY or HAVING naming a rewritten output column (by position, or by a name not
// qualified by its table, which TiDB may resolve to the output column).
func rewritableInPlace(sel *ast.SelectStmt, floats []int) bool {
	if sel.Kind != ast.SelectStmtKindSelect || sel.Distinct || sel.Fields == nil {
		return false
	}
	fields := sel.Fields.Fields
	names := map[string]bool{}
	for _, j := range floats {
		if j >= len(fields) || fields[j].Expr == nil {
			return false
		}
		if fields[j].AsName.L != "" {
			names[fields[j].AsName.L] = true
		} else if cn, ok := fields[j].Expr.(*ast.ColumnNameExpr); ok {
			names[cn.Name.Name.L] = true
		}
	}
	for _, f := range fields {
		if f.WildCard != nil {
			return false
		}
	}
	namesOutput := func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.PositionExpr:
			return true
		case *ast.ColumnNameExpr:
			return x.Name.Table.L == "" && names[x.Name.Name.L]
		}
		return false
	}
	var clauses []ast.Node
	if sel.OrderBy != nil {
		clauses = append(clauses, sel.OrderBy)
	}
	if sel.GroupBy != nil {
		clauses = append(clauses, sel.GroupBy)
	}
	if sel.Having != nil {
		clauses = append(clauses, sel.Having)
	}
	for _, c := range clauses {
		v := &exprFinder{match: namesOutput}
		c.Accept(v)
		if v.found {
			return false
		}
	}
	return true
}

package translate

import (
	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// insert translates INSERT INTO t [(cols)] VALUES … | SELECT … | DEFAULT VALUES. Values are
// assigned to the target columns as PostgreSQL assigns them: untyped literals and parameters
// take the column's type, typed expressions must have an assignment cast to it (42804
// otherwise) and are converted with PostgreSQL's conversion. The TiDB statement always names
// its columns, because PostgreSQL lets a row be shorter than the column list.
func (t *translator) insert(n *pg_query.InsertStmt) (*Statement, error) {
	if n.GetWithClause() != nil {
		return nil, pgerror.Unsupported("WITH ... INSERT")
	}
	tableName, tbl, err := t.writeTarget(n.GetRelation(), "INSERT into")
	if err != nil {
		return nil, err
	}
	t.relation = tbl.Name
	targets, err := targetColumns(n.GetCols(), tbl)
	if err != nil {
		return nil, err
	}
	stmt := &ast.InsertStmt{Table: &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: tableName}}}}

	sel := n.GetSelectStmt().GetSelectStmt()
	switch {
	case n.GetSelectStmt() == nil:
		// DEFAULT VALUES: INSERT INTO t () VALUES ().
		stmt.Columns = []*ast.ColumnName{}
		stmt.Lists = [][]ast.ExprNode{{}}
	case isPlainValues(sel):
		rows := sel.GetValuesLists()
		width := len(rows[0].GetList().GetItems())
		if err := checkInsertWidth(width, len(targets), len(n.GetCols()) > 0); err != nil {
			return nil, err
		}
		targets = targets[:width]
		for r, row := range rows {
			items := row.GetList().GetItems()
			if len(items) != width {
				return nil, pgerror.New(pgerrcode.SyntaxError, "VALUES lists must all be the same length")
			}
			var list []ast.ExprNode
			for i, item := range items {
				var e ast.ExprNode
				from := len(t.sessionMarkers)
				err := t.drawItem(item, func() (err error) {
					e, err = t.assignedValue(item, nil, targets[i])
					return err
				})
				if err != nil {
					return nil, err
				}
				t.placeMarkers(from, r, evalSlot(len(rows), i, tbl.ColumnIndex(targets[i].Name)))
				list = append(list, e)
			}
			stmt.Lists = append(stmt.Lists, list)
		}
	default:
		rs, width, err := t.insertSelect(sel, targets, len(n.GetCols()) > 0)
		if err != nil {
			return nil, err
		}
		targets = targets[:width]
		stmt.Select = rs
	}
	if err := applyOverriding(n.GetOverride(), stmt, targets); err != nil {
		return nil, err
	}
	if stmt.Columns == nil {
		for _, c := range targets {
			stmt.Columns = append(stmt.Columns, &ast.ColumnName{Name: cistr(c.Name)})
		}
	}
	if targets, err = t.drawDefaults(stmt, tbl, targets); err != nil {
		return nil, err
	}
	if n.GetOnConflictClause() != nil {
		return t.insertOnConflict(n, stmt, tbl, targets)
	}
	if len(n.GetReturningList()) > 0 {
		return t.insertReturning(n, stmt, tbl, targets)
	}
	return t.statement(stmt, "INSERT", KindDML, nil)
}

// targetColumns resolves an INSERT column list (all columns in order when it is empty).
func targetColumns(cols []*pg_query.Node, tbl *catalog.Table) ([]*catalog.Column, error) {
	var out []*catalog.Column
	if len(cols) == 0 {
		for i := range tbl.Columns {
			out = append(out, &tbl.Columns[i])
		}
		return out, nil
	}
	seen := map[string]bool{}
	for _, cn := range cols {
		rt := cn.GetResTarget()
		if len(rt.GetIndirection()) > 0 {
			return nil, pgerror.Unsupported("assignment to a field or element of column \"" + rt.GetName() + "\"")
		}
		c := tbl.Column(rt.GetName())
		if c == nil {
			return nil, pgerror.Newf(pgerrcode.UndefinedColumn,
				"column %q of relation %q does not exist", rt.GetName(), tbl.Name)
		}
		if seen[c.Name] {
			return nil, pgerror.Newf(pgerrcode.DuplicateColumn, "column %q specified more than once", c.Name)
		}
		seen[c.Name] = true
		out = append(out, c)
	}
	return out, nil
}

// checkInsertWidth compares the number of values with the number of target columns as
// PostgreSQL does.
func checkInsertWidth(values, targets int, explicit bool) error {
	if values > targets {
		return pgerror.New(pgerrcode.SyntaxError, "INSERT has more expressions than target columns")
	}
	if explicit && values < targets {
		return pgerror.New(pgerrcode.SyntaxError, "INSERT has more target columns than expressions")
	}
	return nil
}

// isPlainValues reports whether an INSERT source is a bare VALUES list (no ORDER BY, LIMIT…),
// which PostgreSQL assigns to the target columns value by value.
func isPlainValues(sel *pg_query.SelectStmt) bool {
	return sel != nil && len(sel.GetValuesLists()) > 0 && len(sel.GetSortClause()) == 0 &&
		sel.GetLimitCount() == nil && sel.GetLimitOffset() == nil && sel.GetWithClause() == nil &&
		len(sel.GetLockingClause()) == 0
}

// assignedValue translates a value assigned to column col (INSERT VALUES, UPDATE SET):
// DEFAULT, or an expression coerced into the column's type.
func (t *translator) assignedValue(n *pg_query.Node, sc *scope, col *catalog.Column) (ast.ExprNode, error) {
	if n.GetSetToDefault() != nil {
		return &ast.DefaultExpr{}, nil
	}
	if e, ok, err := floatConstant(n, col.Type); ok || err != nil {
		// A float constant into a float column: read as PostgreSQL's float input does (1e300
		// is beyond TiDB's DECIMAL literals).
		return e, err
	}
	e, ty, err := t.expr(n, sc)
	if err != nil {
		return nil, err
	}
	if isUnknown(ty) {
		e, _, err = t.coerce(e, ty, col.Type)
		if err == nil && col.Type.OID == typemap.JSON {
			e = verbatimJSON(e)
		}
		return e, err
	}
	if err := checkAssignable(ty, col); err != nil {
		return nil, err
	}
	if tidbAssignsAlike(ty, col.Type) {
		// TiDB stores the value as PostgreSQL's assignment would (and enforces the column's
		// length and scale the same way).
		return e, nil
	}
	to := col.Type
	if isString(to) {
		// Assignment to a string column errors on overlong values instead of truncating as
		// a cast would; the column type enforces the length.
		to = typemap.Of(to.OID)
	}
	return t.convert(e, ty, to)
}

// verbatimJSON undoes the CAST AS JSON around a validated json literal: a json column keeps
// the text as written (TiDB's JSON type would reorder keys and respace it).
func verbatimJSON(e ast.ExprNode) ast.ExprNode {
	if cast, ok := e.(*ast.FuncCastExpr); ok {
		if _, isString := literalString(cast.Expr); isString {
			return cast.Expr
		}
	}
	return e
}

// checkAssignable is PostgreSQL's check that an expression of type from can be stored in col:
// an implicit or assignment cast must exist (every type is assignable to a string type
// through its output function).
func checkAssignable(from typemap.Type, col *catalog.Column) error {
	to := col.Type
	if isUnknown(from) || from.OID == to.OID || isString(to) {
		return nil
	}
	ok := false
	switch {
	case isNumber(from) && isNumber(to):
		ok = true
	case isString(from) && isString(to):
		ok = true
	case (from.OID == typemap.JSON || from.OID == typemap.JSONB) && (to.OID == typemap.JSON || to.OID == typemap.JSONB):
		ok = true
	case from.OID == typemap.Date:
		ok = to.OID == typemap.Timestamp || to.OID == typemap.Timestamptz
	case from.OID == typemap.Timestamp || from.OID == typemap.Timestamptz:
		ok = to.OID == typemap.Date || to.OID == typemap.Time || to.OID == typemap.Timestamp || to.OID == typemap.Timestamptz
	}
	if ok {
		return nil
	}
	return pgerror.Newf(pgerrcode.DatatypeMismatch, "column %q is of type %s but expression is of type %s",
		col.Name, sqlTypeName(to), sqlTypeName(from)).
		WithHint("You will need to rewrite or cast the expression.")
}

// tidbAssignsAlike reports whether TiDB's implicit conversion of a from value stored into a
// to column gives what PostgreSQL's assignment cast gives.
func tidbAssignsAlike(from, to typemap.Type) bool {
	switch {
	case from.OID == to.OID:
		return true
	case isInt(from):
		return isNumber(to) || isString(to)
	case from.OID == typemap.Numeric:
		// Decimal → double goes through the shortest decimal text in both systems.
		return isInt(to) || isFloat(to) || isString(to)
	case isFloat(from):
		return isFloat(to)
	case isString(from):
		return isString(to)
	case from.OID == typemap.Date:
		return to.OID == typemap.Timestamp || isString(to)
	case from.OID == typemap.Timestamp:
		return to.OID == typemap.Date
	case from.OID == typemap.JSON, from.OID == typemap.JSONB:
		return to.OID == typemap.JSON || to.OID == typemap.JSONB
	}
	return false
}

// insertSelect translates the query of INSERT … SELECT and assigns its columns to the
// targets: untyped literals and parameters take the column's type; a column of another type
// gets PostgreSQL's conversion in the select list when the query is a plain SELECT whose
// order and grouping the conversion cannot disturb (no DISTINCT, ORDER BY or LIMIT), or when
// TiDB's own conversion gives the same value; otherwise it is refused.
func (t *translator) insertSelect(sel *pg_query.SelectStmt, targets []*catalog.Column, explicit bool) (ast.ResultSetNode, int, error) {
	if sel.GetWithClause() != nil {
		return nil, 0, pgerror.Unsupported("WITH in INSERT ... SELECT")
	}
	q, err := t.query(sel, nil)
	if err != nil {
		return nil, 0, err
	}
	if err := checkInsertWidth(len(q.cols), len(targets), explicit); err != nil {
		return nil, 0, err
	}
	simple, _ := q.node.(*ast.SelectStmt)
	rewritable := simple != nil && !simple.Distinct && simple.OrderBy == nil && simple.Limit == nil
	for i, c := range q.cols {
		target := targets[i]
		if isUnknown(c.typ) {
			if c.field == nil {
				if _, ok := isParam(c.expr); ok {
					t.coerce(c.expr, c.typ, target.Type)
					continue
				}
				return nil, 0, pgerror.Unsupported("untyped value in column " + itoa(i+1) + " of INSERT ... SELECT with a set operation")
			}
			e, _, err := t.coerce(c.field.Expr, c.typ, target.Type)
			if err != nil {
				return nil, 0, err
			}
			c.field.Expr = e
			continue
		}
		if err := checkAssignable(c.typ, target); err != nil {
			return nil, 0, err
		}
		if tidbAssignsAlike(c.typ, target.Type) {
			continue
		}
		if !rewritable || c.field == nil {
			return nil, 0, pgerror.Unsupported("INSERT ... SELECT of a " + sqlTypeName(c.typ) +
				" column into column \"" + target.Name + "\" of type " + sqlTypeName(target.Type)).
				WithHint("Cast the selected column to the target column's type.")
		}
		to := target.Type
		if isString(to) {
			to = typemap.Of(to.OID)
		}
		e, err := t.convert(c.field.Expr, c.typ, to)
		if err != nil {
			return nil, 0, err
		}
		c.field.Expr = e
	}
	return q.node, len(q.cols), nil
}

// applyOverriding enforces identity columns as PostgreSQL's rewriter does: a GENERATED ALWAYS
// column takes only DEFAULT unless OVERRIDING SYSTEM VALUE (428C9), and OVERRIDING USER VALUE
// replaces the values given for identity columns by DEFAULT (the sequence's next value).
func applyOverriding(kind pg_query.OverridingKind, stmt *ast.InsertStmt, targets []*catalog.Column) error {
	system := kind == pg_query.OverridingKind_OVERRIDING_SYSTEM_VALUE
	user := kind == pg_query.OverridingKind_OVERRIDING_USER_VALUE
	for j, c := range targets {
		if c.Identity == 0 {
			continue
		}
		always := c.Identity == 'a' && !system && !user
		if stmt.Select != nil {
			if always {
				return generatedAlways(c.Name)
			}
			if user {
				return pgerror.Unsupported("OVERRIDING USER VALUE with INSERT ... SELECT into identity column \"" + c.Name + "\"").
					WithHint("Leave the identity column out of the column list.")
			}
			continue
		}
		for _, list := range stmt.Lists {
			if j >= len(list) {
				continue
			}
			if _, isDefault := list[j].(*ast.DefaultExpr); isDefault {
				continue
			}
			if always {
				return generatedAlways(c.Name)
			}
			if user {
				list[j] = &ast.DefaultExpr{}
			}
		}
	}
	return nil
}

// generatedAlways is PostgreSQL's error for a value given to a GENERATED ALWAYS identity.
func generatedAlways(col string) error {
	return pgerror.Newf(pgerrcode.GeneratedAlways, "cannot insert a non-DEFAULT value into column %q", col).
		WithDetail("Column \"" + col + "\" is an identity column defined as GENERATED ALWAYS.").
		WithHint("Use OVERRIDING SYSTEM VALUE to override.")
}

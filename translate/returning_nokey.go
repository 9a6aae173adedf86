package translate

import (
	"math/big"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pgtidb/pgtidb/typemap"
)

// INSERT … RETURNING into a table without a primary key. TiDB does not tell which
// _tidb_rowid it gave the new rows (and choosing them would race the allocators of other TiDB
// instances), so the plan fixes every value of every new row before the INSERT and reads each
// row back by all its values:
//
//	collect SELECT <value>, …                 the values that are not constants or parameters
//	                                          (expressions, DEFAULT, defaults of left-out
//	                                          columns, nextval), every row's, in row order
//	        (INSERT … SELECT: the query's rows, then one SELECT of the defaults of the columns
//	        it leaves out, one per row; the rows come back whole)
//	exec    INSERT INTO t (…) VALUES <the rows: constants, parameters and the values read>
//	return  SELECT <list> FROM t JOIN (
//	            (SELECT _tidb_rowid, 0 FROM t WHERE c1 <=> v1 AND … LIMIT 1) UNION ALL
//	            (SELECT _tidb_rowid, 1 FROM t WHERE … LIMIT 1) …) AS r ON t._tidb_rowid = r.k
//	        ORDER BY <row position>                (one row: SELECT <list> FROM t WHERE … LIMIT 1)
//
// A row found with exactly the values of an inserted row is that row or one equal to it in
// every column, which RETURNING over the row's columns cannot tell apart. Each value is
// compared as the column stores it: numeric(p,s), varchar(n), date and times through a CAST
// to the column's type (rounding, truncated trailing spaces), jsonb by its text (1 and 1.0
// are equal JSON but print differently), a column left out without a default as NULL; a
// generated column is not compared (it is a function of the others), a float by its stored
// value: every float value, constants and parameters too, is read by the first step through
// floatRead and becomes a double literal of what the column stores (valueLiteral; real
// rounded to single precision), which the INSERT stores unchanged and `c <=> literal`
// matches exactly. Only types whose TiDB text reads back exactly are accepted (literalType);
// a RETURNING list naming the row's handle is refused (it would tell identical rows apart).

// noKeyInsert is a planned INSERT … RETURNING into a table without a primary key. After
// translation it is only read.
type noKeyInsert struct {
	stmt *ast.InsertStmt
	// cols are the INSERT's columns (the statement's, then the left-out ones that have a
	// default); nulls the left-out columns without one, NULL in every new row.
	cols  []*catalog.Column
	nulls []*catalog.Column
	// VALUES: direct[r][j] is row r's expression for cols[j] when it is a constant or a
	// parameter, else slot[r][j] its position among computed, evaluated by the first step.
	direct   [][]ast.ExprNode
	slot     [][]int
	computed []ast.ExprNode
	// query is the query of INSERT … SELECT (nil for VALUES); extras the values of the
	// left-out columns with a default, evaluated per row after it.
	query  ast.StmtNode
	extras []ast.ExprNode
	fields []*ast.SelectField
	from   ast.ResultSetNode
	// target is the name the RETURNING list reads the table by (its alias or its name).
	target string
}

// insertNoKeyReturning plans INSERT … VALUES/SELECT/DEFAULT VALUES … RETURNING into tbl,
// which has no primary key (see the comment above).
func (t *translator) insertNoKeyReturning(n *pg_query.InsertStmt, stmt *ast.InsertStmt, tbl *catalog.Table, targets []*catalog.Column) (*Statement, error) {
	k := &noKeyInsert{stmt: stmt}
	name, ok := stmt.Table.TableRefs.Left.(*ast.TableSource).Source.(*ast.TableName)
	if !ok {
		return nil, pgerror.New(pgerrcode.InternalError, "INSERT … RETURNING: target is not a table")
	}
	given := map[string]bool{}
	for _, c := range targets {
		given[c.Name] = true
		k.cols = append(k.cols, c)
	}
	// filled is the value of a left-out or DEFAULT column c, evaluated by the plan (nil: NULL).
	filled := func(c *catalog.Column) ast.ExprNode {
		switch {
		case drawsFrom(c):
			return defaultNextval(c)
		case c.HasDefault:
			return defaultValueOf(name, c.Name)
		}
		return nil
	}
	for i := range tbl.Columns {
		c := &tbl.Columns[i]
		switch {
		case given[c.Name], c.Generated:
			// A generated column is a function of the others, which are compared.
		case filled(c) != nil:
			k.cols = append(k.cols, c)
			if isFloat(c.Type) {
				k.extras = append(k.extras, floatRead(filled(c)))
			} else {
				k.extras = append(k.extras, filled(c))
			}
		default:
			k.nulls = append(k.nulls, c)
		}
	}
	for _, c := range k.cols {
		if !literalType(c.Type) && !c.Generated {
			return nil, pgerror.Unsupported("INSERT … RETURNING into a table without a primary key with column \"" +
				c.Name + "\" of type " + sqlTypeName(c.Type))
		}
	}
	fields, cols, from, err := t.returningList(n.GetReturningList(), n.GetRelation())
	if err != nil {
		return nil, err
	}
	k.fields, k.from, k.target = fields, from, tbl.Name
	if alias := n.GetRelation().GetAlias().GetAliasname(); alias != "" {
		k.target = alias
	}
	for _, f := range k.fields {
		if contains(f.Expr, func(n ast.Node) bool {
			c, ok := n.(*ast.ColumnNameExpr)
			return ok && c.Name.Name.L == rowIDColumn
		}) {
			return nil, pgerror.Unsupported("INSERT … RETURNING of the row's system column into a table without a primary key")
		}
	}
	b := &planBuilder{t: t}
	var sample []returning.Row
	if stmt.Select != nil {
		source, err := readFloatsExactly(stmt.Select, targets, "INSERT … SELECT … RETURNING")
		if err != nil {
			return nil, err
		}
		query, ok := source.(ast.StmtNode)
		if !ok {
			return nil, pgerror.Newf(pgerrcode.InternalError, "INSERT … SELECT: query is a %T", stmt.Select)
		}
		k.query = query
		if err := b.step(returning.Collect, len(targets), nil, func([]returning.Row) (ast.StmtNode, error) { return query, nil }); err != nil {
			return nil, err
		}
		if len(k.extras) > 0 {
			if err := b.rowSequenceValues(k.extras, len(targets)); err != nil {
				return nil, err
			}
		}
		sample = sampleRows(k.cols)
	} else {
		k.planValues(filled)
		if len(k.computed) > upsertColLimit {
			return nil, pgerror.Unsupported("INSERT … RETURNING into a table without a primary key of more than " +
				itoa(upsertColLimit) + " computed values")
		}
		if len(k.computed) > 0 {
			err := b.step(returning.Collect, len(k.computed), nil, func([]returning.Row) (ast.StmtNode, error) {
				sel := newSelect()
				sel.Fields = &ast.FieldList{}
				for _, e := range k.computed {
					sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: e})
				}
				return sel, nil
			})
			if err != nil {
				return nil, err
			}
			sample = []returning.Row{make(returning.Row, len(k.computed))}
			for i := range k.computed {
				sample[0][i] = []byte(itoa(i + 1))
			}
		}
	}
	if err := b.step(returning.Exec, 0, sample, k.insert); err != nil {
		return nil, err
	}
	if err := b.step(returning.Return, 0, sample, k.lookup); err != nil {
		return nil, err
	}
	b.plan.Steps[len(b.plan.Steps)-1].Whole = true
	// Build reads these shared expressions at execution: make them plain markers.
	for _, row := range k.direct {
		for j, e := range row {
			if e != nil {
				row[j] = unwrapParam(e)
			}
		}
	}
	for _, f := range k.fields {
		f.Expr = unwrapParam(f.Expr)
	}
	return b.finish("INSERT", KindDML, cols)
}

// planValues sorts the VALUES' cells into constants and parameters, kept as they are, and
// values the first step evaluates (filled gives a DEFAULT or left-out column's).
func (k *noKeyInsert) planValues(filled func(*catalog.Column) ast.ExprNode) {
	given := len(k.stmt.Columns)
	for r, list := range k.stmt.Lists {
		k.direct = append(k.direct, make([]ast.ExprNode, len(k.cols)))
		k.slot = append(k.slot, make([]int, len(k.cols)))
		for j, c := range k.cols {
			var e ast.ExprNode
			if j < given && j < len(list) {
				e = list[j]
			}
			if _, isDefault := e.(*ast.DefaultExpr); isDefault && c.Generated {
				k.direct[r][j] = e
				continue
			}
			if _, isDefault := e.(*ast.DefaultExpr); isDefault || e == nil {
				e = filled(c)
				if e == nil {
					e = ast.NewValueExpr(nil, "", "")
				}
			}
			_, isParamRef := isParam(e)
			if _, isValue := e.(ast.ValueExpr); (isValue || isParamRef) && (!isFloat(c.Type) || isNullLit(e)) {
				k.direct[r][j] = e
				continue
			}
			if isFloat(c.Type) {
				// A float column stores its own rounding of the value: read as TiDB converts it.
				e = floatRead(e)
			}
			k.slot[r][j] = len(k.computed)
			k.computed = append(k.computed, e)
		}
	}
}

// rows are the new rows' values as expressions, given the rows the latest Collect (or
// Compute) step gave; nil when there are none.
func (k *noKeyInsert) rows(collected []returning.Row) ([][]ast.ExprNode, error) {
	var out [][]ast.ExprNode
	if k.query != nil {
		for _, row := range collected {
			if len(row) != len(k.cols) {
				return nil, pgerror.New(pgerrcode.InternalError, "INSERT … SELECT … RETURNING: row shape")
			}
			var vals []ast.ExprNode
			for j, c := range k.cols {
				lit, err := valueLiteral(c.Type, row[j])
				if err != nil {
					return nil, err
				}
				vals = append(vals, lit)
			}
			out = append(out, vals)
		}
		return out, nil
	}
	var flat returning.Row
	if len(k.computed) > 0 {
		if len(collected) == 0 {
			return nil, nil
		}
		if len(collected) != 1 || len(collected[0]) != len(k.computed) {
			return nil, pgerror.New(pgerrcode.InternalError, "INSERT … RETURNING: values not computed")
		}
		flat = collected[0]
	}
	for r := range k.direct {
		vals := make([]ast.ExprNode, len(k.cols))
		for j, c := range k.cols {
			if k.direct[r][j] != nil {
				vals[j] = k.direct[r][j]
				continue
			}
			lit, err := valueLiteral(c.Type, flat[k.slot[r][j]])
			if err != nil {
				return nil, err
			}
			vals[j] = lit
		}
		out = append(out, vals)
	}
	return out, nil
}

// insert is the INSERT of the new rows.
func (k *noKeyInsert) insert(collected []returning.Row) (ast.StmtNode, error) {
	rows, err := k.rows(collected)
	if len(rows) == 0 || err != nil {
		return nil, err
	}
	ins := *k.stmt
	ins.Select = nil
	ins.Columns = []*ast.ColumnName{}
	for _, c := range k.cols {
		ins.Columns = append(ins.Columns, &ast.ColumnName{Name: cistr(c.Name)})
	}
	ins.Lists = rows
	return &ins, nil
}

// lookup reads the RETURNING list of each new row, in row order: the first row that has all
// its values.
func (k *noKeyInsert) lookup(collected []returning.Row) (ast.StmtNode, error) {
	rows, err := k.rows(collected)
	if len(rows) == 0 || err != nil {
		return nil, err
	}
	find := func(vals []ast.ExprNode, fields []*ast.SelectField) *ast.SelectStmt {
		sel := newSelect()
		sel.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: k.from}}
		sel.Fields = &ast.FieldList{Fields: fields}
		var where ast.ExprNode
		and := func(e ast.ExprNode) {
			if where == nil {
				where = e
			} else {
				where = binop(opcode.LogicAnd, where, e)
			}
		}
		for j, c := range k.cols {
			if !c.Generated {
				and(matchStored(c, vals[j]))
			}
		}
		for _, c := range k.nulls {
			and(&ast.IsNullExpr{Expr: &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(c.Name)}}})
		}
		sel.Where = where
		sel.Limit = &ast.Limit{Count: ast.NewValueExpr(int64(1), "", "")}
		return sel
	}
	if len(rows) == 1 {
		return find(rows[0], k.fields), nil
	}
	// Several rows: the handles of the rows found, in row order, joined back to the table, so
	// that the RETURNING list (and its parameters) appears once whatever the number of rows.
	const inner, handle = "_pgtidb_r", "_pgtidb_k"
	list := &ast.SetOprSelectList{}
	for r, vals := range rows {
		sel := find(vals, []*ast.SelectField{
			{Expr: &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(rowIDColumn)}}, AsName: cistr(handle)},
			{Expr: ast.NewValueExpr(int64(r), "", ""), AsName: cistr(excludedRowCol)}})
		sel.IsInBraces = true
		if r > 0 {
			all := ast.UnionAll
			sel.AfterSetOperator = &all
		}
		list.Selects = append(list.Selects, sel)
	}
	ref := func(table, col string) ast.ExprNode {
		return &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(table), Name: cistr(col)}}
	}
	outer := newSelect()
	outer.Fields = &ast.FieldList{Fields: k.fields}
	outer.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: k.from, Tp: ast.CrossJoin,
		Right: &ast.TableSource{Source: &ast.SetOprStmt{SelectList: list}, AsName: cistr(inner)},
		On:    &ast.OnCondition{Expr: binop(opcode.EQ, ref(k.target, rowIDColumn), ref(inner, handle))}}}
	outer.OrderBy = &ast.OrderByClause{Items: []*ast.ByItem{{Expr: ref(inner, excludedRowCol)}}}
	return outer, nil
}

// matchStored is `c <=> v` with v as column c stores it (see the comment at the top).
func matchStored(c *catalog.Column, v ast.ExprNode) ast.ExprNode {
	col := &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(c.Name)}}
	if _, isParam := v.(ast.ParamMarkerExpr); isParam {
		// a parameter's value is not known here (NULL matches by <=>)
	} else if x, ok := v.(ast.ValueExpr); ok && x.GetValue() == nil {
		return &ast.IsNullExpr{Expr: col}
	}
	switch c.Type.OID {
	case typemap.Numeric, typemap.Date, typemap.Time, typemap.Timestamp, typemap.Timestamptz:
		v = castTo(v, c.Type)
	case typemap.Varchar:
		if c.Type.Typmod >= 4 {
			v = castTo(v, c.Type)
		}
	case typemap.JSONB:
		text := typemap.Of(typemap.Text)
		return binop(opcode.NullEQ, castTo(col, text), castTo(castTo(v, c.Type), text))
	}
	return binop(opcode.NullEQ, col, v)
}

// roundedInteger is the integer a decimal text rounds to as PostgreSQL's and TiDB's
// assignment to an integer column round it (half away from zero); ok false when s is not a
// decimal number.
func roundedInteger(s string) (string, bool) {
	neg := strings.HasPrefix(s, "-")
	digits := strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	whole, frac, _ := strings.Cut(digits, ".")
	if whole == "" {
		whole = "0"
	}
	i, ok := new(big.Int).SetString(whole, 10)
	if !ok || strings.Trim(frac, "0123456789") != "" || strings.HasPrefix(whole, "+") || strings.HasPrefix(whole, "-") {
		return "", false
	}
	if frac != "" && frac[0] >= '5' {
		i.Add(i, big.NewInt(1))
	}
	if neg {
		i.Neg(i)
	}
	return i.String(), true
}

package translate

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/returning"
	"github.com/pgtidb/pgtidb/typemap"
)

// Expressions in the ON CONFLICT target. PostgreSQL infers the unique expression index whose
// columns and expressions are those of the target (`ON CONFLICT (lower(email))` and `CREATE
// UNIQUE INDEX … (lower(email))`). pgtidb creates an expression index as a TiDB expression
// index on the translated expression, and TiDB keeps its text (information_schema.STATISTICS'
// EXPRESSION, catalog.UniqueKey.Expressions); the target's expression, translated the same
// way, matches an index part when both texts, re-parsed and restored without table names in
// lower case (indexExprKey), are equal.
//
// The plan computes the proposed key with TiDB, once the proposed rows' values of the columns
// the expression reads have been read back (they are needed columns, inserted as read), in a
// step of its own after the first:
//
//	collect SELECT (SELECT <expr> FROM (SELECT <value> AS c, …) AS _pgtidb_row), …
//	        one per proposed row and expression part, over the values as literals
//
// and the lock read compares `<expr>` over the table's rows with those values. Only
// expressions of types whose text compares as TiDB compares them are accepted (integers, text,
// varchar, bool). Without a target, an expression index among the arbiters stays refused: the
// PostgreSQL type of a stored TiDB expression is not known.

// arbiterExpr is an expression of the ON CONFLICT target: the translated expression over bare
// column names, its PostgreSQL type and the columns it reads.
type arbiterExpr struct {
	expr ast.ExprNode
	typ  typemap.Type
	cols []string
}

// exprRowAlias names the derived table of one proposed row's values in the expression step.
const exprRowAlias = "_pgtidb_row"

// targetExpr translates expression el of the ON CONFLICT target of tbl; it returns its
// comparable text (indexExprKey) and the expression.
func (t *translator) targetExpr(el *pg_query.Node, tbl *catalog.Table) (string, arbiterExpr, error) {
	params := len(t.paramTypes)
	e, ty, err := t.expr(el, newTableScope("", tbl))
	if err != nil {
		return "", arbiterExpr{}, err
	}
	if len(t.paramTypes) > params || hasSubquery(e) {
		return "", arbiterExpr{}, pgerror.Unsupported("a parameter or subquery in an ON CONFLICT target expression")
	}
	text, err := restorePlain(e)
	if err != nil {
		return "", arbiterExpr{}, err
	}
	key, ok := indexExprKey(text)
	if !ok {
		return "", arbiterExpr{}, pgerror.Unsupported("ON CONFLICT target expression " + text)
	}
	u := &unqualify{}
	e.Accept(u)
	return key, arbiterExpr{expr: e, typ: ty, cols: u.cols}, nil
}

// indexExprKey is the comparable text of a TiDB expression: parsed, column names without
// their table, restored in lower case. The text is only compared, never sent to TiDB; ok is
// false when it does not parse as one expression.
func indexExprKey(text string) (string, bool) {
	stmt, err := parser.New().ParseOneStmt("SELECT "+text, "", "")
	if err != nil {
		return "", false
	}
	sel, ok := stmt.(*ast.SelectStmt)
	if !ok || sel.From != nil || sel.Fields == nil || len(sel.Fields.Fields) != 1 || sel.Fields.Fields[0].Expr == nil {
		return "", false
	}
	e := sel.Fields.Fields[0].Expr
	e.Accept(&unqualify{})
	var sb strings.Builder
	flags := format.RestoreKeyWordLowercase | format.RestoreNameLowercase | format.RestoreNameBackQuotes |
		format.RestoreStringSingleQuotes | format.RestoreStringWithoutCharset
	if err := e.Restore(format.NewRestoreCtx(flags, &sb)); err != nil {
		return "", false
	}
	return sb.String(), true
}

// unqualify drops the table and schema of every column name and lists the names, first
// appearance first.
type unqualify struct{ cols []string }

func (v *unqualify) Enter(n ast.Node) (ast.Node, bool) {
	if c, ok := n.(*ast.ColumnName); ok {
		c.Schema, c.Table = cistr(""), cistr("")
		for _, seen := range v.cols {
			if seen == c.Name.O {
				return n, false
			}
		}
		v.cols = append(v.cols, c.Name.O)
	}
	return n, false
}

func (v *unqualify) Leave(n ast.Node) (ast.Node, bool) { return n, true }

// exactExprKeyType reports whether values of an ON CONFLICT target expression of type ty read
// back as text that compares as TiDB compares them.
func exactExprKeyType(ty typemap.Type) bool {
	return isInt(ty) || ty.OID == typemap.Text || ty.OID == typemap.Varchar || ty.OID == typemap.Bool
}

// matchesTarget reports whether unique key k has exactly the columns want and the
// expressions exprs of the target (as sets).
func matchesTarget(k catalog.UniqueKey, want map[string]bool, exprs map[string]arbiterExpr) bool {
	cols, texts := map[string]bool{}, map[string]bool{}
	for i, c := range k.Columns {
		if c != "" {
			cols[c] = true
			continue
		}
		if i >= len(k.Expressions) {
			return false
		}
		key, ok := indexExprKey(k.Expressions[i])
		if !ok {
			return false
		}
		texts[key] = true
	}
	if len(cols) != len(want) || len(texts) != len(exprs) {
		return false
	}
	for c := range want {
		if !cols[c] {
			return false
		}
	}
	for key := range exprs {
		if !texts[key] {
			return false
		}
	}
	return true
}

// exprSelect is the step computing the expression keys of every proposed row, in row order,
// from the needed values read by the first step.
func (u *upsert) exprSelect(s *upsertState) (ast.StmtNode, []int, error) {
	if s.count == 0 {
		return nil, nil, nil
	}
	sel := newSelect()
	sel.Fields = &ast.FieldList{}
	for r := 0; r < s.count; r++ {
		for _, k := range u.exprKeys {
			row := newSelect()
			row.Fields = &ast.FieldList{}
			for _, name := range k.cols {
				i := u.neededIndex(name)
				lit, err := literal(u.needed[i], s.proposed[r][i])
				if err != nil {
					return nil, nil, err
				}
				row.Fields.Fields = append(row.Fields.Fields, &ast.SelectField{Expr: lit, AsName: cistr(name)})
			}
			inner := newSelect()
			inner.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: keyRead(k, k.expr)}}}
			inner.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: row, AsName: cistr(exprRowAlias)}}}
			sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: &ast.SubqueryExpr{Query: inner}})
		}
	}
	return sel, nil, nil
}

// decodeExprKeys reads the expression step's row (flat: row by row, expression by
// expression) into s.exprValues.
func (u *upsert) decodeExprKeys(s *upsertState, rows []returning.Row) {
	w := len(u.exprKeys)
	if len(rows) != 1 || len(rows[0]) != w*s.count {
		return
	}
	for r := 0; r < s.count; r++ {
		vals := append(returning.Row(nil), rows[0][r*w:(r+1)*w]...)
		_ = normalizeKeyRows(u.exprKeys, []returning.Row{vals}, false)
		s.exprValues = append(s.exprValues, vals)
	}
}

// exprKey is the key column of expression part i of arbiter key, the target's expression
// exprs matched it with: an expression of an exact type (exactExprKeyType), whose columns
// are added to the needed ones (add). exprIndex gives each distinct expression one key.
func (u *upsert) exprKey(key catalog.UniqueKey, i int, exprs map[string]arbiterExpr, exprIndex map[string]int,
	add func(name, why string) error) (keyColumn, error) {
	text := ""
	if i < len(key.Expressions) {
		text, _ = indexExprKey(key.Expressions[i])
	}
	ae, ok := exprs[text]
	if !ok {
		return keyColumn{}, pgerror.Unsupported("INSERT … ON CONFLICT with expression index \"" + key.Name + "\" as arbiter")
	}
	if j, ok := exprIndex[text]; ok {
		return u.exprKeys[j], nil
	}
	if !exactExprKeyType(ae.typ) {
		return keyColumn{}, pgerror.Unsupported("INSERT … ON CONFLICT with an arbiter expression of type " + sqlTypeName(ae.typ))
	}
	for _, c := range ae.cols {
		if err := add(c, "arbiter expression"); err != nil {
			return keyColumn{}, err
		}
	}
	k := keyColumn{name: "_pgtidb_x" + itoa(len(u.exprKeys)), typ: ae.typ, expr: ae.expr, cols: ae.cols}
	exprIndex[text] = len(u.exprKeys)
	u.exprKeys = append(u.exprKeys, k)
	return k, nil
}

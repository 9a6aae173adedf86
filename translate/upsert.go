package translate

import (
	"fmt"
	"strconv"
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

// INSERT … ON CONFLICT is emulated with PostgreSQL's semantics, not with TiDB's INSERT IGNORE
// (which turns every error into a warning) or ON DUPLICATE KEY UPDATE (which fires on any
// unique key, counts an update twice and cannot see a row affected twice). The plan, in the
// transaction the proxy opened:
//
//	collect  SELECT <key values of row 1>, <of row 2>, …      the proposed rows' arbiter and
//	                                                           primary-key values, and every
//	                                                           nextval they call, in row order
//	         (INSERT … SELECT: the query, whose rows come back whole and are inserted as
//	         literals, then one SELECT of the sequence values and defaults of the key
//	         columns it leaves out, one per row)
//	collect  SELECT <row key>, <arbiter columns> FROM t        one per arbiter index: lock and
//	         WHERE (<arbiter columns>) IN (<proposed>) FOR UPDATE  read the conflicting rows
//	collect  SELECT excluded._pgtidb_n FROM t JOIN (<proposed  DO UPDATE … WHERE only: which
//	         rows paired with their conflicting row>) AS excluded ON <row key> WHERE <where>
//	compute  per proposed row, in order: insert, update, skip, or PostgreSQL's 21000 when a
//	         row would be affected a second time
//	exec     INSERT INTO t (…) VALUES <the rows to insert>    the key values as read
//	exec     UPDATE t JOIN (<the updating rows' EXCLUDED values>) AS excluded
//	         ON <row key> SET …                                 DO UPDATE
//	return   SELECT <RETURNING list> FROM t WHERE <row key> IN (…) ORDER BY <row order>
//	         (a table without a primary key: updated rows by _tidb_rowid, inserted ones by
//	         the values of an arbiter they have no NULL in)
//
// That is 2 + (arbiter indexes) round trips, plus one with DO UPDATE … WHERE, one per
// non-empty INSERT/UPDATE and one for RETURNING; steps with nothing to do are skipped.
//
// Race safety: each arbiter's lock read is a (batch) point get on a unique index FOR UPDATE in
// TiDB's pessimistic transaction: the conflicting rows it finds stay locked until the
// transaction ends, so no other session changes or deletes them before the UPDATE. Keys no row
// has are locked by those reads under REPEATABLE READ only (checked: under READ COMMITTED, the
// default, a batch point get neither waits for another transaction's pending insert of the key
// nor locks it). So, like PostgreSQL's speculative insertion, the INSERT is the real test: when
// another transaction inserted an arbiter key in between, the INSERT waits for it (TiDB checks
// unique keys in place in pessimistic transactions) and fails with a duplicate key on the
// arbiter, TiDB undoes the statement, and the executor reruns the plan from the lock reads
// (returning.Step.RetryKeys), which now see the row and take the DO NOTHING / DO UPDATE path.
// A conflict on a unique index that is not an arbiter fails the INSERT or UPDATE with 23505, as
// in PostgreSQL.
//
// Only the arbiter and key values are read back into the proxy, and only for types whose text
// compares as TiDB compares them (exactKeyType: integers; text and varchar under
// utf8mb4_0900_bin: bytes; bool, numeric(p,s), date, timestamp(tz) read cast to the column's
// type, whose text is fixed; uuid; floats read as their double's exact text (floatRead) and
// compared by the canonical text of the stored value, floatKey).
// Every other value stays an expression: the INSERT inserts it, the UPDATE reads it as
// excluded.c — each proposed row is either inserted or used as EXCLUDED, so its expressions
// run once. Subqueries in the VALUES are refused (they would read the table mid-plan).

// UniqueKeyResolver is an optional extension of catalog.Resolver that knows a table's unique
// indexes (ON CONFLICT's arbiters). Without it ON CONFLICT is refused (0A000).
type UniqueKeyResolver interface {
	UniqueKeys(tbl *catalog.Table) ([]catalog.UniqueKey, error)
}

// excludedName is PostgreSQL's name of the proposed row; the plan's derived table of proposed
// rows has that name too. Its extra columns carry the row key and the row's position.
const (
	excludedName    = "excluded"
	excludedKeyCol  = "_pgtidb_k"
	excludedRowCol  = "_pgtidb_n"
	upsertColLimit  = 60000
	upsertNothing   = "n"
	upsertInsertRow = "i"
	upsertUpdateRow = "u"
)

// upsert is the translated ON CONFLICT statement the plan's steps are built from. After
// translation it is only read.
type upsert struct {
	tbl     *catalog.Table
	name    *ast.TableName
	alias   string
	stmt    *ast.InsertStmt
	update  bool
	rowKey  []keyColumn
	arbiter [][]keyColumn
	// indexes are the arbiters' TiDB index names (PRIMARY for the primary key).
	indexes []string
	// needed are the columns whose proposed values the first step reads (row key, arbiter
	// columns, sequence-filled and nextval-calling columns); pos[c] is c's index among
	// stmt.Columns or -1.
	needed []keyColumn
	pos    []int
	// value[r][i] is the expression giving row r's needed column i; valueOrder the
	// parameters of all of them in order.
	value      [][]ast.ExprNode
	valueOrder []int
	// exprKeys are the expression parts of the arbiters (keyColumn.expr), computed by a step
	// of their own from the needed values (exprSelect).
	exprKeys []keyColumn
	// nullChecks are the NOT NULL columns outside needed whose proposed values the first
	// step tests for NULL (after the needed values): PostgreSQL rejects a NULL there even
	// when the row conflicts and is never inserted.
	nullChecks []nullCheck
	// cellOrder[r][j] are the parameters of row r's value j, and rowOrder[r] those of row r's
	// INSERT values (needed columns excluded). Orders are recorded before anything walks the
	// expressions: an ast.Visitor walk replaces the translator's recording markers.
	cellOrder [][][]int
	rowOrder  [][]int
	// excluded are the columns the DO UPDATE reads as excluded.c; excl[r][i] is row r's
	// expression for excluded[i] (nil: the needed value read back) and exclOrder[r] its
	// parameters.
	excluded  []keyColumn
	excl      [][]ast.ExprNode
	exclOrder [][]int
	set       []*ast.Assignment
	setOrder  []int
	where     ast.ExprNode
	whereOrd  []int
	// query is the query of INSERT … SELECT … ON CONFLICT (nil for VALUES), whose rows give
	// the values of cols (the INSERT's columns, then needed columns it leaves to their
	// defaults).
	query ast.StmtNode
	cols  []*catalog.Column
	// extras give the needed columns the query leaves out (a step of their own after the
	// query: NEXTVAL cannot be added to every query shape).
	extras []ast.ExprNode
	// fields are the RETURNING list (nil without one) and from its FROM item.
	fields      []*ast.SelectField
	from        ast.ResultSetNode
	fieldsOrder []int
}

// insertOnConflict plans INSERT … VALUES … ON CONFLICT for the translated INSERT stmt.
func (t *translator) insertOnConflict(n *pg_query.InsertStmt, stmt *ast.InsertStmt, tbl *catalog.Table, targets []*catalog.Column) (*Statement, error) {
	oc := n.GetOnConflictClause()
	u := &upsert{tbl: tbl, stmt: stmt, update: oc.GetAction() == pg_query.OnConflictAction_ONCONFLICT_UPDATE,
		alias: n.GetRelation().GetAlias().GetAliasname()}
	u.name = stmt.Table.TableRefs.Left.(*ast.TableSource).Source.(*ast.TableName)
	for _, list := range stmt.Lists {
		var orders [][]int
		for _, e := range list {
			order, err := t.restoreOrder(e)
			if err != nil {
				return nil, err
			}
			orders = append(orders, order)
		}
		u.cellOrder = append(u.cellOrder, orders)
	}
	keys, exprs, err := t.arbiters(oc, tbl)
	if err != nil {
		return nil, err
	}
	if len(keys) == 0 {
		// No unique index: nothing can conflict.
		if len(n.GetReturningList()) > 0 {
			return t.insertReturning(n, stmt, tbl, targets)
		}
		return t.statement(stmt, "INSERT", KindDML, nil)
	}
	if u.rowKey, err = t.rowKeyOf(tbl, "INSERT … ON CONFLICT", exactKeyType); err != nil {
		return nil, err
	}
	for _, list := range stmt.Lists {
		for _, e := range list {
			if hasSubquery(e) {
				return nil, pgerror.Unsupported("a subquery in the VALUES of INSERT … ON CONFLICT")
			}
		}
	}
	for _, k := range keys {
		if k.Primary {
			u.indexes = append(u.indexes, "PRIMARY")
		} else {
			u.indexes = append(u.indexes, k.Name)
		}
	}
	if err := u.chooseNeeded(t, keys, exprs); err != nil {
		return nil, err
	}
	if stmt.Select != nil {
		if err := u.selectSource(); err != nil {
			return nil, err
		}
	}
	if u.update {
		if err := t.upsertAssignments(oc, u, len(n.GetReturningList()) > 0); err != nil {
			return nil, err
		}
	}
	if len(n.GetReturningList()) > 0 {
		fields, cols, from, err := t.returningList(n.GetReturningList(), n.GetRelation())
		if err != nil {
			return nil, err
		}
		u.fields, u.from = fields, from
		return t.upsertPlan(u, cols)
	}
	return t.upsertPlan(u, nil)
}

// keepsKey reports whether DO UPDATE SET col = val leaves col as it is: val is excluded.col,
// every arbiter has col as a plain column, and equal values of col's type are the same value
// (integers; text, varchar and uuid, which pgtidb stores with a binary NO PAD collation). A
// row updated there conflicted with its proposed row on an arbiter, so both hold the same
// col. Sequelize's upsert assigns every column, the key included.
func (u *upsert) keepsKey(col *catalog.Column, val *pg_query.Node) bool {
	names, star := columnRefFields(val.GetColumnRef())
	if star || len(names) != 2 || names[0] != excludedName || names[1] != col.Name {
		return false
	}
	switch col.Type.OID {
	case typemap.Int2, typemap.Int4, typemap.Int8, typemap.Text, typemap.Varchar, typemap.UUID:
	default:
		return false
	}
	for _, arb := range u.arbiter {
		found := false
		for _, k := range arb {
			found = found || k.expr == nil && k.name == col.Name
		}
		if !found {
			return false
		}
	}
	return len(u.arbiter) > 0
}

// arbiters returns the unique keys ON CONFLICT decides by, as PostgreSQL infers them, and the
// target's expressions by their comparable text (see upsert_expr.go).
func (t *translator) arbiters(oc *pg_query.OnConflictClause, tbl *catalog.Table) ([]catalog.UniqueKey, map[string]arbiterExpr, error) {
	keys, exprs, err := t.arbiterKeys(oc, tbl)
	if err != nil {
		return nil, nil, err
	}
	for _, k := range keys {
		if k.Expression && len(exprs) == 0 {
			return nil, nil, pgerror.Unsupported("INSERT … ON CONFLICT with expression index \"" + k.Name + "\" as arbiter without an ON CONFLICT target naming its expressions")
		}
	}
	return keys, exprs, nil
}

// arbiterKeys is arbiters before the check of expression indexes.
func (t *translator) arbiterKeys(oc *pg_query.OnConflictClause, tbl *catalog.Table) ([]catalog.UniqueKey, map[string]arbiterExpr, error) {
	infer := oc.GetInfer()
	if infer == nil && oc.GetAction() == pg_query.OnConflictAction_ONCONFLICT_UPDATE {
		return nil, nil, pgerror.New(pgerrcode.SyntaxError, "ON CONFLICT DO UPDATE requires inference specification or constraint name").
			WithHint("For example, ON CONFLICT (column_name).")
	}
	ur, ok := t.ctx.Resolver.(UniqueKeyResolver)
	if !ok {
		return nil, nil, pgerror.Unsupported("INSERT … ON CONFLICT without the table's unique indexes")
	}
	all, err := ur.UniqueKeys(tbl)
	if err != nil {
		return nil, nil, err
	}
	var out []catalog.UniqueKey
	switch {
	case infer == nil:
		out = all
	case infer.GetConname() != "":
		name := infer.GetConname()
		for _, k := range all {
			if k.Name == name {
				out = append(out, k)
			}
		}
		if len(out) == 0 {
			kind := ""
			if cr, ok := t.ctx.Resolver.(ConstraintResolver); ok {
				if kind, err = cr.ConstraintType(tbl, name); err != nil {
					return nil, nil, err
				}
			}
			if kind != "" {
				return nil, nil, pgerror.New(pgerrcode.WrongObjectType, "constraint in ON CONFLICT clause has no associated index")
			}
			return nil, nil, pgerror.Newf(pgerrcode.UndefinedObject, "constraint %q for table %q does not exist", name, tbl.Name)
		}
	default:
		want := map[string]bool{}
		exprs := map[string]arbiterExpr{}
		for _, el := range infer.GetIndexElems() {
			ie := el.GetIndexElem()
			if len(ie.GetCollation()) > 0 || len(ie.GetOpclass()) > 0 {
				return nil, nil, pgerror.Unsupported("a collation or operator class in the ON CONFLICT target")
			}
			if ie.GetExpr() != nil {
				key, ae, err := t.targetExpr(ie.GetExpr(), tbl)
				if err != nil {
					return nil, nil, err
				}
				exprs[key] = ae
				continue
			}
			if tbl.Column(ie.GetName()) == nil {
				return nil, nil, pgerror.Newf(pgerrcode.UndefinedColumn, "column %q does not exist", ie.GetName())
			}
			want[ie.GetName()] = true
		}
		if w := infer.GetWhereClause(); w != nil {
			// pgtidb tables have no partial indexes, and PostgreSQL infers a non-partial
			// index whatever the predicate says: the predicate is checked, then has no effect.
			if _, err := t.predicate(w, newTableScope("", tbl), "WHERE"); err != nil {
				return nil, nil, err
			}
		}
		for _, k := range all {
			if matchesTarget(k, want, exprs) {
				out = append(out, k)
			}
		}
		if len(out) == 0 {
			return nil, nil, pgerror.New(pgerrcode.InvalidColumnReference,
				"there is no unique or exclusion constraint matching the ON CONFLICT specification")
		}
		return out, exprs, nil
	}
	return out, nil, nil
}

// exactKey returns column name of tbl as a key column whose values the proxy can compare,
// or 0A000.
func exactKey(tbl *catalog.Table, name, why string) (keyColumn, error) {
	c := tbl.Column(name)
	if c == nil {
		return keyColumn{}, pgerror.Newf(pgerrcode.InternalError, "column %q of %q not in the catalog", name, tbl.Name)
	}
	if !exactKeyType(c.Type) {
		return keyColumn{}, pgerror.Unsupported("INSERT … ON CONFLICT with " + why + " column \"" + name +
			"\" of type " + sqlTypeName(c.Type))
	}
	return keyColumn{name: c.Name, typ: c.Type}, nil
}

// exactKeyType reports whether the proxy reads values of type ty back as text that compares as
// TiDB compares them: integers; text and varchar under utf8mb4_0900_bin (bytes); bool (0/1);
// numeric(p,s) (fixed scale); date and timestamp(tz) (DATETIME, fixed format); uuid (CHAR(36),
// lower case); real and double precision (the exact text of the double, floatRead, made
// canonical by the proxy, floatKey: TiDB compares the stored floats exactly). The proposed
// values are read as the column's type (keyRead).
func exactKeyType(ty typemap.Type) bool {
	switch ty.OID {
	case typemap.Text, typemap.Varchar, typemap.Bool, typemap.Date, typemap.Timestamp, typemap.Timestamptz, typemap.UUID,
		typemap.Float4, typemap.Float8:
		return true
	case typemap.Numeric:
		// Read as DECIMAL(65,30) and rounded in the proxy (numericKey).
		p, s, ok := typemap.NumericPrecisionScale(ty.Typmod)
		return ok && p-s <= 35 && s <= 30
	}
	return isInt(ty)
}

// wideNumeric is the type numeric keys are read as before the proxy rounds them (numericKey).
var wideNumeric = typemap.Type{OID: typemap.Numeric, Typmod: typemap.NumericTypmod(65, 30)}

// numericKey rounds decimal text v to the scale of numeric(p,s) as PostgreSQL does (half away
// from zero) and prints it with that fixed scale, as TiDB prints the stored value; ok is false
// when it does not fit (PostgreSQL's 22003 numeric field overflow) or v is not a decimal.
func numericKey(v []byte, p, s int) ([]byte, bool) {
	t := string(v)
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(strings.TrimPrefix(t, "-"), "+")
	ip, fp, _ := strings.Cut(t, ".")
	if ip == "" && fp == "" || strings.Trim(ip+fp, "0123456789") != "" {
		return v, false
	}
	for len(fp) <= s {
		fp += "0"
	}
	digits := []byte(ip + fp[:s])
	if fp[s] >= '5' {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		} else {
			digits[i]++
		}
	}
	intPart := strings.TrimLeft(string(digits[:len(digits)-s]), "0")
	if len(intPart) > p-s {
		return v, false
	}
	if intPart == "" {
		intPart = "0"
	}
	out := intPart
	if s > 0 {
		out += "." + string(digits[len(digits)-s:])
	}
	if neg && strings.Trim(out, "0.") != "" {
		out = "-" + out
	}
	return []byte(out), true
}

// normalizeKeys rounds the numeric key values of the proposed rows (numericKey; for an
// integer column, roundedInteger) and gives
// their float key values the canonical text of the value the column stores (floatKey); with
// check it returns PostgreSQL's 22003 for a value that does not fit its column.
func (u *upsert) normalizeKeys(rows []returning.Row, check bool) error {
	return normalizeKeyRows(u.needed, rows, check)
}

// normalizeKeyRows is normalizeKeys over rows of values of the key columns keys.
func normalizeKeyRows(keys []keyColumn, rows []returning.Row, check bool) error {
	for i, k := range keys {
		if isInt(k.typ) {
			// A numeric value proposed for an integer column is stored rounded (half away
			// from zero, as TiDB's and PostgreSQL's assignments of a numeric round).
			for _, row := range rows {
				if i < len(row) && row[i] != nil {
					if v, ok := roundedInteger(string(row[i])); ok {
						row[i] = []byte(v)
					}
				}
			}
			continue
		}
		if isFloat(k.typ) {
			for _, row := range rows {
				if i >= len(row) || row[i] == nil {
					continue
				}
				v, err := floatKey(k.typ, row[i])
				if err != nil {
					if check {
						return err
					}
					continue
				}
				row[i] = v
			}
			continue
		}
		p, sc, ok := typemap.NumericPrecisionScale(k.typ.Typmod)
		if k.typ.OID != typemap.Numeric || !ok {
			continue
		}
		for _, row := range rows {
			if i >= len(row) || row[i] == nil {
				continue
			}
			v, ok := numericKey(row[i], p, sc)
			if !ok {
				if check {
					return pgerror.New(pgerrcode.NumericValueOutOfRange, "numeric field overflow").
						WithDetail(fmt.Sprintf("A field with precision %d, scale %d must round to an absolute value less than %s.",
							p, sc, map[bool]string{true: "1", false: "10^" + itoa(p-sc)}[p == sc]))
				}
				continue
			}
			row[i] = v
		}
	}
	return nil
}

// floatKey is the canonical text of the value a float key column of type ty stores for the
// double whose exact text is v (floatRead, storedFloat): Go's shortest text of it, 0 for -0
// (equal in TiDB's and PostgreSQL's comparisons and unique indexes). Two values are the same
// key exactly when their texts are equal. The error is storedFloat's.
func floatKey(ty typemap.Type, v []byte) ([]byte, error) {
	f, err := storedFloat(ty, v)
	if err != nil {
		return v, err
	}
	if f == 0 {
		f = 0
	}
	return strconv.AppendFloat(nil, f, 'g', -1, 64), nil
}

// canonicalRows are rows of values of the key columns keys read from TiDB (keyFields), with
// their float values in floatKey's text; rows itself is not changed.
func canonicalRows(keys []keyColumn, rows []returning.Row) []returning.Row {
	floats := false
	for _, k := range keys {
		floats = floats || isFloat(k.typ)
	}
	if !floats {
		return rows
	}
	out := make([]returning.Row, len(rows))
	for r, row := range rows {
		out[r] = append(returning.Row(nil), row...)
		for j, k := range keys {
			if j < len(row) && row[j] != nil && isFloat(k.typ) {
				if v, err := floatKey(k.typ, row[j]); err == nil {
					out[r][j] = v
				}
			}
		}
	}
	return out
}

// keyRead is proposed value e of key column k as the proxy reads it: cast to the column's type
// where TiDB's text of the value itself could differ from the stored value's (true is 1); a
// numeric is read wide and rounded in the proxy (1.5 in a numeric(4,2) column is 1.50), where
// TiDB's CAST would clip an overflowing value instead of failing.
func keyRead(k keyColumn, e ast.ExprNode) ast.ExprNode {
	switch k.typ.OID {
	case typemap.Numeric:
		return castTo(e, wideNumeric)
	case typemap.Date, typemap.Timestamp, typemap.Timestamptz, typemap.Bool:
		return castTo(e, k.typ)
	case typemap.Float4, typemap.Float8:
		return floatRead(e)
	}
	return e
}

// chooseNeeded picks the columns the plan reads back and the expressions that give them.
func (u *upsert) chooseNeeded(t *translator, keys []catalog.UniqueKey, exprs map[string]arbiterExpr) (err error) {
	index := map[string]int{}
	add := func(name, why string) error {
		if _, ok := index[name]; ok {
			return nil
		}
		k, err := exactKey(u.tbl, name, why)
		if err != nil {
			return err
		}
		index[name] = len(u.needed)
		u.needed = append(u.needed, k)
		return nil
	}
	if u.rowKey[0].name != rowIDColumn {
		for _, k := range u.rowKey {
			if err := add(k.name, "primary key"); err != nil {
				return err
			}
		}
	}
	exprIndex := map[string]int{}
	for _, key := range keys {
		var arb []keyColumn
		for i, c := range key.Columns {
			if c == "" {
				k, err := u.exprKey(key, i, exprs, exprIndex, add)
				if err != nil {
					return err
				}
				arb = append(arb, k)
				continue
			}
			if err := add(c, "arbiter"); err != nil {
				return err
			}
			arb = append(arb, u.needed[index[c]])
		}
		u.arbiter = append(u.arbiter, arb)
	}
	// Columns filled from a sequence, and values calling nextval, are read back so that the
	// sequence advances once per proposed row, conflicting or not, as in PostgreSQL.
	for i := range u.tbl.Columns {
		c := &u.tbl.Columns[i]
		if drawsFrom(c) {
			if err := add(c.Name, "sequence-filled"); err != nil {
				return err
			}
		}
	}
	for _, list := range u.stmt.Lists {
		for j, e := range list {
			if callsSequence(e) {
				if err := add(u.stmt.Columns[j].Name.O, "nextval-calling"); err != nil {
					return err
				}
			}
		}
	}
	u.pos = make([]int, len(u.needed))
	for i, k := range u.needed {
		u.pos[i] = u.columnPos(k.name)
	}
	if len(u.stmt.Lists)*len(u.needed) > upsertColLimit {
		return pgerror.Unsupported("INSERT … ON CONFLICT of more than " + itoa(upsertColLimit/len(u.needed)) + " rows")
	}
	u.value = make([][]ast.ExprNode, len(u.stmt.Lists))
	u.rowOrder = make([][]int, len(u.stmt.Lists))
	defer func() {
		if err == nil {
			err = u.addNullChecks()
		}
	}()
	for r, list := range u.stmt.Lists {
		for i, k := range u.needed {
			e, err := u.proposed(list, u.pos[i], k.name)
			if err != nil {
				return err
			}
			u.value[r] = append(u.value[r], e)
			if u.pos[i] >= 0 && e == list[u.pos[i]] {
				u.valueOrder = append(u.valueOrder, u.cellOrder[r][u.pos[i]]...)
			}
		}
		u.rowOrder[r] = []int{}
		for j := range list {
			if !u.isNeeded(u.stmt.Columns[j].Name.O) {
				u.rowOrder[r] = append(u.rowOrder[r], u.cellOrder[r][j]...)
			}
		}
	}
	return nil
}

// selectSource prepares INSERT … SELECT … ON CONFLICT: the query runs once and its rows come
// back whole (with the needed columns it does not give: sequence values, defaults), to be
// inserted as literals; so every column must be of a type whose text reads back exactly.
func (u *upsert) selectSource() error {
	for _, cn := range u.stmt.Columns {
		u.cols = append(u.cols, u.tbl.Column(cn.Name.O))
	}
	var extras []ast.ExprNode
	for i, k := range u.needed {
		if u.pos[i] >= 0 {
			continue
		}
		e, err := u.proposed(nil, -1, k.name)
		if err != nil {
			return err
		}
		u.cols = append(u.cols, u.tbl.Column(k.name))
		if isFloat(k.typ) {
			e = floatRead(e)
		}
		extras = append(extras, e)
	}
	for _, k := range u.needed {
		if k.typ.OID == typemap.Timestamp || k.typ.OID == typemap.Timestamptz {
			// The query's text of a timestamp has the query's fractional digits, not the column's.
			return pgerror.Unsupported("INSERT … SELECT … ON CONFLICT with key column \"" + k.name + "\" of type " + sqlTypeName(k.typ))
		}
	}
	for _, c := range u.cols {
		if !literalType(c.Type) {
			return pgerror.Unsupported("INSERT … SELECT … ON CONFLICT into column \"" + c.Name + "\" of type " + sqlTypeName(c.Type))
		}
	}
	source, err := readFloatsExactly(u.stmt.Select, u.cols[:len(u.stmt.Columns)], "INSERT … SELECT … ON CONFLICT")
	if err != nil {
		return err
	}
	query, ok := source.(ast.StmtNode)
	if !ok {
		return pgerror.Newf(pgerrcode.InternalError, "INSERT … SELECT: query is a %T", u.stmt.Select)
	}
	u.query, u.extras = query, extras
	return nil
}

// extrasSelect evaluates the extras of every row the query gave, in row order (a sequence
// advances once per row, as PostgreSQL's default does).
func (u *upsert) extrasSelect(s *upsertState) (ast.StmtNode, []int, error) {
	if s.count == 0 {
		return nil, nil, nil
	}
	sel := newSelect()
	sel.Fields = &ast.FieldList{}
	for r := 0; r < s.count; r++ {
		for _, e := range u.extras {
			sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: e})
		}
	}
	return sel, nil, nil
}

// colIndex is the position of column name in the rows of an INSERT … SELECT, or -1.
func (u *upsert) colIndex(name string) int {
	return indexOf(u.cols, func(c *catalog.Column) string { return c.Name }, name)
}

// indexOf is the index of the element of list named name, or -1.
func indexOf[T any](list []T, nameOf func(T) string, name string) int {
	for i, x := range list {
		if nameOf(x) == name {
			return i
		}
	}
	return -1
}

// nullCheck is `value IS NULL` for NOT NULL column col of proposed row row.
type nullCheck struct {
	row  int
	col  string
	expr ast.ExprNode
}

// addNullChecks lists the NOT NULL tests of the proposed rows.
func (u *upsert) addNullChecks() error {
	for r, list := range u.stmt.Lists {
		for i := range u.tbl.Columns {
			c := &u.tbl.Columns[i]
			if !c.NotNull || u.isNeeded(c.Name) {
				continue
			}
			pos := u.columnPos(c.Name)
			if pos < 0 && !c.HasDefault {
				u.nullChecks = append(u.nullChecks, nullCheck{row: r, col: c.Name, expr: ast.NewValueExpr(true, "", "")})
				continue
			}
			if pos < 0 {
				continue // the column's default
			}
			e := list[pos]
			if _, isDefault := e.(*ast.DefaultExpr); isDefault {
				continue
			}
			if v, ok := e.(ast.ValueExpr); ok && v.GetValue() != nil {
				continue
			}
			u.valueOrder = append(u.valueOrder, u.cellOrder[r][pos]...)
			u.nullChecks = append(u.nullChecks, nullCheck{row: r, col: c.Name,
				expr: &ast.IsNullExpr{Expr: paren(e)}})
		}
	}
	return nil
}

// columnPos is the index of column name among the INSERT's columns, or -1.
func (u *upsert) columnPos(name string) int {
	return indexOf(u.stmt.Columns, func(c *ast.ColumnName) string { return c.Name.O }, name)
}

func (u *upsert) isNeeded(name string) bool { return u.neededIndex(name) >= 0 }

// proposed is the expression giving column name of a proposed row whose values are list
// (pos is the column's index in it, or -1): the value, or the column's default.
func (u *upsert) proposed(list []ast.ExprNode, pos int, name string) (ast.ExprNode, error) {
	if pos >= 0 {
		if _, isDefault := list[pos].(*ast.DefaultExpr); !isDefault {
			return list[pos], nil
		}
	}
	c := u.tbl.Column(name)
	switch {
	case drawsFrom(c):
		return defaultNextval(c), nil
	case !c.HasDefault:
		return ast.NewValueExpr(nil, "", ""), nil
	}
	return u.defaultValue(c.Name), nil
}

// defaultValue is the default of column name, evaluated where it is read:
// (SELECT DEFAULT(t.c) FROM (SELECT 1) AS one LEFT JOIN t ON FALSE), one row whatever t holds.
func (u *upsert) defaultValue(name string) ast.ExprNode { return defaultValueOf(u.name, name) }

// defaultValueOf is the default of column name of table tn (see upsert.defaultValue).
func defaultValueOf(tn *ast.TableName, name string) ast.ExprNode {
	one := newSelect()
	one.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: ast.NewValueExpr(int64(1), "", "")}}}
	sel := newSelect()
	sel.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: &ast.DefaultExpr{
		Name: &ast.ColumnName{Table: tn.Name, Name: cistr(name)}}}}}
	sel.From = &ast.TableRefsClause{TableRefs: &ast.Join{
		Left:  &ast.TableSource{Source: one, AsName: cistr("_pgtidb_one")},
		Right: &ast.TableSource{Source: tn}, Tp: ast.LeftJoin,
		On: &ast.OnCondition{Expr: ast.NewValueExpr(false, "", "")}}}
	return &ast.SubqueryExpr{Query: sel}
}

// upsertAssignments translates DO UPDATE SET … WHERE … over the target (under its alias)
// and excluded.
func (t *translator) upsertAssignments(oc *pg_query.OnConflictClause, u *upsert, returningList bool) error {
	sc := newTableScope(u.alias, u.tbl)
	ex := tableRel(excludedName, u.tbl)
	for i := range ex.cols {
		ex.cols[i].notNull = false
	}
	sc.add(ex)
	if u.tbl.Column(excludedKeyCol) != nil || u.tbl.Column(excludedRowCol) != nil {
		return pgerror.Unsupported("INSERT … ON CONFLICT DO UPDATE on a table with a column named " + excludedKeyCol + " or " + excludedRowCol)
	}
	target := u.alias
	if target == "" {
		target = u.tbl.Name
	}
	assigned := map[string]bool{}
	for _, node := range oc.GetTargetList() {
		rt := node.GetResTarget()
		if len(rt.GetIndirection()) > 0 {
			return pgerror.Unsupported("assignment to a field or element of column \"" + rt.GetName() + "\"")
		}
		col := u.tbl.Column(rt.GetName())
		if col == nil {
			return pgerror.Newf(pgerrcode.UndefinedColumn, "column %q of relation %q does not exist", rt.GetName(), u.tbl.Name)
		}
		if assigned[col.Name] {
			return pgerror.Newf(pgerrcode.SyntaxError, "multiple assignments to same column %q", col.Name)
		}
		assigned[col.Name] = true
		if returningList && !u.keepsKey(col, rt.GetVal()) {
			for _, k := range u.rowKey {
				if k.name == col.Name {
					return pgerror.Unsupported("INSERT … ON CONFLICT DO UPDATE … RETURNING that assigns primary key column \"" + k.name + "\"")
				}
			}
		}
		val := rt.GetVal()
		if m := val.GetMultiAssignRef(); m != nil {
			var err error
			if val, err = multiAssignValue(m); err != nil {
				return err
			}
		}
		if col.Identity == 'a' && val.GetSetToDefault() == nil {
			return pgerror.Newf(pgerrcode.GeneratedAlways, "column %q can only be updated to DEFAULT", col.Name).
				WithDetail("Column \"" + col.Name + "\" is an identity column defined as GENERATED ALWAYS.")
		}
		if val.GetSetToDefault() != nil && drawsFrom(col) {
			return pgerror.Unsupported("SET " + col.Name + " = DEFAULT in ON CONFLICT DO UPDATE of a sequence-filled column")
		}
		e, err := t.assignedValue(val, sc, col)
		if err != nil {
			return err
		}
		order, err := t.restoreOrder(e)
		if err != nil {
			return err
		}
		u.setOrder = append(u.setOrder, order...)
		u.set = append(u.set, &ast.Assignment{Column: &ast.ColumnName{Table: cistr(target), Name: cistr(col.Name)}, Expr: e})
	}
	if w := oc.GetWhereClause(); w != nil {
		var err error
		if u.where, err = t.predicate(w, sc, "WHERE"); err != nil {
			return err
		}
		if u.whereOrd, err = t.restoreOrder(u.where); err != nil {
			return err
		}
	}
	// The excluded columns read, and each proposed row's expression for them.
	seen := map[string]bool{}
	v := &excludedRefs{seen: seen}
	for _, a := range u.set {
		a.Expr.Accept(v)
	}
	if u.where != nil {
		u.where.Accept(v)
	}
	for _, c := range u.tbl.Columns {
		if seen[c.Name] {
			u.excluded = append(u.excluded, keyColumn{name: c.Name, typ: c.Type})
		}
	}
	if u.stmt.Select != nil {
		// One template for every row: a column the query gives is read back; another one
		// takes its default.
		u.excl = [][]ast.ExprNode{nil}
		for _, k := range u.excluded {
			var e ast.ExprNode
			if u.columnPos(k.name) < 0 && !u.isNeeded(k.name) {
				var err error
				if e, err = u.proposed(nil, -1, k.name); err != nil {
					return err
				}
			} else if !literalType(k.typ) {
				return pgerror.Unsupported("INSERT … SELECT … ON CONFLICT reading excluded." + k.name + " of type " + sqlTypeName(k.typ))
			}
			u.excl[0] = append(u.excl[0], e)
		}
		return nil
	}
	u.excl = make([][]ast.ExprNode, len(u.stmt.Lists))
	u.exclOrder = make([][]int, len(u.stmt.Lists))
	for r, list := range u.stmt.Lists {
		u.exclOrder[r] = []int{}
		for _, k := range u.excluded {
			var e ast.ExprNode
			if !u.isNeeded(k.name) {
				pos := u.columnPos(k.name)
				var err error
				if e, err = u.proposed(list, pos, k.name); err != nil {
					return err
				}
				if pos >= 0 && e == list[pos] {
					u.exclOrder[r] = append(u.exclOrder[r], u.cellOrder[r][pos]...)
				}
			}
			u.excl[r] = append(u.excl[r], e)
		}
	}
	return nil
}

// restoreOrder restores n and returns the parameters of its markers in order.
func (t *translator) restoreOrder(n ast.Node) ([]int, error) {
	if _, err := t.restore(n); err != nil {
		return nil, err
	}
	return append([]int{}, t.paramOrder...), nil
}

// excludedRefs collects the columns of excluded an expression reads.
type excludedRefs struct{ seen map[string]bool }

func (v *excludedRefs) Enter(n ast.Node) (ast.Node, bool) {
	if c, ok := n.(*ast.ColumnNameExpr); ok && c.Name.Table.L == excludedName {
		v.seen[c.Name.Name.O] = true
	}
	return n, false
}
func (v *excludedRefs) Leave(n ast.Node) (ast.Node, bool) { return n, true }

// exprFinder reports whether an expression contains a node match accepts.
type exprFinder struct {
	match func(ast.Node) bool
	found bool
}

func (v *exprFinder) Enter(n ast.Node) (ast.Node, bool) {
	if v.match(n) {
		v.found = true
		return n, true
	}
	return n, false
}
func (v *exprFinder) Leave(n ast.Node) (ast.Node, bool) { return n, true }

func contains(e ast.ExprNode, match func(ast.Node) bool) bool {
	v := &exprFinder{match: match}
	e.Accept(v)
	return v.found
}

// callsSequence reports whether e calls a function that changes a sequence.
func callsSequence(e ast.ExprNode) bool {
	return contains(e, func(n ast.Node) bool {
		f, ok := n.(*ast.FuncCallExpr)
		return ok && (f.FnName.L == "nextval" || f.FnName.L == "setval")
	})
}

// unwrapParam returns the plain marker of a translator's recording marker (see freezeParams).
func unwrapParam(e ast.ExprNode) ast.ExprNode {
	if p, ok := e.(*paramMarker); ok {
		return p.ParamMarkerExpr
	}
	freezeParams(e)
	return e
}

// freeze makes every shared piece of u safe to restore concurrently.
func (u *upsert) freeze() {
	for _, list := range u.stmt.Lists {
		for j := range list {
			list[j] = unwrapParam(list[j])
		}
	}
	for _, row := range u.value {
		for i := range row {
			row[i] = unwrapParam(row[i])
		}
	}
	for _, row := range u.excl {
		for i := range row {
			if row[i] != nil {
				row[i] = unwrapParam(row[i])
			}
		}
	}
	for _, a := range u.set {
		a.Expr = unwrapParam(a.Expr)
	}
	if u.where != nil {
		u.where = unwrapParam(u.where)
	}
	for _, f := range u.fields {
		f.Expr = unwrapParam(f.Expr)
	}
}

// upsertState is what the steps read, decoded from the collected rows.
type upsertState struct {
	// proposed[r][i] is row r's value of needed column i; nulls[i] the result of
	// nullChecks[i] ("1": NULL).
	proposed []returning.Row
	nulls    returning.Row
	// exprValues[r][j] is row r's value of exprKeys[j].
	exprValues []returning.Row
	// count is the number of proposed rows; rows are the rows of INSERT … SELECT's query.
	count int
	rows  []returning.Row
	// existing[a] are the rows the lock read of arbiter a found: row key, then the arbiter's
	// columns.
	existing [][]returning.Row
	// passed is the set of proposed rows whose DO UPDATE … WHERE held.
	passed map[int]bool
	// decisions: {action, row number, row key…} per inserted or updated proposed row.
	decisions []returning.Row
}

// decode splits the collected rows by step: proposed values, lock reads, WHERE, decisions.
func (u *upsert) decode(all [][]returning.Row) *upsertState {
	s := &upsertState{}
	switch {
	case len(all) == 0:
		return nil
	case u.query != nil:
		s.count = len(all[0])
		base, w := 1, len(u.extras)
		var extra returning.Row
		if w > 0 {
			base = 2
			if len(all) > 1 && len(all[1]) == 1 && len(all[1][0]) == w*s.count {
				extra = all[1][0]
			}
		}
		for r, got := range all[0] {
			if len(got)+w != len(u.cols) {
				return nil
			}
			row := append(append(make(returning.Row, 0, len(u.cols)), got...), make(returning.Row, w)...)
			if extra != nil {
				copy(row[len(got):], extra[r*w:(r+1)*w])
			}
			s.rows = append(s.rows, row)
			p := make(returning.Row, len(u.needed))
			for i, k := range u.needed {
				p[i] = row[u.colIndex(k.name)]
			}
			s.proposed = append(s.proposed, p)
		}
		_ = u.normalizeKeys(s.proposed, false)
		u.decodeSteps(s, all, base)
		return s
	case len(all[0]) != 1:
		return nil
	}
	s.count = len(u.stmt.Lists)
	flat := all[0][0]
	w := len(u.needed)
	if len(flat) != w*len(u.stmt.Lists)+len(u.nullChecks) {
		return nil
	}
	for r := range u.stmt.Lists {
		s.proposed = append(s.proposed, append(returning.Row(nil), flat[r*w:(r+1)*w]...))
	}
	_ = u.normalizeKeys(s.proposed, false)
	s.nulls = flat[w*len(u.stmt.Lists):]
	u.decodeSteps(s, all, 1)
	return s
}

// decodeSteps decodes the lock reads, WHERE results and decisions, from all[i] on.
func (u *upsert) decodeSteps(s *upsertState, all [][]returning.Row, i int) {
	if len(u.exprKeys) > 0 {
		if i < len(all) {
			u.decodeExprKeys(s, all[i])
		}
		i++
	}
	for a := range u.arbiter {
		if i < len(all) {
			keys := append(append([]keyColumn{}, u.rowKey...), u.arbiter[a]...)
			s.existing = append(s.existing, canonicalRows(keys, all[i]))
		}
		i++
	}
	if u.where != nil && i < len(all) {
		s.passed = map[int]bool{}
		for _, row := range all[i] {
			n, _ := strconv.Atoi(string(row[0]))
			s.passed[n] = true
		}
		i++
	}
	if i < len(all) {
		s.decisions = all[i]
	}
}

// keyString is a comparable form of a key's values (nil: a NULL value, no conflict).
func keyString(values []returning.Value) (string, bool) {
	var b []byte
	for _, v := range values {
		if v == nil {
			return "", false
		}
		b = strconv.AppendInt(b, int64(len(v)), 10)
		b = append(b, ':')
		b = append(b, v...)
	}
	return string(b), true
}

// proposedKey is row r's values of arbiter a.
func (u *upsert) proposedKey(s *upsertState, r, a int) []returning.Value {
	var out []returning.Value
	for _, k := range u.arbiter[a] {
		if k.expr != nil {
			var v returning.Value
			if j := indexOf(u.exprKeys, func(e keyColumn) string { return e.name }, k.name); j >= 0 && r < len(s.exprValues) {
				v = s.exprValues[r][j]
			}
			out = append(out, v)
			continue
		}
		for i, n := range u.needed {
			if n.name == k.name {
				out = append(out, s.proposed[r][i])
			}
		}
	}
	return out
}

// conflicts maps, per arbiter, the key of each existing row to its row key.
func (u *upsert) conflicts(s *upsertState) []map[string]returning.Row {
	out := make([]map[string]returning.Row, len(u.arbiter))
	for a := range u.arbiter {
		out[a] = map[string]returning.Row{}
		if a >= len(s.existing) {
			continue
		}
		for _, row := range s.existing[a] {
			if ks, ok := keyString(row[len(u.rowKey):]); ok {
				out[a][ks] = row[:len(u.rowKey)]
			}
		}
	}
	return out
}

// firstConflict is the existing row proposed row r conflicts with, if any.
func (u *upsert) firstConflict(s *upsertState, byKey []map[string]returning.Row, r int) returning.Row {
	for a := range u.arbiter {
		if ks, ok := keyString(u.proposedKey(s, r, a)); ok {
			if row, ok := byKey[a][ks]; ok {
				return row
			}
		}
	}
	return nil
}

// decide is the Compute step: PostgreSQL's per-row outcome, in row order.
func (u *upsert) decide(all [][]returning.Row) ([]returning.Row, error) {
	s := u.decode(all)
	if s == nil {
		return nil, pgerror.New(pgerrcode.InternalError, "ON CONFLICT: proposed rows not read")
	}
	byKey := u.conflicts(s)
	inserted := make([]map[string]bool, len(u.arbiter))
	for a := range inserted {
		inserted[a] = map[string]bool{}
	}
	touched := map[string]bool{}
	var out []returning.Row
	checks := 0
	for r := 0; r < s.count; r++ {
		if u.query != nil {
			for j, c := range u.cols {
				if c.NotNull && s.rows[r][j] == nil {
					return nil, u.notNullViolation(c.Name)
				}
			}
			for i := range u.tbl.Columns {
				if c := &u.tbl.Columns[i]; c.NotNull && !c.HasDefault && u.colIndex(c.Name) < 0 {
					return nil, u.notNullViolation(c.Name)
				}
			}
		}
		for i, k := range u.needed {
			if c := u.tbl.Column(k.name); c.NotNull && s.proposed[r][i] == nil {
				return nil, u.notNullViolation(k.name)
			}
		}
		for ; checks < len(u.nullChecks) && u.nullChecks[checks].row == r; checks++ {
			if string(s.nulls[checks]) == "1" {
				return nil, u.notNullViolation(u.nullChecks[checks].col)
			}
		}
		var existing returning.Row
		mine := false
		for a := range u.arbiter {
			ks, ok := keyString(u.proposedKey(s, r, a))
			if !ok {
				continue
			}
			if inserted[a][ks] {
				mine = true
				break
			}
			if row, ok := byKey[a][ks]; ok {
				existing = row
				break
			}
		}
		switch {
		case (mine || existing != nil) && !u.update:
			continue
		case mine:
			return nil, affectTwice()
		case existing != nil:
			ks, _ := keyString(existing)
			if touched[ks] {
				return nil, affectTwice()
			}
			if u.where != nil && !s.passed[r] {
				continue
			}
			touched[ks] = true
			out = append(out, append(returning.Row{[]byte(upsertUpdateRow), []byte(itoa(r))}, existing...))
		default:
			for a := range u.arbiter {
				if ks, ok := keyString(u.proposedKey(s, r, a)); ok {
					inserted[a][ks] = true
				}
			}
			out = append(out, returning.Row{[]byte(upsertInsertRow), []byte(itoa(r))})
		}
	}
	return out, nil
}

// notNullViolation is PostgreSQL's error for a NULL proposed for NOT NULL column col.
func (u *upsert) notNullViolation(col string) error {
	return pgerror.Newf(pgerrcode.NotNullViolation, "null value in column %q of relation %q violates not-null constraint", col, u.tbl.Name)
}

func affectTwice() error {
	return pgerror.New(pgerrcode.CardinalityViolation, "ON CONFLICT DO UPDATE command cannot affect row a second time").
		WithHint("Ensure that no rows proposed for insertion within the same command have duplicate constrained values.")
}

// literal turns a value read from TiDB into a literal of column k's type (NULL for nil).
func literal(k keyColumn, v returning.Value) (ast.ExprNode, error) {
	if v == nil {
		return ast.NewValueExpr(nil, "", ""), nil
	}
	return keyLiteral(k, v)
}

// proposedSelect is the first step: every needed value of every row, in row order.
func (u *upsert) proposedSelect() *ast.SelectStmt {
	sel := newSelect()
	sel.Fields = &ast.FieldList{}
	for _, row := range u.value {
		for i, e := range row {
			sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: keyRead(u.needed[i], e)})
		}
	}
	for _, c := range u.nullChecks {
		sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: c.expr})
	}
	return sel
}

// lockSelect reads and locks the rows conflicting with the proposed rows on arbiter a.
func (u *upsert) lockSelect(s *upsertState, a int) (ast.StmtNode, error) {
	var tuples []ast.ExprNode
	for r := 0; r < s.count; r++ {
		vals := u.proposedKey(s, r, a)
		if _, ok := keyString(vals); !ok {
			continue
		}
		tup, err := literalTuple(u.arbiter[a], vals)
		if err != nil {
			return nil, err
		}
		tuples = append(tuples, tup)
	}
	if len(tuples) == 0 {
		return nil, nil
	}
	sel := newSelect()
	sel.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{Source: u.name}}}
	sel.Fields = &ast.FieldList{Fields: append(keyFields(u.rowKey), keyFields(u.arbiter[a])...)}
	sel.Where = keyIn(u.arbiter[a], tuples)
	sel.LockInfo = forUpdate()
	return sel, nil
}

// excludedRows is the derived table `excluded` of the given proposed rows, each paired with
// the row key of the row it updates; it returns the parameters of its markers.
func (u *upsert) excludedRows(s *upsertState, rows []int, keys []returning.Row) (ast.ResultSetNode, []int, error) {
	list := &ast.SetOprSelectList{}
	var order []int
	for i, r := range rows {
		sel := newSelect()
		sel.Fields = &ast.FieldList{}
		for j, k := range u.rowKey {
			lit, err := keyLiteral(k, keys[i][j])
			if err != nil {
				return nil, nil, err
			}
			sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: lit, AsName: cistr(excludedKeyCol + itoa(j))})
		}
		sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: ast.NewValueExpr(int64(r), "", ""), AsName: cistr(excludedRowCol)})
		for j, k := range u.excluded {
			var e ast.ExprNode
			var err error
			switch {
			case u.query != nil && u.excl[0][j] != nil:
				e = u.excl[0][j]
			case u.query != nil:
				e, err = valueLiteral(k.typ, s.rows[r][u.colIndex(k.name)])
			case u.excl[r][j] != nil:
				e = u.excl[r][j]
			default:
				e, err = literal(k, s.proposed[r][u.neededIndex(k.name)])
			}
			if err != nil {
				return nil, nil, err
			}
			sel.Fields.Fields = append(sel.Fields.Fields, &ast.SelectField{Expr: e, AsName: cistr(k.name)})
		}
		if i > 0 {
			all := ast.UnionAll
			sel.AfterSetOperator = &all
		}
		list.Selects = append(list.Selects, sel)
		if u.query == nil {
			order = append(order, u.exclOrder[r]...)
		}
	}
	if len(list.Selects) == 1 {
		return &ast.TableSource{Source: list.Selects[0].(*ast.SelectStmt), AsName: cistr(excludedName)}, order, nil
	}
	return &ast.TableSource{Source: &ast.SetOprStmt{SelectList: list}, AsName: cistr(excludedName)}, order, nil
}

func (u *upsert) neededIndex(name string) int {
	return indexOf(u.needed, func(k keyColumn) string { return k.name }, name)
}

// targetJoin is `t [AS alias] JOIN excluded ON <row key> = excluded's key`.
func (u *upsert) targetJoin(excluded ast.ResultSetNode) *ast.TableRefsClause {
	target := u.alias
	if target == "" {
		target = u.tbl.Name
	}
	var on ast.ExprNode
	for j, k := range u.rowKey {
		eq := binop(opcode.EQ, &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(target), Name: cistr(k.name)}},
			&ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(excludedName), Name: cistr(excludedKeyCol + itoa(j))}})
		if on == nil {
			on = eq
		} else {
			on = binop(opcode.LogicAnd, on, eq)
		}
	}
	return &ast.TableRefsClause{TableRefs: &ast.Join{
		Left:  &ast.TableSource{Source: u.name, AsName: cistr(u.alias)},
		Right: excluded, Tp: ast.CrossJoin, On: &ast.OnCondition{Expr: on}}}
}

// whereSelect returns the proposed rows whose DO UPDATE … WHERE holds on the row they
// conflict with.
func (u *upsert) whereSelect(s *upsertState) (ast.StmtNode, []int, error) {
	byKey := u.conflicts(s)
	var rows []int
	var keys []returning.Row
	for r := 0; r < s.count; r++ {
		if row := u.firstConflict(s, byKey, r); row != nil {
			rows, keys = append(rows, r), append(keys, row)
		}
	}
	if len(rows) == 0 {
		return nil, nil, nil
	}
	ex, order, err := u.excludedRows(s, rows, keys)
	if err != nil {
		return nil, nil, err
	}
	sel := newSelect()
	sel.From = u.targetJoin(ex)
	sel.Fields = &ast.FieldList{Fields: []*ast.SelectField{{Expr: &ast.ColumnNameExpr{Name: &ast.ColumnName{Table: cistr(excludedName), Name: cistr(excludedRowCol)}}}}}
	sel.Where = u.where
	return sel, append(order, u.whereOrd...), nil
}

// insertRows is the INSERT of the proposed rows decided for insertion.
func (u *upsert) insertRows(s *upsertState) (ast.StmtNode, []int, error) {
	ins := *u.stmt
	ins.Select = nil
	ins.Columns = append([]*ast.ColumnName{}, u.stmt.Columns...)
	for i, k := range u.needed {
		if u.pos[i] < 0 {
			ins.Columns = append(ins.Columns, &ast.ColumnName{Name: cistr(k.name)})
		}
	}
	ins.Lists = nil
	var order []int
	for _, d := range s.decisions {
		if string(d[0]) != upsertInsertRow {
			continue
		}
		r, _ := strconv.Atoi(string(d[1]))
		if u.query != nil {
			var row []ast.ExprNode
			for j, c := range u.cols {
				lit, err := valueLiteral(c.Type, s.rows[r][j])
				if err != nil {
					return nil, nil, err
				}
				row = append(row, lit)
			}
			ins.Lists = append(ins.Lists, row)
			continue
		}
		row := append(make([]ast.ExprNode, 0, len(ins.Columns)), u.stmt.Lists[r]...)
		for i, k := range u.needed {
			lit, err := literal(k, s.proposed[r][i])
			if err != nil {
				return nil, nil, err
			}
			if u.pos[i] >= 0 {
				row[u.pos[i]] = lit
			} else {
				row = append(row, lit)
			}
		}
		ins.Lists = append(ins.Lists, row)
		order = append(order, u.rowOrder[r]...)
	}
	if len(ins.Lists) == 0 {
		return nil, nil, nil
	}
	return &ins, order, nil
}

// updateRows is the DO UPDATE of the rows decided for update.
func (u *upsert) updateRows(s *upsertState) (ast.StmtNode, []int, error) {
	var rows []int
	var keys []returning.Row
	for _, d := range s.decisions {
		if string(d[0]) == upsertUpdateRow {
			r, _ := strconv.Atoi(string(d[1]))
			rows, keys = append(rows, r), append(keys, d[2:])
		}
	}
	if len(rows) == 0 {
		return nil, nil, nil
	}
	ex, order, err := u.excludedRows(s, rows, keys)
	if err != nil {
		return nil, nil, err
	}
	upd := &ast.UpdateStmt{TableRefs: u.targetJoin(ex), List: u.set, MultipleTable: true}
	return upd, append(order, u.setOrder...), nil
}

// returnRows reads the RETURNING list of the inserted and updated rows, in row order.
func (u *upsert) returnRows(s *upsertState) (ast.StmtNode, []int, error) {
	if u.rowKey[0].name == rowIDColumn {
		return u.returnRowsByArbiter(s)
	}
	var keys []returning.Row
	for _, d := range s.decisions {
		if string(d[0]) == upsertUpdateRow {
			keys = append(keys, d[2:])
			continue
		}
		r, _ := strconv.Atoi(string(d[1]))
		var key returning.Row
		for _, k := range u.rowKey {
			key = append(key, s.proposed[r][u.neededIndex(k.name)])
		}
		keys = append(keys, key)
	}
	sel, err := selectByKeys(u.rowKey, keys, u.fields, u.from, true)
	if sel == nil || err != nil {
		return nil, nil, err
	}
	return sel, append([]int{}, u.fieldsOrder...), nil
}

// returnRowsByArbiter is returnRows on a table without a primary key: an updated row is read
// by its _tidb_rowid (from the lock read), an inserted one by the values of an arbiter whose
// proposed values are all non-NULL (a unique index: that row and no other). A row inserted
// with NULL in every arbiter cannot be told from others: 0A000, and the statement is undone.
func (u *upsert) returnRowsByArbiter(s *upsertState) (ast.StmtNode, []int, error) {
	var conds []ast.ExprNode
	for _, d := range s.decisions {
		if string(d[0]) == upsertUpdateRow {
			lit, err := keyLiteral(u.rowKey[0], d[2])
			if err != nil {
				return nil, nil, err
			}
			conds = append(conds, binop(opcode.EQ, keyRef(u.rowKey[0]), lit))
			continue
		}
		r, _ := strconv.Atoi(string(d[1]))
		var cond ast.ExprNode
		for a, arb := range u.arbiter {
			vals := u.proposedKey(s, r, a)
			if _, ok := keyString(vals); !ok {
				continue
			}
			tup, err := literalTuple(arb, vals)
			if err != nil {
				return nil, nil, err
			}
			cond = binop(opcode.EQ, keyTuple(arb, func(i int) ast.ExprNode { return keyRef(arb[i]) }), tup)
			break
		}
		if cond == nil {
			return nil, nil, pgerror.Unsupported("INSERT … ON CONFLICT … RETURNING into a table without a primary key of a row whose arbiter columns are all NULL")
		}
		conds = append(conds, cond)
	}
	if len(conds) == 0 {
		return nil, nil, nil
	}
	sel := newSelect()
	sel.From = &ast.TableRefsClause{TableRefs: &ast.Join{Left: u.from}}
	sel.Fields = &ast.FieldList{Fields: u.fields}
	order := &ast.CaseExpr{}
	for i, c := range conds {
		if sel.Where == nil {
			sel.Where = c
		} else {
			sel.Where = binop(opcode.LogicOr, sel.Where, c)
		}
		order.WhenClauses = append(order.WhenClauses, &ast.WhenClause{Expr: c, Result: ast.NewValueExpr(int64(i), "", "")})
	}
	if len(conds) > 1 {
		sel.OrderBy = &ast.OrderByClause{Items: []*ast.ByItem{{Expr: order}}}
	}
	return sel, append([]int{}, u.fieldsOrder...), nil
}

// upsertSample is the collected data the golden tests explain the key-dependent steps with:
// sample values for the proposed rows, row 1 conflicting with an existing row on every
// arbiter (its WHERE holding; a lone row of DO NOTHING is new), the others inserted.
func (u *upsert) upsertSample() [][]returning.Row {
	var flat returning.Row
	for r := range u.stmt.Lists {
		for _, k := range u.needed {
			if isInt(k.typ) || isFloat(k.typ) || k.typ.OID == typemap.Bool || k.typ.OID == typemap.Numeric {
				flat = append(flat, []byte(itoa(r+1)))
			} else if k.typ.OID == typemap.Date || k.typ.OID == typemap.Timestamp || k.typ.OID == typemap.Timestamptz {
				flat = append(flat, []byte("2024-01-0"+itoa(r+1)))
			} else {
				flat = append(flat, []byte("k"+itoa(r+1)))
			}
		}
	}
	for range u.nullChecks {
		flat = append(flat, []byte("0"))
	}
	all := [][]returning.Row{{flat}}
	if u.query != nil {
		var rows []returning.Row
		var extra returning.Row
		for r := 0; r < 2; r++ {
			var row returning.Row
			for j, c := range u.cols {
				if j >= len(u.stmt.Columns) {
					extra = append(extra, []byte(itoa(r+1)))
					continue
				}
				if isInt(c.Type) || isFloat(c.Type) || c.Type.OID == typemap.Bool {
					row = append(row, []byte(itoa(r+1)))
				} else {
					row = append(row, []byte("k"+itoa(r+1)))
				}
			}
			rows = append(rows, row)
		}
		all = [][]returning.Row{rows}
		if len(u.extras) > 0 {
			all = append(all, []returning.Row{extra})
		}
	}
	if len(u.exprKeys) > 0 {
		count := len(u.stmt.Lists)
		if u.query != nil {
			count = 2
		}
		var flat returning.Row
		for r := 0; r < count; r++ {
			for _, k := range u.exprKeys {
				if isInt(k.typ) || k.typ.OID == typemap.Bool {
					flat = append(flat, []byte(itoa(r+1)))
				} else {
					flat = append(flat, []byte("x"+itoa(r+1)))
				}
			}
		}
		all = append(all, []returning.Row{flat})
	}
	s := u.decode(all)
	conflict := u.update || s.count > 1
	existingKey := make(returning.Row, len(u.rowKey))
	for j, k := range u.rowKey {
		if i := u.neededIndex(k.name); i >= 0 {
			existingKey[j] = s.proposed[0][i]
		} else {
			existingKey[j] = []byte("1")
		}
	}
	for a := range u.arbiter {
		var rows []returning.Row
		if conflict {
			rows = append(rows, append(append(returning.Row{}, existingKey...), u.proposedKey(s, 0, a)...))
		}
		all = append(all, rows)
	}
	if u.where != nil {
		all = append(all, []returning.Row{{[]byte("0")}})
	}
	var decisions []returning.Row
	for r := 0; r < s.count; r++ {
		if r == 0 && conflict {
			if u.update {
				decisions = append(decisions, append(returning.Row{[]byte(upsertUpdateRow), []byte("0")}, existingKey...))
			}
			continue
		}
		decisions = append(decisions, returning.Row{[]byte(upsertInsertRow), []byte(itoa(r))})
	}
	return append(all, decisions)
}

// upsertPlan assembles the plan's steps (see the comment at the top of this file).
func (t *translator) upsertPlan(u *upsert, cols []Column) (*Statement, error) {
	b := &planBuilder{t: t}
	if u.fields != nil {
		sel := newSelect()
		sel.Fields = &ast.FieldList{Fields: u.fields}
		var err error
		if u.fieldsOrder, err = t.restoreOrder(sel); err != nil {
			return nil, err
		}
	}
	if u.query != nil {
		if err := b.step(returning.Collect, 0, nil, func([]returning.Row) (ast.StmtNode, error) { return u.query, nil }); err != nil {
			return nil, err
		}
		b.plan.Steps[len(b.plan.Steps)-1].Check = func(rows []returning.Row) error {
			var proposed []returning.Row
			for _, row := range rows {
				p := make(returning.Row, len(u.needed))
				for i, k := range u.needed {
					if j := u.colIndex(k.name); j >= 0 && j < len(row) {
						p[i] = row[j]
					}
				}
				proposed = append(proposed, p)
			}
			return u.normalizeKeys(proposed, true)
		}
	} else {
		proposed := u.proposedSelect()
		explain, err := t.restore(proposed)
		if err != nil {
			return nil, err
		}
		b.static = append(b.static, len(b.plan.Steps))
		b.roots = append(b.roots, proposed)
		b.plan.Steps = append(b.plan.Steps, returning.Step{Kind: returning.Collect, Explain: explain, ParamOrder: u.valueOrder,
			Check: func(rows []returning.Row) error {
				if len(rows) != 1 {
					return nil
				}
				w := len(u.needed)
				var proposed []returning.Row
				for r := range u.stmt.Lists {
					if (r+1)*w <= len(rows[0]) {
						proposed = append(proposed, append(returning.Row(nil), rows[0][r*w:(r+1)*w]...))
					}
				}
				return u.normalizeKeys(proposed, true)
			}})
	}
	sample := u.upsertSample()
	// dynamic adds a step built from the collected rows.
	dynamic := func(kind returning.StepKind, known int, build func(s *upsertState) (ast.StmtNode, []int, error)) error {
		node, order, err := build(u.decode(sample[:known]))
		if err != nil {
			return err
		}
		explain := ""
		if node != nil {
			if explain, err = t.restore(node); err != nil {
				return err
			}
		}
		b.roots = append(b.roots, node)
		b.plan.Steps = append(b.plan.Steps, returning.Step{Kind: kind, Explain: explain, ParamOrder: order,
			BuildFrom: func(all [][]returning.Row) (string, []int, error) {
				s := u.decode(all)
				if s == nil || len(all) < known {
					return "", nil, pgerror.New(pgerrcode.InternalError, "ON CONFLICT: plan step out of order")
				}
				n, order, err := build(s)
				if err != nil || n == nil {
					return "", nil, err
				}
				sql, err := restorePlain(n)
				return sql, order, err
			}})
		return nil
	}
	known := 1
	if len(u.extras) > 0 {
		if err := dynamic(returning.Collect, known, u.extrasSelect); err != nil {
			return nil, err
		}
		known++
	}
	if len(u.exprKeys) > 0 {
		if err := dynamic(returning.Collect, known, u.exprSelect); err != nil {
			return nil, err
		}
		known++
	}
	firstLock := known
	for a := range u.arbiter {
		a := a
		err := dynamic(returning.Collect, known, func(s *upsertState) (ast.StmtNode, []int, error) {
			n, err := u.lockSelect(s, a)
			return n, nil, err
		})
		if err != nil {
			return nil, err
		}
		known++
	}
	if u.where != nil {
		if err := dynamic(returning.Collect, known, u.whereSelect); err != nil {
			return nil, err
		}
		known++
	}
	b.plan.Steps = append(b.plan.Steps, returning.Step{Kind: returning.Compute, Compute: u.decide})
	b.roots = append(b.roots, nil)
	known++
	if err := dynamic(returning.Exec, known, u.insertRows); err != nil {
		return nil, err
	}
	// A row another transaction inserted after the lock reads (READ COMMITTED does not lock
	// absent keys) makes the INSERT wait for it and fail on the arbiter: decide again.
	ins := &b.plan.Steps[len(b.plan.Steps)-1]
	ins.RetryKeys, ins.RetryFrom = u.indexes, firstLock
	if u.update {
		if err := dynamic(returning.Exec, known, u.updateRows); err != nil {
			return nil, err
		}
	}
	if u.fields != nil {
		if err := dynamic(returning.Return, known, u.returnRows); err != nil {
			return nil, err
		}
	}
	b.plan.CountExec = u.fields == nil
	u.freeze()
	return b.finish("INSERT", KindDML, cols)
}

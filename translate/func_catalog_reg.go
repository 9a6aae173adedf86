package translate

import (
	"strconv"
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// Object-identifier types: oid, regclass, regtype, regnamespace, regproc.
//
// A reg* value travels through TiDB as its oid (an integer), so that `c.oid = 't'::regclass`
// and joins on oids compare numbers. PostgreSQL prints a reg* value as the object's name; the
// translator turns a reg* result column (and a cast of a reg* value to text) into that name:
//
//   - a constant ('t'::regclass, 'int'::regtype, pg_typeof(x)) is resolved when the statement
//     is translated — the name is remembered with the oid literal (regNames) and printed as
//     PostgreSQL prints it (regclass qualified by its schema unless the search path finds it,
//     names quoted as quote_ident does);
//   - a regtype or regnamespace computed by TiDB is printed through a CASE over the oids
//     pgtidb knows (its built-in types; pg_catalog, public and the schemas of the database);
//   - a regclass computed by TiDB cannot be named without the pg_class emulation and is
//     refused (0A000).

// relationRef is a relation a constant regclass names (translator.regTables).
type relationRef = catalog.Table

// regName remembers that the oid literal e names an object printed as name.
func (t *translator) regName(e ast.ExprNode, name string) ast.ExprNode {
	if t.regNames == nil {
		t.regNames = map[ast.ExprNode]string{}
	}
	t.regNames[e] = name
	return e
}

// regRelation remembers that the oid literal e is the regclass of tbl, printed as name.
func (t *translator) regRelation(e ast.ExprNode, name string, tbl *catalog.Table) ast.ExprNode {
	if t.regTables == nil {
		t.regTables = map[ast.ExprNode]*relationRef{}
	}
	t.regTables[e] = tbl
	return t.regName(e, name)
}

// regInput reads s as the input function of oid type to (oidin, regclassin, regtypein,
// regnamespacein) and returns the oid literal.
func (t *translator) regInput(s string, to typemap.Type) (ast.ExprNode, error) {
	trimmed := strings.TrimSpace(s)
	if n, err := strconv.ParseInt(trimmed, 10, 64); err == nil {
		// A number is the oid itself (oidin; the reg* types accept it too).
		if n < -2147483648 || n > 4294967295 {
			return nil, pgerror.Newf(pgerrcode.NumericValueOutOfRange, "value %q is out of range for type oid", s)
		}
		if n < 0 {
			n += 1 << 32
		}
		e := intLit(n)
		if to.OID == typemap.RegType {
			if info := typemap.Lookup(typemap.OID(n)); info != nil {
				t.regName(e, info.SQLName)
			}
		}
		if n == 0 && to.OID != typemap.Oid {
			t.regName(e, "-")
		}
		return e, nil
	}
	switch to.OID {
	case typemap.Oid:
		return nil, invalidInput("oid", s)
	case typemap.RegType:
		ty, err := parseTypeString(s)
		if err != nil {
			return nil, err
		}
		return t.regName(intLit(int64(ty.OID)), sqlTypeName(ty)), nil
	case typemap.RegClass:
		if e, ok, err := t.catalogRegclass(s); ok || err != nil {
			return e, err
		}
		tbl, display, err := t.lookupRegclass(s)
		if err != nil {
			if e, ok, ierr := t.indexRegclass(s); ok || ierr != nil { // regclass_index.go
				return e, ierr
			}
			return nil, err
		}
		return t.regRelation(intLit(int64(catalog.RelationOID(tbl.Database, tbl.Name))), display, tbl), nil
	case typemap.RegNamespace:
		names, err := parseQualifiedName(s)
		if err != nil {
			return nil, err
		}
		if len(names) != 1 {
			return nil, pgerror.New(pgerrcode.InvalidName, "invalid name syntax")
		}
		if err := t.checkSchemaExists(names[0]); err != nil {
			return nil, err
		}
		return t.regName(intLit(int64(catalog.NamespaceOID(t.ctx.Database, names[0]))), quoteIdent(names[0])), nil
	case typemap.RegProc:
		return t.regprocInput(s) // regproc.go
	}
	return nil, pgerror.Unsupported("literal of type " + sqlTypeName(to))
}

// checkSchemaExists raises PostgreSQL's 3F000 for a schema that does not exist.
func (t *translator) checkSchemaExists(schema string) error {
	switch schema {
	case "pg_catalog", "information_schema", catalog.PublicSchema:
		return nil
	}
	sr, ok := t.ctx.Resolver.(SchemaResolver)
	if !ok {
		return pgerror.Unsupported("schema lookup without a schema resolver")
	}
	_, exists, err := sr.SchemaIsEmpty(schema)
	if err != nil {
		return err
	}
	if !exists {
		return pgerror.Newf(pgerrcode.InvalidSchemaName, "schema %q does not exist", schema)
	}
	return nil
}

// lookupRegclass resolves a relation name as regclassin does, with the name regclassout
// prints for it.
func (t *translator) lookupRegclass(s string) (*catalog.Table, string, error) {
	names, err := parseQualifiedName(s)
	if err != nil {
		return nil, "", err
	}
	var schema, name string
	switch len(names) {
	case 1:
		name = names[0]
	case 2:
		schema, name = names[0], names[1]
	case 3:
		if names[0] != t.ctx.Database {
			return nil, "", pgerror.Newf(pgerrcode.FeatureNotSupported, "cross-database references are not implemented: %s", s)
		}
		schema, name = names[1], names[2]
	default:
		return nil, "", pgerror.Newf(pgerrcode.SyntaxError, "improper relation name (too many dotted names): %s", s)
	}
	if schema == "pg_catalog" || schema == "information_schema" || schema == "" && strings.HasPrefix(name, "pg_") {
		return nil, "", pgerror.Unsupported("regclass of a system catalog relation")
	}
	tbl, err := t.ctx.Resolver.LookupTable(schema, name)
	if err != nil {
		return nil, "", err
	}
	if tbl == nil {
		if schema != "" {
			if _, ok := t.ctx.Resolver.(SchemaResolver); ok {
				if err := t.checkSchemaExists(schema); err != nil {
					return nil, "", err
				}
			}
			return nil, "", pgerror.Newf(pgerrcode.UndefinedTable, "relation \"%s.%s\" does not exist", schema, name)
		}
		return nil, "", pgerror.Newf(pgerrcode.UndefinedTable, "relation %q does not exist", name)
	}
	display := quoteIdent(tbl.Name)
	if schema != "" {
		visible, err := t.ctx.Resolver.LookupTable("", tbl.Name)
		if err != nil {
			return nil, "", err
		}
		if visible == nil || visible.Database != tbl.Database {
			display = quoteIdent(tbl.Schema) + "." + display
		}
	}
	return tbl, display, nil
}

// parseTypeString reads a type name as regtypein does ('int', 'character varying(10)',
// 'pg_catalog.int4'), through PostgreSQL's grammar.
func parseTypeString(s string) (typemap.Type, error) {
	bad := pgerror.Newf(pgerrcode.UndefinedObject, "type %q does not exist", s)
	tree, err := pg_query.Parse("SELECT NULL::" + s)
	if err != nil || len(tree.GetStmts()) != 1 {
		return typemap.Type{}, pgerror.Newf(pgerrcode.SyntaxError, "invalid type name %q", s)
	}
	sel := tree.GetStmts()[0].GetStmt().GetSelectStmt()
	if sel == nil || len(sel.GetTargetList()) != 1 || sel.GetFromClause() != nil || sel.GetWhereClause() != nil {
		return typemap.Type{}, pgerror.Newf(pgerrcode.SyntaxError, "invalid type name %q", s)
	}
	tc := sel.GetTargetList()[0].GetResTarget().GetVal().GetTypeCast()
	if tc == nil || tc.GetArg().GetAConst() == nil || !tc.GetArg().GetAConst().GetIsnull() {
		return typemap.Type{}, pgerror.Newf(pgerrcode.SyntaxError, "invalid type name %q", s)
	}
	ty, _, err := castType(tc.GetTypeName())
	if err != nil {
		if pe, ok := pgerror.As(err); ok && pe.Code == pgerrcode.UndefinedObject {
			return typemap.Type{}, bad
		}
		return typemap.Type{}, err
	}
	ty.Typmod = -1
	return ty, nil
}

// isOIDType is oid or one of the reg* types: all travel as integers.
func isOIDType(ty typemap.Type) bool { return ty.OID == typemap.Oid || typemap.IsRegType(ty.OID) }

// convertOID is an explicit cast to or from oid and the reg* types; ok is false when neither
// side is one of them.
func (t *translator) convertOID(e ast.ExprNode, from, to typemap.Type) (ast.ExprNode, bool, error) {
	if !isOIDType(to) && !isOIDType(from) {
		return nil, false, nil
	}
	switch {
	case isOIDType(to) && isUnknown(from):
		if isNullLit(e) {
			return e, true, nil
		}
		if _, ok := isParam(e); ok {
			if !isOIDType(to) || typemap.IsRegType(to.OID) {
				return nil, true, pgerror.Unsupported("parameters of type " + sqlTypeName(to))
			}
			t.coerce(e, from, to)
			return e, true, nil
		}
		s, _ := literalString(e)
		out, err := t.regInput(s, to)
		return out, true, err
	case isOIDType(to) && (isOIDType(from) || isInt(from)):
		if v, ok := intValue(e); ok && from.OID != to.OID {
			// A constant keeps its name when it becomes another reg* type only if it is known.
			if v < 0 {
				v += 1 << 32
			}
			out := intLit(v)
			if v == 0 && to.OID != typemap.Oid {
				t.regName(out, "-")
			}
			if to.OID == typemap.RegType {
				if info := typemap.Lookup(typemap.OID(v)); info != nil {
					t.regName(out, info.SQLName)
				}
			}
			if name, ok := t.regNames[e]; ok && to.OID == from.OID {
				t.regName(out, name)
			}
			return out, true, nil
		}
		if isInt(from) {
			// int4 → oid reinterprets negative values as unsigned.
			return caseWhen(e, binop(opcode.LT, e, intLit(0)), binop(opcode.Plus, e, intLit(1<<32))), true, nil
		}
		return e, true, nil
	case isOIDType(from) && (to.OID == typemap.Int8 || to.OID == typemap.Int4 && from.OID != typemap.Oid || to.OID == typemap.Oid):
		if to.OID == typemap.Int4 {
			return caseWhen(e, binop(opcode.GT, e, intLit(2147483647)), binop(opcode.Minus, e, intLit(1<<32))), true, nil
		}
		return e, true, nil
	case isOIDType(from) && to.OID == typemap.Int4:
		return caseWhen(e, binop(opcode.GT, e, intLit(2147483647)), binop(opcode.Minus, e, intLit(1<<32))), true, nil
	case isOIDType(from) && (to.OID == typemap.Text || to.OID == typemap.Varchar || to.OID == typemap.Name):
		txt, err := t.oidText(e, from, false)
		return txt, true, err
	case isOIDType(to) && isString(from):
		if oid, ok := t.serialSeqOIDs[e]; ok && (to.OID == typemap.RegClass || to.OID == typemap.Oid) {
			return oid, true, nil // a computed pg_get_serial_sequence: its sequence (func_serial.go)
		}
		return nil, true, pgerror.Unsupported("cast of a non-constant string to " + sqlTypeName(to))
	}
	return nil, true, pgerror.Newf(pgerrcode.CannotCoerce, "cannot cast type %s to %s", sqlTypeName(from), sqlTypeName(to))
}

// oidText is the text output of a value of oid or a reg* type.
// A computed regclass can only be printed (output): its name is formatted by typemap.
func (t *translator) oidText(e ast.ExprNode, ty typemap.Type, output bool) (ast.ExprNode, error) {
	if isNullLit(e) {
		return e, nil
	}
	if ty.OID == typemap.Oid {
		return castTo(e, of(typemap.Text)), nil
	}
	if name, ok := t.regNames[e]; ok {
		return strLit(name), nil
	}
	switch ty.OID {
	case typemap.RegType:
		// Every type pgtidb knows, by oid (FIELD finds its position, ELT its name); PostgreSQL
		// prints other oids as numbers.
		oids := []ast.ExprNode{e, intLit(0)}
		names := []ast.ExprNode{nil, strLit("-")}
		for _, info := range typemap.Scalars() {
			oids = append(oids, intLit(int64(info.OID)))
			names = append(names, strLit(info.SQLName))
			if arr := typemap.ArrayOf(info.OID); arr != 0 {
				oids = append(oids, intLit(int64(arr)))
				names = append(names, strLit(formatTypeName(arr, -1, false)))
			}
		}
		names[0] = funcCall("FIELD", oids...)
		return funcCall("IFNULL", funcCall("ELT", names...), castTo(e, of(typemap.Text))), nil
	case typemap.RegProc:
		return regprocText(e), nil // regproc.go
	}
	if ty.OID == typemap.RegClass || ty.OID == typemap.RegNamespace {
		if output {
			return t.relationDisplay(e, ty)
		}
		return t.relationText(e, ty)
	}
	return nil, pgerror.Unsupported("text of a computed " + sqlTypeName(ty) + " value")
}

// displayRegColumns makes the result columns of a top-level SELECT print reg* values as names.
func (t *translator) displayRegColumns(q *queryResult) error {
	for i := range q.cols {
		c := &q.cols[i]
		if !typemap.IsRegType(c.typ.OID) {
			continue
		}
		if c.field == nil {
			return pgerror.Unsupported(sqlTypeName(c.typ) + " columns of set operations")
		}
		e, err := t.oidText(c.field.Expr, c.typ, true)
		if err != nil {
			return err
		}
		keepOIDOrder(q.node, i, c.name, c.field.Expr)
		c.field.Expr = e
		if c.field.AsName.O == "" {
			c.field.AsName = cistr(c.name)
		}
	}
	return nil
}

// keepOIDOrder makes ORDER BY items that name result column i (by position or by its name)
// sort on the column's oid, as PostgreSQL sorts reg* values, not on the name it is printed as.
func keepOIDOrder(node ast.ResultSetNode, i int, name string, oid ast.ExprNode) {
	sel, ok := node.(*ast.SelectStmt)
	if !ok || sel.OrderBy == nil {
		return
	}
	for _, item := range sel.OrderBy.Items {
		if n, ok := intValue(item.Expr); ok && int(n) == i+1 {
			item.Expr = oid
		}
		if cn, ok := item.Expr.(*ast.ColumnNameExpr); ok && cn.Name.Table.O == "" && cn.Name.Name.O == name {
			item.Expr = oid
		}
	}
}

package translate

import (
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// System information and catalog functions whose answer pgtidb knows without reading the
// pg_catalog emulation: the session (backend pid, schemas on the search path), the type
// registry (format_type, pg_type_is_visible), PostgreSQL's encoding table, privileges (every
// pgtidb user is a superuser: has_*_privilege is true for objects that exist), and relation
// sizes from TiDB's information_schema.TABLES (DATA_LENGTH, INDEX_LENGTH — TiDB's estimates,
// not PostgreSQL's page counts).

func init() {
	for name, h := range map[string]funcHandler{
		"pg_backend_pid":         fnBackendPID,
		"current_schemas":        fnCurrentSchemas,
		"format_type":            fnFormatType,
		"pg_get_userbyid":        fnGetUserByID,
		"has_table_privilege":    fnHasPrivilege(privTable),
		"has_schema_privilege":   fnHasPrivilege(privSchema),
		"has_database_privilege": fnHasPrivilege(privDatabase),
		"pg_encoding_to_char":    fnEncodingToChar,
		"pg_size_pretty":         fnSizePretty,
		"obj_description":        fnObjDescription,
		"col_description":        fnColDescription,
		"shobj_description":      fnNoObject("shobj_description", 2, typemap.Oid, typemap.Name), // COMMENT ON DATABASE / ROLE is refused
		"pg_table_is_visible":    fnTableIsVisible,
		"pg_type_is_visible":     fnTypeIsVisible,
		"to_regclass":            fnToRegclass,
		"pg_relation_size":       fnRelationSize("pg_relation_size"),
		"pg_table_size":          fnRelationSize("pg_table_size"),
		"pg_total_relation_size": fnRelationSize("pg_total_relation_size"),
	} {
		functions[name] = h
	}
}

// fnBackendPID is pg_backend_pid(): the process id pgtidb announced in BackendKeyData.
func fnBackendPID(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if _, _, err := t.args("pg_backend_pid", fc, sc, 0); err != nil {
		return nil, typemap.Type{}, err
	}
	if t.ctx.BackendPID == 0 {
		return nil, typemap.Type{}, pgerror.Unsupported("pg_backend_pid() outside a session")
	}
	// The pid is the session's, not part of the translation-cache key.
	if err := t.markUncacheable(); err != nil {
		return nil, typemap.Type{}, err
	}
	return intLit(int64(t.ctx.BackendPID)), of(typemap.Int4), nil
}

// fnCurrentSchemas is current_schemas(include_implicit): the existing schemas of search_path
// as name[], with pg_catalog first when include_implicit is true and the path does not name it.
func fnCurrentSchemas(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args := fc.GetArgs()
	if len(args) != 1 {
		return nil, typemap.Type{}, t.undefinedFunction("current_schemas", args, sc)
	}
	e, ty, err := t.expr(args[0], sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if e, ty, err = t.coerce(e, ty, of(typemap.Bool)); err != nil {
		return nil, typemap.Type{}, err
	}
	if ty.OID != typemap.Bool {
		return nil, typemap.Type{}, t.undefinedFunction("current_schemas", args, sc)
	}
	schemas, err := t.searchPathSchemas()
	if err != nil {
		return nil, typemap.Type{}, err
	}
	build := func(implicit bool) ast.ExprNode {
		var names []ast.ExprNode
		if implicit && !containsString(schemas, "pg_catalog") {
			names = append(names, strLit("pg_catalog"))
		}
		for _, n := range schemas {
			names = append(names, strLit(n))
		}
		out, _ := t.knownArray(of(typemap.Name), names) // name elements always have a JSON form
		return out
	}
	arrTy := of(typemap.NameArray)
	if isNullLit(e) {
		return nullLit(), arrTy, nil
	}
	if c := args[0].GetAConst(); c != nil && c.GetBoolval() != nil {
		return build(c.GetBoolval().GetBoolval()), arrTy, nil
	}
	if s, ok := constantString(args[0]); ok {
		if b, ok := parseBool(s); ok {
			return build(b), arrTy, nil
		}
	}
	return caseWhen(build(false), e, build(true)), arrTy, nil
}

// catalogArgs translates the arguments of a catalog function against its signature: an
// untyped literal takes the argument's type, oid arguments accept integers and the reg* types;
// a call that matches no signature is PostgreSQL's 42883. Absent trailing arguments are
// allowed down to minArgs.
func (t *translator) catalogArgs(name string, fc *pg_query.FuncCall, sc *scope, minArgs int, want ...typemap.OID) ([]ast.ExprNode, error) {
	args := fc.GetArgs()
	if len(args) < minArgs || len(args) > len(want) {
		return nil, t.undefinedFunction(name, args, sc)
	}
	out := make([]ast.ExprNode, len(args))
	for i, n := range args {
		e, ty, err := t.expr(n, sc)
		if err != nil {
			return nil, err
		}
		if e, ty, err = t.coerce(e, ty, of(want[i])); err != nil {
			return nil, err
		}
		var ok bool
		switch w := of(want[i]); {
		case isOIDType(w):
			ok = isOIDType(ty) || isInt(ty)
		case isInt(w):
			ok = isInt(ty)
		case isString(w):
			ok = isString(ty)
		default:
			ok = ty.OID == w.OID
		}
		if !ok {
			return nil, t.undefinedFunction(name, args, sc)
		}
		out[i] = e
	}
	return out, nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fnFormatType is format_type(type_oid, typemod): the type's SQL name with its modifier, for
// the types pgtidb knows; '???' for other oids, as PostgreSQL prints an unknown oid.
func fnFormatType(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, err := t.catalogArgs("format_type", fc, sc, 2, typemap.Oid, typemap.Int4)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	oid, mod := args[0], args[1]
	text := of(typemap.Text)
	if isNullLit(oid) {
		return nullLit(), text, nil
	}
	// Constants are formatted here.
	if o, ok := intValue(oid); ok {
		if isNullLit(mod) {
			return strLit(formatTypeName(typemap.OID(o), -1, false)), text, nil
		}
		if m, ok := intValue(mod); ok {
			return strLit(formatTypeName(typemap.OID(o), int32(m), true)), text, nil
		}
	}
	if !simpleOperand(oid) || !simpleOperand(mod) {
		return nil, typemap.Type{}, pgerror.Unsupported("format_type of computed arguments")
	}
	var whens []ast.ExprNode
	for _, info := range typemap.Scalars() {
		whens = append(whens, binop(opcode.EQ, oid, intLit(int64(info.OID))), t.formatTypeExpr(info.OID, mod))
		if arr := typemap.ArrayOf(info.OID); arr != 0 && info.OID != typemap.Int2Vector && info.OID != typemap.OIDVector {
			whens = append(whens, binop(opcode.EQ, oid, intLit(int64(arr))),
				funcCall("CONCAT", t.formatTypeExpr(info.OID, mod), strLit("[]")))
		}
	}
	return caseWhen(strLit("???"), whens...), text, nil
}

// formatTypeName is format_type for constant arguments; given is false for a NULL typemod.
func formatTypeName(oid typemap.OID, typmod int32, given bool) string {
	if oid == 0 {
		return "-"
	}
	if elem, ok := typemap.ArrayElem(oid); ok && oid != typemap.Int2Vector && oid != typemap.OIDVector {
		return formatTypeName(elem, typmod, given) + "[]"
	}
	info := typemap.Lookup(oid)
	if info == nil {
		return "???"
	}
	if oid == typemap.BPChar && given && typmod < 0 {
		return "bpchar"
	}
	if !given {
		typmod = -1
	}
	return typemap.Type{OID: oid, Typmod: typmod}.String()
}

// formatTypeExpr is format_type(oid, mod) for a known oid and a typmod computed by TiDB.
func (t *translator) formatTypeExpr(oid typemap.OID, mod ast.ExprNode) ast.ExprNode {
	info := typemap.Lookup(oid)
	plain := strLit(info.SQLName)
	modText := func(e ast.ExprNode) ast.ExprNode { return castTo(e, of(typemap.Text)) }
	switch oid {
	case typemap.Varchar, typemap.BPChar:
		withMod := funcCall("CONCAT", strLit(info.SQLName+"("), modText(binop(opcode.Minus, mod, intLit(4))), strLit(")"))
		noMod := plain
		if oid == typemap.BPChar {
			noMod = caseWhen(strLit("bpchar"), isNull(mod, false), plain)
		}
		return caseWhen(noMod, binop(opcode.GE, mod, intLit(4)), withMod)
	case typemap.Numeric:
		m := binop(opcode.Minus, mod, intLit(4))
		return caseWhen(plain, binop(opcode.GE, mod, intLit(4)), funcCall("CONCAT", strLit("numeric("),
			modText(binop(opcode.And, binop(opcode.RightShift, m, intLit(16)), intLit(0xffff))), strLit(","),
			modText(binop(opcode.And, m, intLit(0xffff))), strLit(")")))
	case typemap.Time, typemap.Timestamp, typemap.Timestamptz:
		base, zone, _ := strings.Cut(info.SQLName, " ")
		return caseWhen(plain, binop(opcode.GE, mod, intLit(0)),
			funcCall("CONCAT", strLit(base+"("), modText(mod), strLit(") "+zone)))
	}
	return plain
}

// fnGetUserByID is pg_get_userbyid(role_oid): pgtidb's roles are the bootstrap superuser
// (oid 10), the session's user, and pg_database_owner (6171), the owner of schema public; other
// oids print as PostgreSQL prints an unknown role.
func fnGetUserByID(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, err := t.catalogArgs("pg_get_userbyid", fc, sc, 1, typemap.Oid)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	e := args[0]
	if err := t.markUncacheable(); err != nil {
		return nil, typemap.Type{}, err
	}
	name := of(typemap.Name)
	if v, ok := intValue(e); ok {
		if v == 10 {
			return strLit(t.ctx.User), name, nil
		}
		if v == pgDatabaseOwner {
			return strLit("pg_database_owner"), name, nil
		}
		return strLit("unknown (OID=" + itoa(int(v)) + ")"), name, nil
	}
	if isNullLit(e) {
		return e, name, nil
	}
	return caseWhen(funcCall("CONCAT", strLit("unknown (OID="), castTo(e, of(typemap.Text)), strLit(")")),
		binop(opcode.EQ, e, intLit(10)), strLit(t.ctx.User),
		binop(opcode.EQ, e, intLit(pgDatabaseOwner)), strLit("pg_database_owner")), name, nil
}

// pgDatabaseOwner is the oid of role pg_database_owner, the owner of schema public (pg_roles).
const pgDatabaseOwner = 6171

type privObject int

const (
	privTable privObject = iota
	privSchema
	privDatabase
)

var privNames = map[privObject][]string{
	privTable:    {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"},
	privSchema:   {"CREATE", "USAGE"},
	privDatabase: {"CREATE", "CONNECT", "TEMPORARY", "TEMP"},
}

// fnHasPrivilege is has_table_privilege, has_schema_privilege and has_database_privilege in
// their ([user,] object, privilege) forms with constant arguments: true for an object that
// exists (the session's user is a superuser), PostgreSQL's errors for a missing object or
// role and for an unknown privilege.
func fnHasPrivilege(kind privObject) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		args := fc.GetArgs()
		if len(args) != 2 && len(args) != 3 {
			return nil, typemap.Type{}, t.undefinedFunction(name, args, sc)
		}
		exprs := make([]ast.ExprNode, len(args))
		types := make([]typemap.Type, len(args))
		for i, a := range args {
			e, ty, err := t.expr(a, sc)
			if err != nil {
				return nil, typemap.Type{}, err
			}
			exprs[i], types[i] = e, ty
		}
		for i := range exprs {
			if isNullLit(exprs[i]) {
				return nullLit(), of(typemap.Bool), nil
			}
		}
		priv, obj := len(args)-1, len(args)-2
		if len(args) == 3 {
			user, ok := literalString(exprs[0])
			if !ok || !isUnknown(types[0]) && !isString(types[0]) {
				return nil, typemap.Type{}, pgerror.Unsupported(name + " with a non-constant role")
			}
			if err := t.markUncacheable(); err != nil {
				return nil, typemap.Type{}, err
			}
			if user != t.ctx.User && !strings.EqualFold(user, "public") {
				return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedObject, "role %q does not exist", user)
			}
		}
		privText, ok := literalString(exprs[priv])
		if !ok || !isUnknown(types[priv]) && !isString(types[priv]) {
			return nil, typemap.Type{}, pgerror.Unsupported(name + " with a non-constant privilege")
		}
		objName, isText := literalString(exprs[obj])
		var exists ast.ExprNode // for an object named by an oid TiDB computes
		if !isText || !isUnknown(types[obj]) && !isString(types[obj]) {
			_, known := t.regNames[exprs[obj]]
			switch {
			case known && kind == privTable && types[obj].OID == typemap.RegClass:
				objName, isText = "", false
			case isOIDType(types[obj]) || isInt(types[obj]):
				// True for an object that exists, NULL for an oid of none (PostgreSQL's rule).
				var err error
				if exists, err = t.oidExists(map[privObject]string{privTable: "pg_class", privSchema: "pg_namespace",
					privDatabase: "pg_database"}[kind], exprs[obj]); err != nil {
					return nil, typemap.Type{}, err
				}
				objName, isText = "", false
			default:
				return nil, typemap.Type{}, pgerror.Unsupported(name + " of a non-constant object name")
			}
		}
		if isText {
			switch kind {
			case privTable:
				if _, _, err := t.lookupRegclass(objName); err != nil {
					return nil, typemap.Type{}, err
				}
			case privSchema:
				names, err := parseQualifiedName(objName)
				if err != nil {
					return nil, typemap.Type{}, err
				}
				if len(names) != 1 {
					return nil, typemap.Type{}, pgerror.New(pgerrcode.InvalidName, "invalid name syntax")
				}
				if err := t.checkSchemaExists(names[0]); err != nil {
					return nil, typemap.Type{}, err
				}
			case privDatabase:
				if objName != t.ctx.Database {
					return nil, typemap.Type{}, pgerror.Unsupported("privileges on a database other than the session's")
				}
			}
		}
		if err := checkPrivileges(privText, kind); err != nil {
			return nil, typemap.Type{}, err
		}
		if exists != nil {
			return caseWhen(nullLit(), exists, boolLit(true)), of(typemap.Bool), nil
		}
		return boolLit(true), of(typemap.Bool), nil
	}
}

// checkPrivileges validates a privilege list as PostgreSQL's convert_*_priv_string does.
func checkPrivileges(list string, kind privObject) error {
	for _, item := range strings.Split(list, ",") {
		p := strings.TrimSpace(item)
		upper := strings.ToUpper(p)
		upper = strings.TrimSuffix(upper, " WITH GRANT OPTION")
		found := false
		for _, name := range privNames[kind] {
			if upper == name {
				found = true
			}
		}
		if !found {
			return pgerror.Newf(pgerrcode.InvalidParameterValue, "unrecognized privilege type: %q", p)
		}
	}
	return nil
}

// encodingNames is PostgreSQL's pg_enc2name table (encoding ids 0–41).
var encodingNames = []string{"SQL_ASCII", "EUC_JP", "EUC_CN", "EUC_KR", "EUC_TW", "EUC_JIS_2004", "UTF8",
	"MULE_INTERNAL", "LATIN1", "LATIN2", "LATIN3", "LATIN4", "LATIN5", "LATIN6", "LATIN7", "LATIN8", "LATIN9",
	"LATIN10", "WIN1256", "WIN1258", "WIN866", "WIN874", "KOI8R", "WIN1251", "WIN1252", "ISO_8859_5",
	"ISO_8859_6", "ISO_8859_7", "ISO_8859_8", "WIN1250", "WIN1253", "WIN1254", "WIN1255", "WIN1257", "KOI8U",
	"SJIS", "BIG5", "GBK", "UHC", "GB18030", "JOHAB", "SHIFT_JIS_2004"}

// fnEncodingToChar is pg_encoding_to_char(encoding): the encoding's name, ” for an invalid id.
func fnEncodingToChar(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.args("pg_encoding_to_char", fc, sc, 1, argInt)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	name := of(typemap.Name)
	if v, ok := intValue(args[0]); ok {
		if v >= 0 && v < int64(len(encodingNames)) {
			return strLit(encodingNames[v]), name, nil
		}
		return strLit(""), name, nil
	}
	if isNullLit(args[0]) {
		return args[0], name, nil
	}
	var list []ast.ExprNode
	for _, n := range encodingNames {
		list = append(list, strLit(n))
	}
	idx := binop(opcode.Plus, args[0], intLit(1))
	return caseWhen(strLit(""), isNull(args[0], false), nullLit(),
		binop(opcode.LogicAnd, binop(opcode.GE, args[0], intLit(0)), binop(opcode.LT, args[0], intLit(int64(len(encodingNames))))),
		funcCall("ELT", append([]ast.ExprNode{idx}, list...)...)), name, nil
}

// fnSizePretty is pg_size_pretty(bigint | numeric): bytes below 10240, then kB, MB, GB, TB and
// PB, each unit used below 20480 of it, rounded half away from zero as PostgreSQL 15 does.
func fnSizePretty(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, tys, err := t.args("pg_size_pretty", fc, sc, 1, argNumber)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	x := args[0]
	if isFloat(tys[0]) {
		return nil, typemap.Type{}, t.undefinedFunction("pg_size_pretty", fc.GetArgs(), sc)
	}
	if !simpleOperand(x) {
		return nil, typemap.Type{}, pgerror.Unsupported("pg_size_pretty of a computed value")
	}
	numeric := tys[0].OID == typemap.Numeric
	abs := func(e ast.ExprNode) ast.ExprNode { return funcCall("ABS", e) }
	// scaled is the size divided by 2^bits, truncated toward zero.
	scaled := func(bits int) ast.ExprNode {
		if numeric {
			return funcCall("TRUNCATE", binop(opcode.Div, x, intLit(int64(1)<<bits)), intLit(0))
		}
		return binop(opcode.IntDiv, x, intLit(int64(1)<<bits))
	}
	halfRounded := func(e ast.ExprNode) ast.ExprNode {
		if numeric {
			return funcCall("ROUND", binop(opcode.Div, e, intLit(2)), intLit(0))
		}
		return binop(opcode.IntDiv, binop(opcode.Plus, e, caseWhen(intLit(1), binop(opcode.LT, e, intLit(0)), intLit(-1))), intLit(2))
	}
	text := func(e ast.ExprNode, unit string) ast.ExprNode {
		return funcCall("CONCAT", castTo(e, of(typemap.Text)), strLit(" "+unit))
	}
	whens := []ast.ExprNode{isNull(x, false), nullLit(), binop(opcode.LT, abs(x), intLit(10*1024)), text(x, "bytes")}
	units := []string{"kB", "MB", "GB", "TB", "PB"}
	for i, u := range units {
		s := scaled(9 + 10*i)
		if i == len(units)-1 {
			return caseWhen(text(halfRounded(s), u), whens...), of(typemap.Text), nil
		}
		whens = append(whens, binop(opcode.LT, abs(s), intLit(20*1024-1)), text(halfRounded(s), u))
	}
	return nil, typemap.Type{}, nil
}

// fnTableIsVisible is pg_table_is_visible(oid): whether the search path finds the relation
// under its bare name — decided here for a constant regclass, by TiDB over the pg_class
// emulation for a computed oid (relationVisible).
func fnTableIsVisible(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args := fc.GetArgs()
	if len(args) != 1 {
		return nil, typemap.Type{}, t.undefinedFunction("pg_table_is_visible", args, sc)
	}
	e, ty, err := t.expr(args[0], sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if isNullLit(e) {
		return e, of(typemap.Bool), nil
	}
	if name, ok := t.regNames[e]; ok && ty.OID == typemap.RegClass {
		return boolLit(!strings.Contains(name, ".") || strings.HasPrefix(name, `"`) && strings.HasSuffix(name, `"`) && !strings.Contains(name, `"."`)), of(typemap.Bool), nil
	}
	if !isOIDType(ty) && !isInt(ty) {
		return nil, typemap.Type{}, t.undefinedFunction("pg_table_is_visible", args, sc)
	}
	vis, err := t.relationVisible(e) // over the pg_class emulation (catalog_rel.go)
	return vis, of(typemap.Bool), err
}

// fnTypeIsVisible is pg_type_is_visible(oid): every type pgtidb knows is in pg_catalog, which
// is always searched; NULL for other oids (no such type).
func fnTypeIsVisible(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, err := t.catalogArgs("pg_type_is_visible", fc, sc, 1, typemap.Oid)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	e := args[0]
	var known []ast.ExprNode
	for _, info := range typemap.Scalars() {
		known = append(known, intLit(int64(info.OID)))
		if arr := typemap.ArrayOf(info.OID); arr != 0 {
			known = append(known, intLit(int64(arr)))
		}
	}
	return caseWhen(nullLit(), &ast.PatternInExpr{Expr: e, List: known}, boolLit(true)), of(typemap.Bool), nil
}

// fnToRegclass is to_regclass(text) for a constant name: the relation's oid, NULL when there
// is no such relation.
func fnToRegclass(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, _, err := t.args("to_regclass", fc, sc, 1, argText)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	rc := of(typemap.RegClass)
	if isNullLit(args[0]) {
		return args[0], rc, nil
	}
	s, ok := literalString(args[0])
	if !ok {
		return nil, typemap.Type{}, pgerror.Unsupported("to_regclass of a non-constant name")
	}
	tbl, display, err := t.lookupRegclass(s)
	if err != nil {
		if pe, ok := pgerror.As(err); ok && (pe.Code == pgerrcode.UndefinedTable || pe.Code == pgerrcode.InvalidSchemaName) {
			return nullLit(), rc, nil
		}
		return nil, typemap.Type{}, err
	}
	return t.regRelation(intLit(int64(catalog.RelationOID(tbl.Database, tbl.Name))), display, tbl), rc, nil
}

// fnRelationSize is pg_relation_size, pg_table_size and pg_total_relation_size of a relation
// named by a constant regclass: TiDB's estimates from information_schema.TABLES (DATA_LENGTH,
// plus INDEX_LENGTH for the total), which differ from PostgreSQL's page counts.
func fnRelationSize(name string) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		args := fc.GetArgs()
		if len(args) != 1 {
			return nil, typemap.Type{}, pgerror.Unsupported(name + " with a fork name")
		}
		e, ty, err := t.expr(args[0], sc)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if isUnknown(ty) {
			if e, ty, err = t.coerce(e, ty, of(typemap.RegClass)); err != nil {
				return nil, typemap.Type{}, err
			}
		}
		if isNullLit(e) {
			return e, of(typemap.Int8), nil
		}
		if !isOIDType(ty) {
			return nil, typemap.Type{}, t.undefinedFunction(name, args, sc)
		}
		tbl := t.regTables[e]
		if tbl == nil {
			e, err := t.computedRelationSize(name, e) // relation_size.go
			return e, of(typemap.Int8), err
		}
		col := func(c string) ast.ExprNode {
			return &ast.ColumnNameExpr{Name: &ast.ColumnName{Name: cistr(c)}}
		}
		size := funcCall("IFNULL", col("DATA_LENGTH"), intLit(0))
		if name == "pg_total_relation_size" {
			size = funcCall("IFNULL", binop(opcode.Plus, size, funcCall("IFNULL", col("INDEX_LENGTH"), intLit(0))), intLit(0))
		}
		if tbl.View {
			return intLit(0), of(typemap.Int8), nil
		}
		sel := &ast.SelectStmt{
			SelectStmtOpts: &ast.SelectStmtOpts{SQLCache: true},
			Kind:           ast.SelectStmtKindSelect,
			Fields:         &ast.FieldList{Fields: []*ast.SelectField{{Expr: castTo(size, of(typemap.Int8))}}},
			From: &ast.TableRefsClause{TableRefs: &ast.Join{Left: &ast.TableSource{
				Source: &ast.TableName{Schema: cistr("information_schema"), Name: cistr("TABLES")}}}},
			Where: and(binop(opcode.EQ, col("TABLE_SCHEMA"), strLit(tbl.Database)),
				binop(opcode.EQ, col("TABLE_NAME"), strLit(tbl.Name))),
		}
		return &ast.SubqueryExpr{Query: sel}, of(typemap.Int8), nil
	}
}

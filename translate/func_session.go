package translate

import (
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/compat"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// Session information functions: what they return is known to pgtidb at translation time
// (the session's database, search path, user and settings, the argument's type), so they
// become constants. Those whose value is not part of the proxy's translation-cache key (the
// user, settings other than search_path) need Statement.Uncacheable; see markUncacheable.

// versionString is what version() returns: PostgreSQL's format, so that clients parsing the
// major version keep working, naming pgtidb and TiDB.
const versionString = "PostgreSQL 15.0 on pgtidb (PostgreSQL wire protocol endpoint for TiDB), 64-bit"

func init() {
	for name, h := range map[string]funcHandler{
		"pg_typeof":        fnPgTypeof,
		"current_database": fnConstantName(func(t *translator) string { return t.ctx.Database }),
		"current_catalog":  fnConstantName(func(t *translator) string { return t.ctx.Database }),
		"current_schema":   fnCurrentSchema,
		"version":          fnVersion,
		"pg_sleep":         fnPgSleep,
		"current_setting":  fnCurrentSetting,
		"set_config":       fnSetConfig,
	} {
		functions[name] = h
	}
}

// fnPgTypeof is pg_typeof(x): x's type as a regtype constant, printed as format_type prints
// it without a modifier ('integer', 'character varying', 'unknown'). The argument is translated (so it
// must be valid) but not evaluated, which only matters for volatile arguments.
func fnPgTypeof(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if len(fc.GetArgs()) != 1 {
		return nil, typemap.Type{}, t.undefinedFunction("pg_typeof", fc.GetArgs(), sc)
	}
	e, ty, err := t.expr(fc.GetArgs()[0], sc)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if i, ok := isParam(e); ok && isUnknown(t.paramType(i)) {
		return nil, typemap.Type{}, pgerror.Newf(pgerrcode.IndeterminateDatatype,
			"could not determine data type of parameter $%d", i+1)
	}
	oid := ty.OID
	if isUnknown(ty) {
		oid = typemap.Unknown
	}
	info := typemap.Lookup(oid)
	if info == nil {
		return nil, typemap.Type{}, pgerror.Unsupported("pg_typeof of type oid " + itoa(int(ty.OID)))
	}
	// A regtype constant: its oid, printed as the type's name (func_catalog_reg.go).
	return t.regName(intLit(int64(oid)), info.SQLName), of(typemap.RegType), nil
}

// fnConstantName is a function without arguments whose value pgtidb knows (type name).
func fnConstantName(value func(t *translator) string) funcHandler {
	return func(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
		name, _ := funcName(fc)
		if _, _, err := t.args(name, fc, sc, 0); err != nil {
			return nil, typemap.Type{}, err
		}
		return strLit(value(t)), of(typemap.Name), nil
	}
}

func fnVersion(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if _, _, err := t.args("version", fc, sc, 0); err != nil {
		return nil, typemap.Type{}, err
	}
	return strLit(versionString), of(typemap.Text), nil
}

// fnCurrentSchema is current_schema(): the first schema of search_path that exists ("$user"
// stands for the session user's schema), NULL when none does.
func fnCurrentSchema(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if _, _, err := t.args("current_schema", fc, sc, 0); err != nil {
		return nil, typemap.Type{}, err
	}
	schemas, err := t.searchPathSchemas()
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if len(schemas) == 0 {
		return nullLit(), of(typemap.Name), nil
	}
	return strLit(schemas[0]), of(typemap.Name), nil
}

// searchPathSchemas lists the schemas of search_path that exist, in order ("$user" stands for
// the session user's schema). The search path and the catalog are part of the proxy's cache
// key. Without a Setting reader the session uses PostgreSQL's default path, so public;
// existence is checked through SchemaResolver when the resolver has it.
func (t *translator) searchPathSchemas() ([]string, error) {
	path := `"$user", public`
	if t.ctx.Setting != nil {
		if v, ok := t.ctx.Setting("search_path"); ok {
			path = v
		}
	}
	sr, _ := t.ctx.Resolver.(SchemaResolver)
	var out []string
	for _, item := range splitSearchPath(path) {
		if item == "$user" {
			if t.ctx.User == "" || sr == nil {
				continue
			}
			// The schema named after the user only counts when it exists; when it does, the
			// result depends on the user, which is not part of the translation-cache key.
			_, exists, err := sr.SchemaIsEmpty(t.ctx.User)
			if err != nil {
				return nil, err
			}
			if !exists {
				continue
			}
			if err := t.markUncacheable(); err != nil {
				return nil, err
			}
			item = t.ctx.User
		}
		if item == "pg_catalog" || item == "information_schema" {
			out = append(out, item)
			continue
		}
		if item == "pg_temp" {
			continue
		}
		if sr == nil {
			if item == catalog.PublicSchema {
				out = append(out, item)
				continue
			}
			return nil, pgerror.Unsupported("search_path schemas other than public without a schema resolver")
		}
		_, ok, err := sr.SchemaIsEmpty(item)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, item)
		}
	}
	return out, nil
}

// splitSearchPath splits a search_path setting into schema names: comma-separated,
// double-quoted names kept verbatim, unquoted names folded to lower case.
func splitSearchPath(path string) []string {
	var out []string
	for _, part := range strings.Split(path, ",") {
		p := strings.TrimSpace(part)
		if p == "" {
			continue
		}
		if len(p) >= 2 && p[0] == '"' && p[len(p)-1] == '"' {
			out = append(out, strings.ReplaceAll(p[1:len(p)-1], `""`, `"`))
			continue
		}
		out = append(out, strings.ToLower(p))
	}
	return out
}

// fnPgSleep is pg_sleep(seconds): TiDB's SLEEP, which rejects NULL and negative values that
// PostgreSQL treats as no wait. The result is void, whose text is the empty string (not
// NULL: pg_sleep(1) IS NULL is false); pg_sleep(NULL) is NULL.
func fnPgSleep(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, tys, err := t.args("pg_sleep", fc, sc, 1, argFloat)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	x := args[0]
	if tys[0].OID == typemap.Numeric || isInt(tys[0]) {
		x = castTo(x, of(typemap.Float8))
	}
	if isNullLit(args[0]) {
		return nullLit(), of(typemap.Void), nil
	}
	sleep := funcCall("SLEEP", funcCall("IFNULL", funcCall("GREATEST", x, intLit(0)), intLit(0)))
	return funcCall("IF", isNull(sleep, false), nullLit(), funcCall("IF", isNull(x, false), nullLit(), strLit(""))),
		of(typemap.Void), nil
}

// fnCurrentSetting is current_setting(name [, missing_ok]) with constant arguments: the
// setting's value as SHOW shows it, read when the statement is translated — so the
// translation must not be cached (markUncacheable). An unknown setting is 42704 unless
// missing_ok, then NULL.
func fnCurrentSetting(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args := fc.GetArgs()
	if len(args) < 1 || len(args) > 2 {
		return nil, typemap.Type{}, t.undefinedFunction("current_setting", args, sc)
	}
	name, ok := constantString(args[0])
	if !ok {
		if _, _, err := t.args("current_setting", fc, sc, 1, argText, argAny); err != nil {
			return nil, typemap.Type{}, err
		}
		return nil, typemap.Type{}, pgerror.Unsupported("current_setting with a non-constant name")
	}
	missingOK := false
	if len(args) == 2 {
		c := args[1].GetAConst()
		switch {
		case c != nil && c.GetBoolval() != nil:
			missingOK = c.GetBoolval().GetBoolval()
		default:
			s, isStr := constantString(args[1])
			b, isBool := parseBool(s)
			if !isStr || !isBool {
				return nil, typemap.Type{}, pgerror.Unsupported("current_setting with a non-constant missing_ok")
			}
			missingOK = b
		}
	}
	if t.ctx.Setting != nil && !strings.Contains(name, ".") {
		// Parameters without a dot are the server's own: whether one exists does not depend
		// on the session, so an unknown one fails (or is NULL) without reading the session.
		if _, found := t.ctx.Setting(strings.ToLower(name)); !found {
			if missingOK {
				return nullLit(), of(typemap.Text), nil
			}
			return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedObject, "unrecognized configuration parameter %q", name)
		}
	}
	if err := t.markUncacheable(); err != nil {
		return nil, typemap.Type{}, err
	}
	if t.ctx.Setting == nil {
		return nil, typemap.Type{}, pgerror.Unsupported("current_setting without session settings")
	}
	v, found := t.ctx.Setting(strings.ToLower(name))
	if !found {
		if missingOK {
			return nullLit(), of(typemap.Text), nil
		}
		return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedObject, "unrecognized configuration parameter %q", name)
	}
	return strLit(v), of(typemap.Text), nil
}

// markUncacheable records that the translation depends on session state outside the proxy's
// cache key (Statement.Uncacheable). The translator does not carry that flag yet (translator.go
// needs a field that finish copies into the Statement); until it does, translations that need
// it are refused rather than cached with a stale value.
func (t *translator) markUncacheable() error {
	t.uncacheable = true
	return nil
}

// SetConfig is one set_config(name, value, is_local) call of a statement: the proxy applies it
// as SET (or SET LOCAL) once the statement has run without error.
type SetConfig struct {
	Name, Value string
	Local       bool
}

// setConfigCall is a set_config call met while translating, checked by checkSetConfig.
type setConfigCall struct {
	fc *pg_query.FuncCall
	SetConfig
}

// fnSetConfig is set_config(name, value, is_local) with constant arguments. Its value is the
// setting's new value as SHOW shows it; the change itself is a side effect the proxy applies
// after the statement (Statement.SetConfig), so the call must be evaluated exactly once: it is
// accepted only as a select-list entry of a SELECT without FROM, WHERE, GROUP BY, HAVING,
// ORDER BY, LIMIT, DISTINCT, WITH or set operation whose other select-list entries are
// set_config calls or constants — anything else could read the setting before or after the
// change in an order pgtidb would not reproduce (checkSetConfig).
func fnSetConfig(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	args, tys, err := t.args("set_config", fc, sc, 3, argText, argText, argAny)
	if err != nil {
		return nil, typemap.Type{}, err
	}
	if args[2], tys[2], err = t.coerce(args[2], tys[2], of(typemap.Bool)); err != nil {
		return nil, typemap.Type{}, err
	}
	if tys[2].OID != typemap.Bool {
		return nil, typemap.Type{}, t.undefinedFunction("set_config", fc.GetArgs(), sc)
	}
	if isNullLit(args[0]) {
		return nil, typemap.Type{}, pgerror.New(pgerrcode.NullValueNotAllowedDataException, "SET requires parameter name")
	}
	name, ok1 := literalString(args[0])
	value, ok2 := literalString(args[1])
	local, ok3 := boolValue(args[2])
	if isNullLit(args[1]) {
		value, ok2 = "", true
	}
	if !ok1 || !ok2 || !ok3 {
		return nil, typemap.Type{}, pgerror.Unsupported("set_config with non-constant arguments")
	}
	key := strings.ToLower(name)
	g := compat.LookupGUC(key)
	shown := value
	switch {
	case g == nil && !strings.Contains(key, "."):
		return nil, typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedObject, "unrecognized configuration parameter %q", name)
	case g == nil:
	case g.ReadOnly:
		return nil, typemap.Type{}, pgerror.Newf(pgerrcode.CantChangeRuntimeParam, "parameter %q cannot be changed", g.Name)
	default:
		if shown, err = g.Normalize(value); err != nil {
			return nil, typemap.Type{}, err
		}
	}
	t.setConfigs = append(t.setConfigs, setConfigCall{fc: fc, SetConfig: SetConfig{Name: key, Value: value, Local: local}})
	return strLit(shown), of(typemap.Text), nil
}

// boolValue returns the value of a boolean literal expression.
func boolValue(e ast.ExprNode) (bool, bool) {
	if v, ok := intValue(e); ok {
		return v != 0, true
	}
	return false, false
}

// checkSetConfig refuses set_config where the statement could evaluate it more or less than
// once, and returns the changes to apply.
func (t *translator) checkSetConfig(node *pg_query.Node) ([]SetConfig, error) {
	refuse := pgerror.Unsupported("set_config outside a SELECT list made of set_config calls and constants")
	sel := node.GetSelectStmt()
	if sel == nil || len(sel.GetFromClause()) > 0 || sel.GetWhereClause() != nil || len(sel.GetGroupClause()) > 0 ||
		sel.GetHavingClause() != nil || len(sel.GetSortClause()) > 0 || sel.GetLimitCount() != nil ||
		sel.GetLimitOffset() != nil || len(sel.GetDistinctClause()) > 0 || sel.GetWithClause() != nil ||
		len(sel.GetValuesLists()) > 0 || sel.GetOp() != pg_query.SetOperation_SETOP_NONE || len(sel.GetWindowClause()) > 0 ||
		len(sel.GetLockingClause()) > 0 || sel.GetIntoClause() != nil {
		return nil, refuse
	}
	for _, target := range sel.GetTargetList() {
		v := target.GetResTarget().GetVal()
		if fc := v.GetFuncCall(); fc != nil {
			if name, _ := funcName(fc); name == "set_config" {
				continue
			}
		}
		if v.GetAConst() == nil {
			return nil, refuse
		}
	}
	var out []SetConfig
	for _, call := range t.setConfigs {
		direct := false
		for _, target := range sel.GetTargetList() {
			if target.GetResTarget().GetVal().GetFuncCall() == call.fc {
				direct = true
			}
		}
		if !direct {
			return nil, refuse
		}
		out = append(out, call.SetConfig)
	}
	return out, nil
}

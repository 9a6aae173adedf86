package translate

import (
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/catalog"
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
	} {
		functions[name] = h
	}
}

// fnPgTypeof is pg_typeof(x): the name of x's type as format_type prints it without a
// modifier ('integer', 'character varying', 'unknown'). The argument is translated (so it
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
	name := "unknown"
	if !isUnknown(ty) {
		info := typemap.Lookup(ty.OID)
		if info == nil {
			return nil, typemap.Type{}, pgerror.Unsupported("pg_typeof of type oid " + itoa(int(ty.OID)))
		}
		name = info.SQLName
	}
	return strLit(name), of(typemap.RegType), nil
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
// stands for the session user's schema), NULL when none does. The search path and the catalog
// are part of the proxy's cache key. Without a Setting reader the session uses PostgreSQL's
// default path, so public; existence is checked through SchemaResolver when the resolver has it.
func fnCurrentSchema(t *translator, fc *pg_query.FuncCall, sc *scope) (ast.ExprNode, typemap.Type, error) {
	if _, _, err := t.args("current_schema", fc, sc, 0); err != nil {
		return nil, typemap.Type{}, err
	}
	path := `"$user", public`
	if t.ctx.Setting != nil {
		if v, ok := t.ctx.Setting("search_path"); ok {
			path = v
		}
	}
	sr, _ := t.ctx.Resolver.(SchemaResolver)
	for _, item := range splitSearchPath(path) {
		if item == "$user" {
			if t.ctx.User == "" || sr == nil {
				continue
			}
			// The schema named after the user only counts when it exists; when it does, the
			// result depends on the user, which is not part of the translation-cache key.
			_, exists, err := sr.SchemaIsEmpty(t.ctx.User)
			if err != nil {
				return nil, typemap.Type{}, err
			}
			if !exists {
				continue
			}
			if err := t.markUncacheable(); err != nil {
				return nil, typemap.Type{}, err
			}
			item = t.ctx.User
		}
		if item == "pg_catalog" || item == "information_schema" || item == "pg_temp" {
			return strLit(item), of(typemap.Name), nil
		}
		if sr == nil {
			if item == catalog.PublicSchema {
				return strLit(item), of(typemap.Name), nil
			}
			return nil, typemap.Type{}, pgerror.Unsupported("current_schema with a search_path other than public")
		}
		_, ok, err := sr.SchemaIsEmpty(item)
		if err != nil {
			return nil, typemap.Type{}, err
		}
		if ok {
			return strLit(item), of(typemap.Name), nil
		}
	}
	return nullLit(), of(typemap.Name), nil
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

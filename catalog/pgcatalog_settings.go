package catalog

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/pgtidb/pgtidb/compat"
)

// pg_settings: one row per configuration parameter pgtidb knows (compat) that PostgreSQL 15
// lists there, with PostgreSQL's unit, category, descriptions, context, type, bounds and enum
// values (settingRows, dumped by catalog/internal/gencatalog). The session-dependent columns
// come from the session's own parameters when the emulation is instantiated
// (EmulationEnv.Setting), so a translation reading pg_settings is not cached
// (DependsOnSession):
//
//   - setting: the current value in the parameter's base unit, as PostgreSQL shows it there
//     (work_mem 4MB is 4096 in kB, statement_timeout 1s is 1000 in ms);
//   - source: "default" while the value is pgtidb's default, "session" once it differs — a
//     value set in the startup packet shows "session" where PostgreSQL says "client", and
//     pgtidb has no configuration file (KNOWN_GAPS.md);
//   - boot_val and reset_val: pgtidb's default.
//
// sourcefile and sourceline are NULL (no configuration file), pending_restart false.

// settingRow is the part of a pg_settings row that does not depend on the session.
type settingRow struct {
	Name, Unit, Category, ShortDesc, ExtraDesc, Context, Vartype, MinVal, MaxVal string
	EnumVals                                                                     []string
}

func init() {
	pgCatalogEmulations["pg_settings"] = `SELECT name, pgtidb_setting(name) AS setting, NULLIF(unit, '') AS unit, category,
			short_desc, NULLIF(extra_desc, '') AS extra_desc, context, vartype, pgtidb_setting_source(name) AS source,
			NULLIF(min_val, '') AS min_val, NULLIF(max_val, '') AS max_val,
			IF(JSON_TYPE(enumvals) = 'NULL', NULL, enumvals) AS enumvals, boot_val, boot_val AS reset_val,
			NULL AS sourcefile, NULL AS sourceline, 0 AS pending_restart
		FROM (SELECT JSON_UNQUOTE(JSON_EXTRACT(r, '$[0]')) AS name, JSON_UNQUOTE(JSON_EXTRACT(r, '$[1]')) AS unit,
				JSON_UNQUOTE(JSON_EXTRACT(r, '$[2]')) AS category, JSON_UNQUOTE(JSON_EXTRACT(r, '$[3]')) AS short_desc,
				JSON_UNQUOTE(JSON_EXTRACT(r, '$[4]')) AS extra_desc, JSON_UNQUOTE(JSON_EXTRACT(r, '$[5]')) AS context,
				JSON_UNQUOTE(JSON_EXTRACT(r, '$[6]')) AS vartype, JSON_UNQUOTE(JSON_EXTRACT(r, '$[7]')) AS min_val,
				JSON_UNQUOTE(JSON_EXTRACT(r, '$[8]')) AS max_val, JSON_EXTRACT(r, '$[9]') AS enumvals,
				JSON_UNQUOTE(JSON_EXTRACT(r, '$[10]')) AS boot_val
			FROM (SELECT JSON_EXTRACT(d.j, CONCAT('$[', n.i, ']')) AS r
				FROM (SELECT CAST(` + settingRowsJSON() + ` AS JSON) AS j) d, ` + numbers(len(settingRows)) + `) j) s`
}

// DependsOnSession reports whether the emulation of pg_catalog relation name reads the
// session's parameters or the instance's sessions (EmulationEnv.Setting, Sessions): a
// translation using it must not be cached.
func DependsOnSession(name string) bool {
	for _, texts := range []map[string]string{pgCatalogEmulations, internalEmulations, infoSchemaEmulations} {
		if text := texts[name]; strings.Contains(text, "pgtidb_setting") || strings.Contains(text, "pgtidb_session") {
			// pgtidb_session_viewdef, pgtidb_session_in_path, the pgtidb_sessions table
			return true
		}
	}
	return false
}

// sessionMacro expands the macros of the session-dependent emulations: pgtidb_setting(name)
// and pgtidb_setting_source(name).
func sessionMacro(f *ast.FuncCallExpr, env EmulationEnv) (ast.ExprNode, bool) {
	switch f.FnName.L {
	case "pgtidb_setting", "pgtidb_setting_source":
		return settingExpr(f.Args[0], env, f.FnName.L == "pgtidb_setting_source"), true
	}
	return nil, false
}

// settingRowsJSON is settingRows, each with pgtidb's default of the parameter (boot_val), as
// a TiDB string literal holding a JSON array of rows.
func settingRowsJSON() string {
	rows := make([][]any, len(settingRows))
	for i, s := range settingRows {
		var enums any
		if s.EnumVals != nil {
			enums = s.EnumVals
		}
		rows[i] = []any{s.Name, s.Unit, s.Category, s.ShortDesc, s.ExtraDesc, s.Context, s.Vartype, s.MinVal, s.MaxVal,
			enums, settingValue(s, compat.LookupGUC(s.Name).Default)}
	}
	b, err := json.Marshal(rows)
	if err != nil {
		panic(err)
	}
	return restoreExpr(ast.NewValueExpr(string(b), "", ""))
}

// settingExpr expands pgtidb_setting(name) (source false) or pgtidb_setting_source(name):
// CASE name WHEN '<parameter>' THEN '<value or source>' … END over the session's values.
func settingExpr(name ast.ExprNode, env EmulationEnv, source bool) ast.ExprNode {
	c := &ast.CaseExpr{Value: name, ElseClause: ast.NewValueExpr(nil, "", "")}
	for _, s := range settingRows {
		def := compat.LookupGUC(s.Name).Default
		v := def
		if env.Setting != nil {
			if cur, ok := env.Setting(s.Name); ok {
				v = cur
			}
		}
		out := settingValue(s, v)
		if source {
			out = "default"
			if v != def {
				out = "session"
			}
		}
		c.WhenClauses = append(c.WhenClauses, &ast.WhenClause{
			Expr: ast.NewValueExpr(s.Name, "", ""), Result: ast.NewValueExpr(out, "", "")})
	}
	return c
}

// settingValue is a parameter's value v (as SHOW shows it) in pg_settings' form: integers
// with a unit in that unit (kB for memory, ms for time), other values as they are.
func settingValue(s settingRow, v string) string {
	if s.Vartype != "integer" || s.Unit == "" {
		return v
	}
	num, suffix := strings.TrimSpace(v), ""
	for i, r := range num {
		if (r < '0' || r > '9') && r != '-' && r != '.' {
			num, suffix = strings.TrimSpace(num[:i]), strings.TrimSpace(num[i:])
			break
		}
	}
	n, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return v
	}
	memory := map[string]float64{"B": 1.0 / 1024, "kB": 1, "MB": 1024, "GB": 1024 * 1024, "TB": 1024 * 1024 * 1024}
	time := map[string]float64{"us": 0.001, "ms": 1, "s": 1000, "min": 60000, "h": 3600000, "d": 86400000}
	var scale map[string]float64
	switch s.Unit {
	case "kB":
		scale = memory
	case "ms":
		scale = time
	default:
		return v
	}
	if suffix != "" {
		f, ok := scale[suffix]
		if !ok {
			return v
		}
		n *= f
	}
	return strconv.FormatInt(int64(n), 10)
}

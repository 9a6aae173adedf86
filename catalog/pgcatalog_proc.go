package catalog

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"
)

// pg_proc, pg_language and pg_extension.
//
// pgtidb has no user-defined functions (CREATE FUNCTION is refused), so pg_proc holds only
// built-in rows: PostgreSQL 15's rows of the functions and aggregates the translator knows
// (BuiltinFunctions, dumped by catalog/internal/gencatalog), every overload of those names
// whose argument and result types pgtidb speaks. The texts of pg_get_function_result,
// pg_get_function_arguments… for them are Go data the translator folds into lookups
// (translate/func_proc.go).
//
// pg_language has PostgreSQL's four languages and pg_extension its plpgsql row, as a fresh
// PostgreSQL 15 database has them: clients see the catalog they would see on PostgreSQL (psql's
// \dL and \dx, schema dumpers that note plpgsql as built-in and skip it). pgtidb runs no
// procedural language — DO and CREATE FUNCTION are refused with 0A000 whatever the language.

// BuiltinFunction is one pg_proc row of a function pgtidb translates (pgcatalog_more_data.go),
// with the texts PostgreSQL's pg_get_function_* functions print for it.
type BuiltinFunction struct {
	OID, Lang, Variadic, Support, NArgs, NArgDefaults, RetType uint32
	Name, Kind, Volatile, Parallel, Src                        string
	// SQLBody is pg_get_function_sqlbody's text and NodeTree prosqlbody, for the functions
	// PostgreSQL defines with an SQL-standard body ("" for the others).
	SQLBody, NodeTree                                 string
	Result, Arguments, IdentityArguments, Description string
	// RegProc is regprocout's text of the function: its name, qualified when PostgreSQL has
	// several functions of that name.
	RegProc                   string
	Cost, Rows                float64
	LeakProof, Strict, RetSet bool
	ArgTypes, AllArgTypes     []uint32
	ArgModes, ArgNames        []string
}

// BuiltinFunctions returns the pg_proc rows pgtidb shows, in oid order. The caller must not
// modify them.
func BuiltinFunctions() []BuiltinFunction { return builtinFunctions }

// RegprocNames maps the oids of the other functions pgtidb's static catalog rows name in
// regproc columns (pg_type's typinput…, pg_proc's prosupport) to regprocout's text. The
// caller must not modify it.
func RegprocNames() map[uint32]string { return regprocNames }

func init() {
	pgCatalogEmulations["pg_proc"] = `SELECT CAST(JSON_EXTRACT(r, '$[0]') AS UNSIGNED) AS oid, JSON_UNQUOTE(JSON_EXTRACT(r, '$[1]')) AS proname,
			11 AS pronamespace, 10 AS proowner, CAST(JSON_EXTRACT(r, '$[2]') AS UNSIGNED) AS prolang,
			CAST(JSON_EXTRACT(r, '$[3]') AS DOUBLE) AS procost, CAST(JSON_EXTRACT(r, '$[4]') AS DOUBLE) AS prorows,
			CAST(JSON_EXTRACT(r, '$[5]') AS UNSIGNED) AS provariadic, CAST(JSON_EXTRACT(r, '$[6]') AS UNSIGNED) AS prosupport,
			JSON_UNQUOTE(JSON_EXTRACT(r, '$[7]')) AS prokind, 0 AS prosecdef, CAST(JSON_EXTRACT(r, '$[8]') AS UNSIGNED) AS proleakproof,
			CAST(JSON_EXTRACT(r, '$[9]') AS UNSIGNED) AS proisstrict, CAST(JSON_EXTRACT(r, '$[10]') AS UNSIGNED) AS proretset,
			JSON_UNQUOTE(JSON_EXTRACT(r, '$[11]')) AS provolatile, JSON_UNQUOTE(JSON_EXTRACT(r, '$[12]')) AS proparallel,
			CAST(JSON_EXTRACT(r, '$[13]') AS SIGNED) AS pronargs, CAST(JSON_EXTRACT(r, '$[14]') AS SIGNED) AS pronargdefaults,
			CAST(JSON_EXTRACT(r, '$[15]') AS UNSIGNED) AS prorettype, JSON_EXTRACT(r, '$[16]') AS proargtypes,
			IF(JSON_TYPE(JSON_EXTRACT(r, '$[17]')) = 'NULL', NULL, JSON_EXTRACT(r, '$[17]')) AS proallargtypes,
			IF(JSON_TYPE(JSON_EXTRACT(r, '$[18]')) = 'NULL', NULL, JSON_EXTRACT(r, '$[18]')) AS proargmodes,
			IF(JSON_TYPE(JSON_EXTRACT(r, '$[19]')) = 'NULL', NULL, JSON_EXTRACT(r, '$[19]')) AS proargnames,
			NULL AS proargdefaults, NULL AS protrftypes, JSON_UNQUOTE(JSON_EXTRACT(r, '$[20]')) AS prosrc, NULL AS probin,
			IF(JSON_TYPE(JSON_EXTRACT(r, '$[21]')) = 'NULL', NULL, JSON_UNQUOTE(JSON_EXTRACT(r, '$[21]'))) AS prosqlbody,
			NULL AS proconfig, NULL AS proacl
		FROM (SELECT JSON_EXTRACT(d.j, CONCAT('$[', n.i, ']')) AS r
			FROM (SELECT CAST(` + procRowsJSON() + ` AS JSON) AS j) d, ` + numbers(len(builtinFunctions)) + `) p`
	pgCatalogEmulations["pg_language"] = `SELECT oid, lanname, lanowner, lanispl, lanpltrusted, lanplcallfoid, laninline,
			lanvalidator, NULL AS lanacl FROM (` + pgLanguageRows + `) l`
	// pg_extension replaces the empty emulation pgcatalog.go's emptyRelations gave it: this
	// file's init runs after pgcatalog.go's (TestExtensionRows checks it).
	pgCatalogEmulations["pg_extension"] = `SELECT oid, extname, extowner, extnamespace, extrelocatable, extversion,
			NULL AS extconfig, NULL AS extcondition FROM (` + pgExtensionRows + `) e`
}

// procRowsJSON is builtinFunctions as a TiDB string literal holding one JSON array per row:
// oid, proname, prolang, procost, prorows, provariadic, prosupport, prokind, proleakproof,
// proisstrict, proretset, provolatile, proparallel, pronargs, pronargdefaults, prorettype,
// proargtypes, proallargtypes, proargmodes, proargnames, prosrc, prosqlbody (null where
// PostgreSQL has NULL). One literal instead of a UNION of rows: the emulation is parsed per
// query, by pgtidb and by TiDB, and a 337-way UNION takes some 40 ms to parse where a string
// literal of the same data is read at once. The literal is cast to JSON in a derived table of
// its own: TiDB then converts it once, where an expression over the literal is repeated in
// every column that reads a row (seconds instead of milliseconds for pg_proc).
func procRowsJSON() string {
	rows := make([][]any, len(builtinFunctions))
	nullable := func(v any, null bool) any {
		if null {
			return nil
		}
		return v
	}
	flag := func(b bool) int {
		if b {
			return 1
		}
		return 0
	}
	for i, f := range builtinFunctions {
		argTypes := f.ArgTypes
		if argTypes == nil {
			argTypes = []uint32{}
		}
		rows[i] = []any{f.OID, f.Name, f.Lang, f.Cost, f.Rows, f.Variadic, f.Support, f.Kind, flag(f.LeakProof),
			flag(f.Strict), flag(f.RetSet), f.Volatile, f.Parallel, f.NArgs, f.NArgDefaults, f.RetType, argTypes,
			nullable(f.AllArgTypes, f.AllArgTypes == nil), nullable(f.ArgModes, f.ArgModes == nil),
			nullable(f.ArgNames, f.ArgNames == nil), f.Src, nullable(f.NodeTree, f.NodeTree == "")}
	}
	b, err := json.Marshal(rows)
	if err != nil {
		panic(err)
	}
	return restoreExpr(ast.NewValueExpr(string(b), "", ""))
}

// numbers is a derived table n of the integers 0 … count-1 in column i: a cross join of
// digit tables (TiDB has no generate_series, and VALUES constructors are unreliable).
func numbers(count int) string {
	digits := "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 " +
		"UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)"
	var from, sum []string
	scale := 1
	for k := 0; scale < count || k == 0; k++ {
		alias := "d" + strconv.Itoa(k)
		from = append(from, digits+" AS "+alias)
		sum = append(sum, alias+".d * "+strconv.Itoa(scale))
		scale *= 10
	}
	return "(SELECT " + strings.Join(sum, " + ") + " AS i FROM " + strings.Join(from, ", ") +
		" HAVING i < " + strconv.Itoa(count) + ") n"
}

// restoreExpr is the TiDB text of e (backslashes escaped, as the session's sql_mode reads them).
func restoreExpr(e ast.ExprNode) string {
	var sb strings.Builder
	if err := e.Restore(format.NewRestoreCtx(format.DefaultRestoreFlags|format.RestoreStringWithoutCharset|format.RestoreStringEscapeBackslash, &sb)); err != nil {
		panic(err)
	}
	return sb.String()
}

package catalog

import (
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/model"

	"github.com/pgtidb/pgtidb/typemap"
)

// Views' PostgreSQL text (translate/deparse_view.go) names each relation by a marker,
// "\x01schema\x02name\x03" with both names quoted as quote_ident quotes them: PostgreSQL
// prints a relation qualified unless the search path finds it, which depends on the session
// that reads the text (pg_dump sets an empty search path). The macro
// pgtidb_session_viewdef(text) resolves the markers for the session's search path; a relation
// of a schema on the path prints unqualified (whether an earlier schema of the path holds a
// relation of the same name is not checked). Emulations using it depend on the session.
//
// viewTexts joins each view of TiDB's information_schema.VIEWS v to its stored text x, kept
// only while TiDB holds the definition it was stored with.
const viewTexts = `LEFT JOIN pgtidb_catalog.texts x ON x.tidb_db = v.TABLE_SCHEMA AND x.table_name = v.TABLE_NAME
			AND x.kind = 'view' AND x.name = '' AND x.tidb_text = v.VIEW_DEFINITION`

// viewDefinition is what pg_views.definition and information_schema.views.view_definition
// show for view v joined by viewTexts: PostgreSQL's text, or TiDB's own text of the query for
// a view pgtidb keeps none of (KNOWN_GAPS.md).
const viewDefinition = `COALESCE(pgtidb_session_viewdef(x.plain), v.VIEW_DEFINITION)`

func init() {
	internalEmulations["pgtidb_viewdef"] = `SELECT pgtidb_oid('rel', v.TABLE_SCHEMA, v.TABLE_NAME) AS oid,
			` + viewDefinition + ` AS def,
			COALESCE(pgtidb_session_viewdef(COALESCE(x.pretty, x.plain)), v.VIEW_DEFINITION) AS pretty_def
		FROM information_schema.VIEWS v ` + viewTexts + `
		WHERE pgtidb_in_database(v.TABLE_SCHEMA)`
}

// searchPathSchemas are the schemas of env's search path a relation can be found in.
func searchPathSchemas(env EmulationEnv) []string {
	path := []string{"$user", "public"}
	if env.Setting != nil {
		if sp, ok := env.Setting("search_path"); ok {
			path = ParseSearchPath(sp)
		}
	}
	var out []string
	for _, schema := range path {
		if schema != "$user" && schema != "pg_catalog" && schema != "information_schema" {
			out = append(out, schema)
		}
	}
	return out
}

// inSearchPathExpr is the macro pgtidb_session_in_path(schema): whether PostgreSQL schema name
// x is on the session's search path (a relation of it prints unqualified).
func inSearchPathExpr(x ast.ExprNode, env EmulationEnv) ast.ExprNode {
	var list []ast.ExprNode
	for _, schema := range searchPathSchemas(env) {
		list = append(list, ast.NewValueExpr(schema, "", ""))
	}
	if len(list) == 0 {
		return ast.NewValueExpr(int64(0), "", "")
	}
	return &ast.PatternInExpr{Expr: x, List: list}
}

// viewdefExpr resolves the relation markers of text x for env's search path.
func viewdefExpr(x ast.ExprNode, env EmulationEnv) ast.ExprNode {
	str := func(s string) ast.ExprNode { return ast.NewValueExpr(s, "", "") }
	replace := func(e ast.ExprNode, from, to string) ast.ExprNode {
		return &ast.FuncCallExpr{FnName: model.NewCIStr("REPLACE"), Args: []ast.ExprNode{e, str(from), str(to)}}
	}
	out := x
	for _, schema := range searchPathSchemas(env) {
		out = replace(out, "\x01"+typemap.QuoteIdent(schema)+"\x02", "\x01\x02")
	}
	out = replace(out, "\x01\x02", "")
	out = replace(out, "\x01", "")
	out = replace(out, "\x02", ".")
	return replace(out, "\x03", "")
}

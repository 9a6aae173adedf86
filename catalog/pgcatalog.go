package catalog

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/pingcap/tidb/pkg/parser"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/model"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/pgtidb/pgtidb/pgerror"
)

// pg_catalog emulation.
//
// A relation of schema pg_catalog is answered by TiDB itself: the translator replaces the FROM
// item by a derived table `(<emulation>) AS name` (translate/catalog_rel.go). Each emulation is
// a constant TiDB SELECT text below, over TiDB's information_schema, the shadow catalog and
// constant rows dumped from PostgreSQL 15 (pgcatalog_data.go); its output columns are the
// relation's columns in PostgreSQL's order (pgcatalog_columns.go, generated), with values in
// the form typemap reads for the column's PostgreSQL type (bool as 1/0, oid as an integer,
// "char" and name as text, int2vector/oidvector as their space-separated text).
//
// The texts use a few macros, expanded on the AST when an emulation is instantiated, so that
// every session-dependent value is a literal and every OID is computed by oid.go's builders.
// Indexes TiDB creates by itself for a foreign key (named as the constraint) are not shown:
// PostgreSQL creates none.
//
//	DATABASE()                    the session's PostgreSQL database (a literal)
//	CURRENT_USER()                the session's PostgreSQL user (a literal)
//	pgtidb_in_database(db)        TiDB database db holds a schema of the session's database
//	pgtidb_schema(db)             the PostgreSQL schema name TiDB database db holds
//	pgtidb_nsp_oid(db)            NamespaceOIDExpr
//	pgtidb_oid('kind', db, n…)    DerivedOIDExpr (kind rel, con, def…)
//	pgtidb_opclass(pgtype)        the type's default btree operator class (pg_index.indclass)
//	pgtidb_collation(pgtype)      the type's collation (100 for collatable types, else 0)
//
// Each text is parsed once (init; a broken text is a test failure); every use parses it again
// from the restored text, so the AST a translation receives and modifies is its own.

// Owners: user objects belong to the bootstrap superuser (OID 10: the session user, see
// pg_roles), the public schema to pg_database_owner (6171), as on PostgreSQL when the
// connecting superuser created them. information_schema is namespace 13207, the OID initdb of
// PostgreSQL 15.18 gives it.

// pgCatalogEmulations are the emulated relations of pg_catalog. A relation missing here but
// present in pgCatalogColumns is refused (0A000) when a query names it.
var pgCatalogEmulations = map[string]string{
	"pg_namespace": `SELECT 11 AS oid, 'pg_catalog' AS nspname, 10 AS nspowner,
			CONCAT('{', CURRENT_USER(), '=UC/', CURRENT_USER(), ',=U/', CURRENT_USER(), '}') AS nspacl
		UNION ALL SELECT 99, 'pg_toast', 10, NULL
		UNION ALL SELECT 13207, 'information_schema', 10, CONCAT('{', CURRENT_USER(), '=UC/', CURRENT_USER(), ',=U/', CURRENT_USER(), '}')
		UNION ALL SELECT pgtidb_nsp_oid(SCHEMA_NAME), pgtidb_schema(SCHEMA_NAME),
			IF(SCHEMA_NAME = DATABASE(), 6171, 10),
			IF(SCHEMA_NAME = DATABASE(), '{pg_database_owner=UC/pg_database_owner,=U/pg_database_owner}', NULL)
		FROM information_schema.SCHEMATA WHERE pgtidb_in_database(SCHEMA_NAME)`,

	"pg_class": `SELECT pgtidb_oid('rel', t.TABLE_SCHEMA, t.TABLE_NAME) AS oid, t.TABLE_NAME AS relname,
			pgtidb_nsp_oid(t.TABLE_SCHEMA) AS relnamespace, 0 AS reltype, 0 AS reloftype, 10 AS relowner,
			IF(t.TABLE_TYPE = 'BASE TABLE', 2, 0) AS relam,
			IF(t.TABLE_TYPE = 'VIEW', 0, pgtidb_oid('rel', t.TABLE_SCHEMA, t.TABLE_NAME)) AS relfilenode,
			0 AS reltablespace, IF(t.TABLE_TYPE = 'SEQUENCE', 1, 0) AS relpages,
			CASE t.TABLE_TYPE WHEN 'SEQUENCE' THEN 1 WHEN 'VIEW' THEN 0 ELSE -1 END AS reltuples,
			0 AS relallvisible, 0 AS reltoastrelid,
			EXISTS (SELECT 1 FROM information_schema.STATISTICS s
				WHERE s.TABLE_SCHEMA = t.TABLE_SCHEMA AND s.TABLE_NAME = t.TABLE_NAME
				  AND NOT EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS f
					WHERE f.CONSTRAINT_SCHEMA = s.TABLE_SCHEMA AND f.TABLE_NAME = s.TABLE_NAME AND f.CONSTRAINT_NAME = s.INDEX_NAME)) AS relhasindex,
			0 AS relisshared, 'p' AS relpersistence,
			CASE t.TABLE_TYPE WHEN 'BASE TABLE' THEN 'r' WHEN 'VIEW' THEN 'v' ELSE 'S' END AS relkind,
			IF(t.TABLE_TYPE = 'SEQUENCE', 3, (SELECT COUNT(*) FROM information_schema.COLUMNS c
				WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME)) AS relnatts,
			(SELECT COUNT(*) FROM information_schema.TIDB_CHECK_CONSTRAINTS k
				WHERE k.CONSTRAINT_SCHEMA = t.TABLE_SCHEMA AND k.TABLE_NAME = t.TABLE_NAME) AS relchecks,
			t.TABLE_TYPE = 'VIEW' AS relhasrules,
			EXISTS (SELECT 1 FROM information_schema.KEY_COLUMN_USAGE f
				WHERE f.REFERENCED_TABLE_NAME IS NOT NULL
				  AND ((f.TABLE_SCHEMA = t.TABLE_SCHEMA AND f.TABLE_NAME = t.TABLE_NAME)
				   OR (f.REFERENCED_TABLE_SCHEMA = t.TABLE_SCHEMA AND f.REFERENCED_TABLE_NAME = t.TABLE_NAME))) AS relhastriggers,
			0 AS relhassubclass, 0 AS relrowsecurity, 0 AS relforcerowsecurity, 1 AS relispopulated,
			IF(t.TABLE_TYPE = 'BASE TABLE', 'd', 'n') AS relreplident, 0 AS relispartition, 0 AS relrewrite,
			0 AS relfrozenxid, IF(t.TABLE_TYPE = 'BASE TABLE', 1, 0) AS relminmxid,
			NULL AS relacl, NULL AS reloptions, NULL AS relpartbound
		FROM information_schema.TABLES t WHERE pgtidb_in_database(t.TABLE_SCHEMA)
		UNION ALL
		SELECT pgtidb_oid('rel', i.TABLE_SCHEMA, i.relname), i.relname, pgtidb_nsp_oid(i.TABLE_SCHEMA), 0, 0, 10, 403,
			pgtidb_oid('rel', i.TABLE_SCHEMA, i.relname), 0, 1, 0, 0, 0, 0, 0, 'p', 'i', i.natts, 0, 0, 0, 0, 0, 0, 1,
			'n', 0, 0, 0, 0, NULL, NULL, NULL
		FROM (SELECT s.TABLE_SCHEMA, IF(s.INDEX_NAME = 'PRIMARY', CONCAT(s.TABLE_NAME, '_pkey'), s.INDEX_NAME) AS relname,
				COUNT(*) AS natts
			FROM information_schema.STATISTICS s WHERE pgtidb_in_database(s.TABLE_SCHEMA) AND NOT EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS f
				WHERE f.CONSTRAINT_SCHEMA = s.TABLE_SCHEMA AND f.TABLE_NAME = s.TABLE_NAME AND f.CONSTRAINT_NAME = s.INDEX_NAME)
			GROUP BY s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME) i`,

	"pg_index": `SELECT pgtidb_oid('rel', s.TABLE_SCHEMA, IF(s.INDEX_NAME = 'PRIMARY', CONCAT(s.TABLE_NAME, '_pkey'), s.INDEX_NAME)) AS indexrelid,
			pgtidb_oid('rel', s.TABLE_SCHEMA, s.TABLE_NAME) AS indrelid,
			COUNT(*) AS indnatts, COUNT(*) AS indnkeyatts, MIN(s.NON_UNIQUE) = 0 AS indisunique,
			0 AS indnullsnotdistinct, s.INDEX_NAME = 'PRIMARY' AS indisprimary, 0 AS indisexclusion,
			1 AS indimmediate, 0 AS indisclustered, 1 AS indisvalid, 0 AS indcheckxmin, 1 AS indisready,
			1 AS indislive, 0 AS indisreplident,
			GROUP_CONCAT(c.ORDINAL_POSITION ORDER BY s.SEQ_IN_INDEX SEPARATOR ' ') AS indkey,
			GROUP_CONCAT(pgtidb_collation(p.pg_type) ORDER BY s.SEQ_IN_INDEX SEPARATOR ' ') AS indcollation,
			GROUP_CONCAT(pgtidb_opclass(p.pg_type) ORDER BY s.SEQ_IN_INDEX SEPARATOR ' ') AS indclass,
			GROUP_CONCAT(0 ORDER BY s.SEQ_IN_INDEX SEPARATOR ' ') AS indoption,
			NULL AS indexprs, NULL AS indpred
		FROM information_schema.STATISTICS s
		JOIN information_schema.COLUMNS c
			ON c.TABLE_SCHEMA = s.TABLE_SCHEMA AND c.TABLE_NAME = s.TABLE_NAME AND c.COLUMN_NAME = s.COLUMN_NAME
		LEFT JOIN pgtidb_catalog.columns p
			ON p.tidb_db = s.TABLE_SCHEMA AND p.table_name = s.TABLE_NAME AND p.column_name = s.COLUMN_NAME
		WHERE pgtidb_in_database(s.TABLE_SCHEMA) AND NOT EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS f
				WHERE f.CONSTRAINT_SCHEMA = s.TABLE_SCHEMA AND f.TABLE_NAME = s.TABLE_NAME AND f.CONSTRAINT_NAME = s.INDEX_NAME)
		GROUP BY s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME`,

	"pg_am": `SELECT oid, amname, amhandler, amtype FROM (` + pgAmRows + `) am`,

	"pg_database": `SELECT pgtidb_oid('db', '', SCHEMA_NAME) AS oid, SCHEMA_NAME AS datname, 10 AS datdba, 6 AS encoding,
			'c' AS datlocprovider, 0 AS datistemplate, 1 AS datallowconn, -1 AS datconnlimit, 0 AS datfrozenxid,
			1 AS datminmxid, 1663 AS dattablespace, 'C' AS datcollate, 'C' AS datctype, NULL AS daticulocale,
			NULL AS datcollversion, NULL AS datacl
		FROM information_schema.SCHEMATA
		WHERE LOCATE('__', SCHEMA_NAME) = 0
		  AND LOWER(SCHEMA_NAME) NOT IN ('mysql', 'information_schema', 'performance_schema', 'metrics_schema', 'sys', 'pgtidb_catalog')`,

	"pg_roles": `SELECT CURRENT_USER() AS rolname, 1 AS rolsuper, 1 AS rolinherit, 1 AS rolcreaterole, 1 AS rolcreatedb,
			1 AS rolcanlogin, 1 AS rolreplication, -1 AS rolconnlimit, '********' AS rolpassword, NULL AS rolvaliduntil,
			1 AS rolbypassrls, NULL AS rolconfig, 10 AS oid
		UNION ALL SELECT 'pg_database_owner', 0, 1, 0, 0, 0, 0, -1, '********', NULL, 0, NULL, 6171`,

	"pg_authid": `SELECT 10 AS oid, CURRENT_USER() AS rolname, 1 AS rolsuper, 1 AS rolinherit, 1 AS rolcreaterole,
			1 AS rolcreatedb, 1 AS rolcanlogin, 1 AS rolreplication, 1 AS rolbypassrls, -1 AS rolconnlimit,
			NULL AS rolpassword, NULL AS rolvaliduntil
		UNION ALL SELECT 6171, 'pg_database_owner', 0, 1, 0, 0, 0, 0, 0, -1, NULL, NULL`,

	"pg_user": `SELECT CURRENT_USER() AS usename, 10 AS usesysid, 1 AS usecreatedb, 1 AS usesuper, 1 AS userepl,
			1 AS usebypassrls, '********' AS passwd, NULL AS valuntil, NULL AS useconfig`,

	"pg_type": `SELECT oid, typname, typnamespace, typowner, typlen, typbyval, typtype, typcategory, typispreferred,
			typisdefined, typdelim, typrelid, typsubscript, typelem, typarray, typinput, typoutput, typreceive,
			typsend, typmodin, typmodout, typanalyze, typalign, typstorage, typnotnull, typbasetype, typtypmod,
			typndims, typcollation, NULL AS typdefaultbin, NULL AS typdefault, NULL AS typacl
		FROM (` + pgTypeRows + `) ty`,
}

// emptyRelations are pg_catalog relations whose true content on pgtidb is no row: pgtidb has
// no such objects (policies, triggers, rules of tables, inheritance, publications, extended
// statistics, event triggers, foreign data, role memberships…).
var emptyRelations = []string{
	"pg_auth_members", "pg_policy", "pg_policies", "pg_trigger", "pg_inherits", "pg_publication",
	"pg_publication_rel", "pg_publication_namespace", "pg_publication_tables", "pg_subscription",
	"pg_subscription_rel", "pg_statistic_ext", "pg_statistic_ext_data", "pg_event_trigger",
	"pg_foreign_data_wrapper", "pg_foreign_server", "pg_foreign_table", "pg_user_mapping",
	"pg_user_mappings", "pg_partitioned_table", "pg_transform", "pg_default_acl", "pg_init_privs",
	"pg_seclabel", "pg_shseclabel", "pg_seclabels", "pg_largeobject", "pg_largeobject_metadata",
	"pg_db_role_setting", "pg_replication_origin", "pg_matviews", "pg_prepared_xacts",
}

func init() {
	for _, name := range emptyRelations {
		cols := pgCatalogColumns[name]
		if cols == nil {
			panic("catalog: no columns for " + name)
		}
		var fields []string
		for _, c := range cols {
			fields = append(fields, "NULL AS `"+c.Name+"`")
		}
		// One row of NULLs, filtered away: the derived table has the relation's columns and
		// no row.
		pgCatalogEmulations[name] = "SELECT " + strings.Join(fields, ", ") + " FROM DUAL WHERE FALSE"
	}
}

// CatalogRelation returns relation name of schema pg_catalog as a Table (Schema pg_catalog,
// columns as PostgreSQL 15 declares them), or nil when PostgreSQL has no such relation.
func CatalogRelation(name string) *Table {
	cols, ok := pgCatalogColumns[name]
	if !ok {
		return nil
	}
	return &Table{Schema: "pg_catalog", Name: name, Columns: cols}
}

// EmulationEnv is what an emulation depends on: the session's PostgreSQL database and user.
type EmulationEnv struct {
	Database string
	User     string
}

// DependsOnUser reports whether the emulation of name reads the session user (a translation
// using it must not be shared between users).
func DependsOnUser(name string) bool {
	return strings.Contains(pgCatalogEmulations[name], "CURRENT_USER()")
}

// Emulation returns a fresh TiDB AST of the SELECT that answers pg_catalog.name for env, its
// output columns those of CatalogRelation(name). A relation PostgreSQL has but pgtidb does not
// emulate is refused with 0A000 naming it.
func Emulation(name string, env EmulationEnv) (ast.ResultSetNode, error) {
	text, ok := parsedEmulations()[name]
	if !ok {
		return nil, pgerror.Unsupported("pg_catalog." + name)
	}
	stmt, err := parser.New().ParseOneStmt(text, "", "")
	if err != nil {
		return nil, fmt.Errorf("catalog: emulation of %s: %w", name, err)
	}
	e := &macroExpander{env: env}
	out, _ := stmt.Accept(e)
	if e.err != nil {
		return nil, e.err
	}
	return out.(ast.ResultSetNode), nil
}

var (
	parsedOnce sync.Once
	parsedText map[string]string
)

// parsedEmulations checks every emulation text with the TiDB parser once.
func parsedEmulations() map[string]string {
	parsedOnce.Do(func() {
		parsedText = map[string]string{}
		p := parser.New()
		for name, text := range pgCatalogEmulations {
			if _, err := p.ParseOneStmt(text, "", ""); err != nil {
				panic(fmt.Sprintf("catalog: emulation of pg_catalog.%s does not parse: %v", name, err))
			}
			parsedText[name] = text
		}
	})
	return parsedText
}

// EmulatedRelations lists the emulated pg_catalog relations, sorted.
func EmulatedRelations() []string {
	var out []string
	for name := range pgCatalogEmulations {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// macroExpander replaces the macros of an emulation text (see the comment at the top).
type macroExpander struct {
	env EmulationEnv
	err error
}

func (m *macroExpander) Enter(n ast.Node) (ast.Node, bool) { return n, false }

func (m *macroExpander) Leave(n ast.Node) (ast.Node, bool) {
	f, ok := n.(*ast.FuncCallExpr)
	if !ok {
		return n, true
	}
	str := func(s string) ast.ExprNode { return ast.NewValueExpr(s, "", "") }
	num := func(v int64) ast.ExprNode { return ast.NewValueExpr(v, "", "") }
	db := m.env.Database
	switch f.FnName.L {
	case "database":
		return str(db), true
	case "current_user":
		return str(m.env.User), true
	case "pgtidb_in_database":
		arg := f.Args[0]
		prefix := int64(len([]rune(db)) + len(SchemaSeparator))
		return &ast.ParenthesesExpr{Expr: &ast.BinaryOperationExpr{Op: opcode.LogicOr,
			L: &ast.BinaryOperationExpr{Op: opcode.EQ, L: arg, R: str(db)},
			R: &ast.ParenthesesExpr{Expr: &ast.BinaryOperationExpr{Op: opcode.LogicAnd,
				L: &ast.BinaryOperationExpr{Op: opcode.GT, L: call("CHAR_LENGTH", arg), R: num(prefix)},
				R: &ast.BinaryOperationExpr{Op: opcode.EQ, L: call("LEFT", arg, num(prefix)), R: str(db + SchemaSeparator)},
			}},
		}}, true
	case "pgtidb_schema":
		arg := f.Args[0]
		return call("IF", &ast.BinaryOperationExpr{Op: opcode.EQ, L: arg, R: str(db)}, str(PublicSchema),
			call("SUBSTRING", arg, num(int64(len([]rune(db))+len(SchemaSeparator)+1)))), true
	case "pgtidb_nsp_oid":
		return NamespaceOIDExpr(db, f.Args[0]), true
	case "pgtidb_oid":
		kind, ok := f.Args[0].(ast.ValueExpr)
		if !ok || len(f.Args) < 3 {
			m.err = fmt.Errorf("catalog: pgtidb_oid needs a constant kind, a database and a name")
			return n, false
		}
		dbArg := f.Args[1]
		if v, ok := dbArg.(ast.ValueExpr); ok && v.GetString() == "" {
			dbArg = nil
		}
		return DerivedOIDExpr(OIDKind(kind.GetString()), dbArg, f.Args[2:]...), true
	case "pgtidb_opclass":
		return oidCase(f.Args[0], btreeOpclass), true
	case "pgtidb_collation":
		return oidCase(f.Args[0], typeCollation), true
	}
	return n, true
}

// oidCase is CASE x WHEN k THEN v … ELSE 0 END over a map, in key order.
func oidCase(x ast.ExprNode, m map[uint32]uint32) ast.ExprNode {
	keys := make([]uint32, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	c := &ast.CaseExpr{Value: x, ElseClause: ast.NewValueExpr(int64(0), "", "")}
	for _, k := range keys {
		c.WhenClauses = append(c.WhenClauses, &ast.WhenClause{
			Expr: ast.NewValueExpr(int64(k), "", ""), Result: ast.NewValueExpr(int64(m[k]), "", "")})
	}
	return c
}

func call(name string, args ...ast.ExprNode) ast.ExprNode {
	return &ast.FuncCallExpr{FnName: model.NewCIStr(name), Args: args}
}

// CatalogRelationNames lists the tables and views of PostgreSQL 15's pg_catalog, sorted.
func CatalogRelationNames() []string {
	out := make([]string, 0, len(pgCatalogColumns))
	for name := range pgCatalogColumns {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

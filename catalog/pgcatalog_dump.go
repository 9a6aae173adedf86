package catalog

// pg_catalog relations pg_dump reads to find user objects of kinds pgtidb does not have, and
// the rules of views.

// dumpEmptyRelations are relations whose PostgreSQL rows are all built-in objects of kinds
// pgtidb has none of, so that their true content on pgtidb is no row: range types (pg_type
// shows none), text search parsers, templates, dictionaries and configurations (pgtidb has
// no text search: no tsvector type), and encoding conversions (pgtidb speaks UTF8 only).
var dumpEmptyRelations = []string{
	"pg_range", "pg_ts_parser", "pg_ts_template", "pg_ts_dict", "pg_ts_config", "pg_ts_config_map",
	"pg_conversion",
}

// pgRewriteEmulation is pg_rewrite: the _RETURN rule of each view, which is how PostgreSQL
// makes a view (an INSTEAD SELECT rule on event '1', enabled 'O', without qualification:
// ev_qual "<>"). ev_action, the rule's query tree, is NULL: pgtidb keeps no node trees. The
// rules of pg_catalog's own views are not shown, as pg_class does not show those views.
const pgRewriteEmulation = `SELECT pgtidb_oid('rule', TABLE_SCHEMA, TABLE_NAME) AS oid, '_RETURN' AS rulename,
		pgtidb_oid('rel', TABLE_SCHEMA, TABLE_NAME) AS ev_class, '1' AS ev_type, 'O' AS ev_enabled, 1 AS is_instead,
		'<>' AS ev_qual, NULL AS ev_action
	FROM information_schema.TABLES
	WHERE pgtidb_in_database(TABLE_SCHEMA) AND TABLE_TYPE = 'VIEW'`

func init() {
	for _, name := range dumpEmptyRelations {
		cols := pgCatalogColumns[name]
		if cols == nil {
			panic("catalog: no columns for " + name)
		}
		pgCatalogEmulations[name] = emptySelect(cols)
	}
	pgCatalogEmulations["pg_rewrite"] = pgRewriteEmulation
	pgCatalogEmulations["pg_init_privs"] = pgInitPrivsEmulation
}

// pgInitPrivsEmulation is pg_init_privs: the initial privileges of the objects pgtidb shows
// that have some in PostgreSQL — the pg_catalog and public schemas (pg_dump compares a
// schema's ACL with them and writes no GRANT when they are equal). PostgreSQL's rows of
// system catalogs and functions are left out, as pg_class does not show those catalogs.
const pgInitPrivsEmulation = `SELECT 11 AS objoid, 2615 AS classoid, 0 AS objsubid, 'i' AS privtype,
		JSON_ARRAY(CONCAT(CURRENT_USER(), '=UC/', CURRENT_USER()), CONCAT('=U/', CURRENT_USER())) AS initprivs
	UNION ALL SELECT 2200, 2615, 0, 'i', JSON_ARRAY('pg_database_owner=UC/pg_database_owner', '=U/pg_database_owner')`

// The operator classes and families, operators and casts pgtidb shows: PostgreSQL's rows
// (pgcatalog_operators_data.go, generated) of its default btree operator classes — those
// pg_index.indclass names —, of their families, of those families' members between the types
// pg_type shows, of the operators whose operand and result types are all such types, and of
// the casts between them. All are built-in (namespace pg_catalog), which pg_dump leaves out.
func init() {
	pgCatalogEmulations["pg_opclass"] = `SELECT oid, opcmethod, opcname, opcnamespace, opcowner, opcfamily, opcintype, opcdefault, opckeytype FROM (` + pgOpclassRows + `) oc`
	pgCatalogEmulations["pg_opfamily"] = `SELECT oid, opfmethod, opfname, opfnamespace, opfowner FROM (` + pgOpfamilyRows + `) ofa`
	pgCatalogEmulations["pg_amop"] = `SELECT oid, amopfamily, amoplefttype, amoprighttype, amopstrategy, amoppurpose, amopopr, amopmethod, amopsortfamily FROM (` + pgAmopRows + `) ao`
	pgCatalogEmulations["pg_amproc"] = `SELECT oid, amprocfamily, amproclefttype, amprocrighttype, amprocnum, amproc FROM (` + pgAmprocRows + `) ap`
	pgCatalogEmulations["pg_operator"] = `SELECT oid, oprname, oprnamespace, oprowner, oprkind, oprcanmerge, oprcanhash, oprleft, oprright, oprresult, oprcom, oprnegate, oprcode, oprrest, oprjoin FROM (` + pgOperatorRows + `) op`
	pgCatalogEmulations["pg_cast"] = `SELECT oid, castsource, casttarget, castfunc, castcontext, castmethod FROM (` + pgCastRows + `) ca`
}

// viewReadsName is the TiDB text of relation t's qualified name as pgtidb's view translations
// write it, `db`.`name` with backquotes doubled: pg_depend looks for it in a view's
// VIEW_DEFINITION.
const viewReadsName = "CONCAT('`', REPLACE(t.TABLE_SCHEMA, '`', '``'), '`.`', REPLACE(t.TABLE_NAME, '`', '``'), '`')"

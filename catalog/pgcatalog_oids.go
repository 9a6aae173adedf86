package catalog

import "slices"

// OIDs of PostgreSQL 15's pg_catalog tables (relkind 'r'), as pg_class.oid and as the tableoid
// system column of their rows. Generated from PostgreSQL 15 with
//
//	SELECT relname, oid FROM pg_class WHERE relnamespace = 11 AND relkind = 'r' ORDER BY relname
//
// Built-in OIDs below FirstBootstrapObjectId are fixed by PostgreSQL's catalog headers, so they
// are the same on every PostgreSQL 15 cluster.
var catalogTableOIDs = map[string]uint32{
	"pg_aggregate":             2600,
	"pg_am":                    2601,
	"pg_amop":                  2602,
	"pg_amproc":                2603,
	"pg_attrdef":               2604,
	"pg_attribute":             1249,
	"pg_auth_members":          1261,
	"pg_authid":                1260,
	"pg_cast":                  2605,
	"pg_class":                 1259,
	"pg_collation":             3456,
	"pg_constraint":            2606,
	"pg_conversion":            2607,
	"pg_database":              1262,
	"pg_db_role_setting":       2964,
	"pg_default_acl":           826,
	"pg_depend":                2608,
	"pg_description":           2609,
	"pg_enum":                  3501,
	"pg_event_trigger":         3466,
	"pg_extension":             3079,
	"pg_foreign_data_wrapper":  2328,
	"pg_foreign_server":        1417,
	"pg_foreign_table":         3118,
	"pg_index":                 2610,
	"pg_inherits":              2611,
	"pg_init_privs":            3394,
	"pg_language":              2612,
	"pg_largeobject":           2613,
	"pg_largeobject_metadata":  2995,
	"pg_namespace":             2615,
	"pg_opclass":               2616,
	"pg_operator":              2617,
	"pg_opfamily":              2753,
	"pg_parameter_acl":         6243,
	"pg_partitioned_table":     3350,
	"pg_policy":                3256,
	"pg_proc":                  1255,
	"pg_publication":           6104,
	"pg_publication_namespace": 6237,
	"pg_publication_rel":       6106,
	"pg_range":                 3541,
	"pg_replication_origin":    6000,
	"pg_rewrite":               2618,
	"pg_seclabel":              3596,
	"pg_sequence":              2224,
	"pg_shdepend":              1214,
	"pg_shdescription":         2396,
	"pg_shseclabel":            3592,
	"pg_statistic":             2619,
	"pg_statistic_ext":         3381,
	"pg_statistic_ext_data":    3429,
	"pg_subscription":          6100,
	"pg_subscription_rel":      6102,
	"pg_tablespace":            1213,
	"pg_transform":             3576,
	"pg_trigger":               2620,
	"pg_ts_config":             3602,
	"pg_ts_config_map":         3603,
	"pg_ts_dict":               3600,
	"pg_ts_parser":             3601,
	"pg_ts_template":           3764,
	"pg_type":                  1247,
	"pg_user_mapping":          1418,
}

// CatalogTableOID returns the OID of pg_catalog table name (not of a view: views have no rows
// of their own, hence no tableoid), and whether it is one.
func CatalogTableOID(name string) (uint32, bool) {
	oid, ok := catalogTableOIDs[name]
	return oid, ok
}

// CatalogTableOIDs lists the OIDs of the pg_catalog tables, sorted.
func CatalogTableOIDs() []uint32 {
	out := make([]uint32, 0, len(catalogTableOIDs))
	for _, oid := range catalogTableOIDs {
		out = append(out, oid)
	}
	slices.Sort(out)
	return out
}

package catalog

// SchemaSeparator joins a PostgreSQL database name and a schema name into the TiDB database
// that holds that schema's relations, for every schema except public.
const SchemaSeparator = "__"

// PublicSchema is PostgreSQL's default schema.
const PublicSchema = "public"

// TiDBDatabase maps PostgreSQL's (database, schema) pair to a TiDB database:
//
//	public schema of database D  → TiDB database D           (MySQL tools see natural names)
//	schema S of database D       → TiDB database D__S
//
// TiDB has a single namespace level, so this is the whole mapping; pg_catalog and
// information_schema are answered by pgtidb and never reach TiDB as databases.
func TiDBDatabase(database, schema string) string {
	if schema == "" || schema == PublicSchema {
		return database
	}
	return database + SchemaSeparator + schema
}

// SchemaOf is the inverse of TiDBDatabase for the databases of PostgreSQL database database:
// it returns the schema a TiDB database holds and whether that TiDB database belongs to database.
func SchemaOf(database, tidbDatabase string) (schema string, ok bool) {
	if tidbDatabase == database {
		return PublicSchema, true
	}
	prefix := database + SchemaSeparator
	if len(tidbDatabase) > len(prefix) && tidbDatabase[:len(prefix)] == prefix {
		return tidbDatabase[len(prefix):], true
	}
	return "", false
}

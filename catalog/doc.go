// Package catalog knows the relations a PostgreSQL client sees and the PostgreSQL types their
// columns were declared with.
//
// TiDB stores MySQL types: bool is TINYINT(1), timestamptz and timestamp are both DATETIME(6),
// uuid is CHAR(36), json and jsonb are JSON. What PostgreSQL declared lives in the shadow
// catalog, a table pgtidb keeps in TiDB itself (database pgtidb_catalog), so that every pgtidb
// instance in front of the same cluster agrees. Tables created by MySQL clients have no shadow
// rows; their PG types are derived from their TiDB types (typemap.FromMySQL).
//
// Data enters as Changes returned by the translator with each DDL statement (Apply) and as
// TiDB's information_schema rows (Lookup); it leaves as *Table values through the Resolver
// interface the translator consumes. The PostgreSQL namespace maps onto TiDB databases as
// namespace.go documents: schema public of database D is TiDB database D, schema S is D__S.
//
// Caching: a Store caches tables per pgtidb process and drops the cache whenever this process
// runs DDL. DDL run through another pgtidb instance becomes visible here when the store polls
// the catalog version (every second, see Store.Watch) — a window the README documents.
//
// The package never decides how a statement is translated and never writes user data.
package catalog

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
// pg_catalog (pgcatalog.go): every relation of PostgreSQL 15's pg_catalog is known with its
// columns (pgcatalog_columns.go, generated from a real PostgreSQL 15 by
// catalog/internal/gencatalog, with the static rows of pgcatalog_data.go). Emulation returns,
// for the relations pgtidb answers, a fresh TiDB SELECT over information_schema, the shadow
// catalog and those constant rows, restricted to the session's database; the translator puts
// it in place of the FROM item. Relations PostgreSQL would show empty on pgtidb (triggers,
// policies, publications…) are empty SELECTs with the right columns; the others are refused
// with 0A000. OIDs (oid.go) are PostgreSQL's for built-in objects and derived from the kind and
// TiDB name of user objects (16384 + CRC32 mod 2^31−16384), as Go functions and as TiDB
// expressions that compute the same values, so that an OID the translator folds into a
// statement ('t'::regclass) matches the one TiDB computes for pg_class.
//
// Built-in rows and session rows: pg_proc holds PostgreSQL 15's rows of the functions the
// translator knows and pg_language/pg_extension PostgreSQL's rows (pgcatalog_proc.go, data
// dumped by gencatalog into pgcatalog_more_data.go, large tables as one JSON literal so that
// the per-query parse stays cheap); pg_settings reads the session's parameters and
// pg_stat_activity the instance's client sessions (EmulationEnv.Setting, Sessions: snapshots the
// proxy takes, turned into a derived table of literal rows), so translations over them are not
// cached (DependsOnSession; pgcatalog_settings.go, pgcatalog_activity.go).
//
// information_schema (infoschema.go): PostgreSQL 15's information_schema views (not TiDB's
// MySQL-shaped tables), with columns generated from PostgreSQL 15 (infoschema_columns.go) and
// typed as the base types of its domains, are emulated the same way over the same sources;
// views of objects pgtidb has none of (routines, triggers, domains…) are empty, the others
// refused with 0A000.
//
// PostgreSQL's texts (texts and columns of the shadow catalog; table.go's Expr and Text): the
// text PostgreSQL prints for a default or a CHECK, which the translator computes when it
// creates one (translate/deparse.go) and which the catalog shows only while TiDB still holds
// the default or clause it was stored with (else the text derived from TiDB's, documented in
// KNOWN_GAPS.md); comments (COMMENT ON), read by pg_description (description.go); and a
// DEFERRABLE foreign key's deferral (TextDeferral), which pg_constraint, information_schema
// and pg_get_constraintdef show and SET CONSTRAINTS reads (ConstraintsNamed); a sequence's data
// type (TextSequenceType) and CACHE (TextSequenceCache). Three kinds are state, not text: a
// sequence's is_called (TextSequenceState) and PostgreSQL START (TextSequenceStart, which the
// sequence emulations show in place of TiDB's), which the translator's plans write and read at
// run time, and its epoch (TextSequenceEpoch: RenewSequences, SequenceEpoch), which tells the
// proxy's sessions that their blocks of a CACHE n > 1 sequence are void; Load leaves them out,
// a DeclareTable keeps them unless it records state itself, and RENAME moves them
// (Change.StateFrom).
// pgtidb_constraintdef (constraintdef.go) is an emulation of pgtidb's own that
// pg_get_constraintdef reads. A view's PostgreSQL text is not kept (KNOWN_GAPS.md).
//
// Correlated subqueries (pgcatalog_once.go): TiDB reads an information_schema table only once
// per statement, so an emulation under an Apply (a correlated subquery TiDB runs per outer row)
// would find rows for the first outer row only. The translator wraps the emulation of every
// nested catalog FROM item in a recursive WITH query TiDB materializes once (EvaluatedOnce)
// and, on the finished statement, unwraps those that are in no correlated subquery nor WITH
// query (NeededOnce), so that uncorrelated subqueries are still evaluated while TiDB plans.
//
// The package never decides how a statement is translated and never writes user data.
package catalog

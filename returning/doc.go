// Package returning runs the statements pgtidb emulates with several TiDB statements:
// INSERT/UPDATE/DELETE … RETURNING (TiDB has no RETURNING; an INSERT whose key comes from a
// SERIAL or identity sequence fetches the sequence values first; INSERT … SELECT reads the
// query's rows and inserts them as literals; an INSERT into a table without a primary key
// fixes every value first and reads the new rows back by their values), INSERT … ON CONFLICT with PostgreSQL's arbiter
// semantics (TiDB's ON DUPLICATE KEY UPDATE and INSERT IGNORE have other ones), statements that must check
// something on TiDB first (currval's 55000 "not yet defined" error: a Collect step with a
// Check; setval, ALTER SEQUENCE and TRUNCATE check the sequence's or the foreign keys' state),
// and DDL that takes several TiDB statements (CREATE TABLE with SERIAL/identity columns creates
// their sequences first; DROP TABLE drops them after; CREATE TABLE AS creates the table, then
// fills it, and drops it again when the INSERT fails; DROP DATABASE drops each schema database
// TiDB lists when it runs, a PerKey step; setval returns its rows from a DDL plan). It owns the plan types
// and the executor; package translate builds the plans, package proxy runs them.
//
// # Data in and out
//
// In: a *Plan (a list of Steps built by the translator), the client's parameter values in
// PostgreSQL order ($1 first), and a Querier — the session's pinned TiDB connection (and, for
// Outside steps, ExecuteWith's second Querier: a pool of autocommit connections), on which a
// TiDB transaction is already open for the whole plan (the proxy opens an implicit one when the
// client is in autocommit, and commits or rolls it back around Execute). A DDL plan is the
// exception: TiDB runs every DDL in a transaction of its own, so the proxy opens none, and a
// failed step makes the executor run the Undo statements of the steps that succeeded (a
// CREATE SEQUENCE is undone by DROP SEQUENCE when the CREATE TABLE after it fails). Out: the rows of the
// statement, handed to a Sink (the proxy encodes them with typemap and streams them), and the
// number of rows PostgreSQL's command tag counts. Collected rows are held in memory for the
// statement's duration: INSERT … SELECT … RETURNING / ON CONFLICT holds every row its query
// gives (the proxy inserts them as literals), so such a statement is bounded by the proxy's
// memory, not streamed.
//
// A step's SQL is built by the step itself from the rows collected by the latest Collect step
// (its keys), or — BuildFrom — from the rows of every Collect and Compute step so far, also
// returning the parameter order of the markers it built: the builder creates fresh TiDB AST
// nodes and restores them, so that the translation, which the proxy caches and sessions share,
// is never mutated. A Compute step runs Go over the collected rows without SQL: INSERT … ON
// CONFLICT decides there, per proposed row and in order, whether it is inserted, updates the
// row it conflicts with, is skipped, or fails the statement (21000, 23502). An Exec step with
// RetryKeys that fails with a duplicate key on one of those indexes makes the executor rerun
// the plan from its RetryFrom step (TiDB has undone the failed statement; the steps in between
// only read): ON CONFLICT's INSERT meets a key another transaction inserted after the plan's
// locking reads, which under READ COMMITTED do not lock absent keys, and decides again, as
// PostgreSQL's speculative insertion does.
//
// # Never
//
// The executor never assembles SQL: every statement comes from a step's Build (TiDB AST and
// Restore in package translate). It never opens, commits or rolls back a transaction itself,
// and never runs a plan step outside the transaction the caller opened (DDL plans have none),
// except a step marked Outside, which runs on a connection of its own in autocommit (setval's
// ALTER SEQUENCE, which TiDB would otherwise run as DDL committing the session's transaction).
// It must not import
// package translate (translate imports it).
package returning

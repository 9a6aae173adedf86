// Package compat holds PostgreSQL session semantics that TiDB does not have in PostgreSQL's form
// and that pgtidb therefore keeps itself, as plain state with no I/O:
//
//   - GUCs (guc.go): the configuration parameters a client can SET, SHOW and RESET, with
//     PostgreSQL's names, defaults, validation, display forms and ParameterStatus reporting;
//     SET LOCAL and the undoing of SET by ROLLBACK (and ROLLBACK TO SAVEPOINT).
//   - the transaction state machine (txn.go): idle / in block / failed, implicit blocks of a
//     multi-statement simple query, savepoints, and what each PostgreSQL transaction statement
//     means in that state; the constraint modes SET CONSTRAINTS sets (constraints.go).
//   - utility statements (utility.go): SET/SHOW/RESET/BEGIN/COMMIT/… parsed by pg_query are
//     classified into Actions the proxy carries out against TiDB.
//
// Data enters as pg_query nodes and session events; it leaves as Actions, ParameterStatus
// updates and *pgerror.Error values. compat never talks to TiDB: the proxy does, so that every
// TiDB round trip is visible in one place (package proxy).
//
// Transaction decisions (documented for users in README.md):
//   - default isolation READ COMMITTED (TiDB pessimistic READ-COMMITTED); REPEATABLE READ maps to
//     TiDB's snapshot isolation (PostgreSQL's REPEATABLE READ is snapshot isolation too);
//     READ UNCOMMITTED is READ COMMITTED as in PostgreSQL; SERIALIZABLE is refused with 0A000 —
//     TiDB has no serializable isolation and pgtidb never weakens a requested level silently.
//   - after an error in a transaction block every statement but ROLLBACK / ROLLBACK TO gets
//     25P02, and COMMIT of a failed block rolls back (reported as ROLLBACK, as PostgreSQL does).
//   - DDL in a transaction block: TiDB commits the open transaction before DDL. pgtidb runs DDL in
//     a block only while the block has written nothing (so nothing is committed early); the DDL
//     itself takes effect at once and is not undone by ROLLBACK (a WARNING says so). DDL after
//     writes in the same block is refused with 25001 before anything is sent to TiDB.
package compat

// Package tidbsql builds the TiDB statements pgtidb issues on its own behalf — transaction
// control, session variables, USE, KILL QUERY, the shadow catalog's DDL and queries — as TiDB
// parser AST nodes restored to text with translate's flags. Nothing here pastes SQL strings:
// identifiers and literals are quoted by Restore.
//
// Client statements are not built here; package translate owns those.
package tidbsql

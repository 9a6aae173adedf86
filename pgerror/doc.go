// Package pgerror is the error value every layer of pgtidb returns when a client must see a
// PostgreSQL error: a SQLSTATE code (constants from github.com/jackc/pgerrcode), a message in
// PostgreSQL's style, and optional detail, hint and position. The proxy turns it into an
// ErrorResponse; any other error reaching the proxy is reported as XX000 internal_error without
// its Go text.
//
// Constructors: New / Newf for a code and message, Unsupported for a PostgreSQL construct that
// has no faithful translation on TiDB (SQLSTATE 0A000, the message names the construct).
package pgerror

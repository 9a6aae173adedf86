// Command pgtidb is a PostgreSQL endpoint for TiDB.
//
// With no --upstream it starts a stock TiDB of its own on TiDB's embedded unistore store (data
// under --data) and serves PostgreSQL clients on --listen; with --upstream host:port it fronts
// an existing TiDB. Every flag has a PGTIDB_* environment variable (--upstream-user is
// PGTIDB_UPSTREAM_USER); a flag given on the command line wins over the environment.
//
// Lifecycle: the listening port is taken first (a port in use fails before TiDB starts), then
// the embedded TiDB is started (package embedded) or the upstream is checked (package proxy
// refuses a TiDB that cannot give PostgreSQL's semantics), then clients are served until
// SIGINT/SIGTERM, when sessions end (open transactions roll back) and the embedded TiDB stops.
package main

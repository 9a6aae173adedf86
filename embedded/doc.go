// Package embedded runs the stock TiDB that pgtidb fronts when no upstream is configured.
//
// It starts an unmodified tidb-server (github.com/pingcap/tidb/cmd/tidb-server, the version
// pinned in go.mod) as a child process on TiDB's embedded unistore store, with its data under a
// directory the caller gives, listening on loopback only. The proxy then talks to it over the
// MySQL protocol exactly as it talks to a real cluster: the embedded TiDB is never a special case
// past this package.
//
// TiDB runs in its own process, not linked into pgtidb: the pgtidb binary stays small and quick
// to build, a TiDB crash cannot take the proxy's sessions' memory with it, and test binaries never
// link TiDB. The tidb-server binary is found, in order, at Options.Binary, next to the running
// executable, in $PATH, or is built once with `go build` from the module's pinned version into
// the data directory (about six minutes on two cores; later starts reuse it).
//
// Lifecycle: Start returns once TiDB answers a query; Stop sends SIGTERM, waits, then kills.
// The child is placed in its own process group and is killed if pgtidb dies (Pdeathsig on
// Linux), so no orphan TiDB outlives the proxy.
package embedded

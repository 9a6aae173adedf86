package e2e

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"go.uber.org/zap"

	"github.com/pgtidb/pgtidb/embedded"
	"github.com/pgtidb/pgtidb/proxy"
)

// endpoint is a PostgreSQL-speaking server the tests connect to: the real PostgreSQL 15 or
// pgtidb. Both accept user postgres without a password.
type endpoint struct {
	name string // "PG" or "pgtidb", used in reports
	host string
	port int
}

// DSN is the connection string of database db on the endpoint.
func (e endpoint) DSN(db string) string {
	u := url.URL{
		Scheme:   "postgres",
		User:     url.User("postgres"),
		Host:     net.JoinHostPort(e.host, strconv.Itoa(e.port)),
		Path:     "/" + db,
		RawQuery: "sslmode=disable",
	}
	return u.String()
}

// connect opens a low-level connection to database db.
func (e endpoint) connect(ctx context.Context, db string) (*pgconn.PgConn, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	return pgconn.Connect(ctx, e.DSN(db))
}

// The shared environment. Each piece starts on first use (so that a fuzz worker, which needs
// only pgtidb, does not start PostgreSQL too) and once per test binary; TestMain stops them.
var (
	workDir     string // temporary directory of this test binary; logs live here
	workDirOnce sync.Once
	workDirErr  error

	pgOnce   sync.Once
	pgServer endpoint
	pgErr    error
	pgProc   *exec.Cmd
	pgDone   chan struct{}

	pgtidbOnce   sync.Once
	pgtidbServer endpoint
	pgtidbErr    error
	tidb         *embedded.TiDB
	srv          *proxy.Server
	proxyLog     *zap.Logger
)

func TestMain(m *testing.M) {
	flag.Parse()
	if os.Getenv("PGTIDB_E2E") == "skip" {
		fmt.Println("e2e: skipped because PGTIDB_E2E=skip")
		os.Exit(0)
	}
	if err := checkPrerequisites(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n(set PGTIDB_E2E=skip to skip the end-to-end tests)\n", err)
		os.Exit(1)
	}
	code := m.Run()
	teardown()
	os.Exit(code)
}

// checkPrerequisites fails loudly when a binary the suite needs is missing.
func checkPrerequisites() error {
	for _, bin := range []string{"initdb", "postgres", "psql"} {
		if _, err := exec.LookPath(bin); err != nil {
			return fmt.Errorf("PostgreSQL 15 binary %q is not on PATH: %w", bin, err)
		}
	}
	if os.Geteuid() == 0 {
		if _, err := user.Lookup("postgres"); err != nil {
			return fmt.Errorf("running as root, PostgreSQL needs the system user postgres: %w", err)
		}
	}
	if bin := os.Getenv("PGTIDB_TIDB_SERVER"); bin != "" {
		if _, err := os.Stat(bin); err != nil {
			return fmt.Errorf("PGTIDB_TIDB_SERVER=%s: %w", bin, err)
		}
	}
	return nil
}

// tidbBinary is the tidb-server to run: $PGTIDB_TIDB_SERVER, else <repo>/bin/tidb-server, else
// "" (package embedded then finds or builds one, which takes minutes).
func tidbBinary() string {
	if bin := os.Getenv("PGTIDB_TIDB_SERVER"); bin != "" {
		return bin
	}
	if bin, err := filepath.Abs(filepath.Join("..", "bin", "tidb-server")); err == nil {
		if _, err := os.Stat(bin); err == nil {
			return bin
		}
	}
	return ""
}

func getWorkDir() (string, error) {
	workDirOnce.Do(func() {
		workDir, workDirErr = os.MkdirTemp("", "pgtidb-e2e-")
	})
	return workDir, workDirErr
}

// requirePG returns the throw-away PostgreSQL 15, starting it on first use.
func requirePG(t testing.TB) endpoint {
	t.Helper()
	pgOnce.Do(func() { pgErr = startPG() })
	if pgErr != nil {
		t.Fatalf("PostgreSQL 15 did not start: %v", pgErr)
	}
	return pgServer
}

// requirePgtidb returns pgtidb on the embedded TiDB, starting both on first use.
func requirePgtidb(t testing.TB) endpoint {
	t.Helper()
	pgtidbOnce.Do(func() { pgtidbErr = startPgtidb() })
	if pgtidbErr != nil {
		t.Fatalf("pgtidb did not start: %v", pgtidbErr)
	}
	return pgtidbServer
}

// requireBoth returns PostgreSQL and pgtidb.
func requireBoth(t testing.TB) (pg, pgtidb endpoint) {
	t.Helper()
	return requirePG(t), requirePgtidb(t)
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// startPG creates a cluster with initdb and runs postgres as a child of this process (as the
// postgres system user when running as root: PostgreSQL refuses to run as root). The child gets
// SIGKILL if the test binary dies, so no cluster outlives a crashed or timed-out test.
func startPG() error {
	wd, err := getWorkDir()
	if err != nil {
		return err
	}
	// PostgreSQL's directory is separate from workDir: it must be owned (and reachable) by the
	// postgres user, and workDir is private to the current user.
	dir, err := os.MkdirTemp("", "pgtidb-e2e-pg-")
	if err != nil {
		return err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return err
	}
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return err
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return err
		}
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	}
	data := filepath.Join(dir, "data")
	initdb := exec.Command("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")
	initdb.Dir = dir
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		return fmt.Errorf("initdb: %v\n%s", err, out)
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	logFile, err := os.Create(filepath.Join(wd, "postgres.log"))
	if err != nil {
		return err
	}
	cmd := exec.Command("postgres", "-D", data, "-p", strconv.Itoa(port), "-k", dir,
		"-c", "listen_addresses=127.0.0.1", "-c", "TimeZone=UTC", "-c", "fsync=off",
		"-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return fmt.Errorf("postgres: %w", err)
	}
	pgProc, pgDone = cmd, make(chan struct{})
	go func() {
		_ = cmd.Wait()
		logFile.Close()
		close(pgDone)
	}()
	pgServer = endpoint{name: "PG", host: "127.0.0.1", port: port}
	deadline := time.Now().Add(60 * time.Second)
	for {
		conn, err := pgServer.connect(context.Background(), "postgres")
		if err == nil {
			conn.Close(context.Background())
			break
		}
		select {
		case <-pgDone:
			return fmt.Errorf("postgres exited during startup (see %s)", filepath.Join(wd, "postgres.log"))
		default:
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres does not answer on port %d: %w (see %s)", port, err, filepath.Join(wd, "postgres.log"))
		}
		time.Sleep(100 * time.Millisecond)
	}
	os.Setenv("PGTIDB_E2E_PG_DSN", pgServer.DSN("postgres"))
	return nil
}

// startPgtidb starts the embedded TiDB and the proxy in this process on 127.0.0.1:0.
func startPgtidb() error {
	wd, err := getWorkDir()
	if err != nil {
		return err
	}
	logCfg := zap.NewDevelopmentConfig()
	logCfg.Development = false
	logCfg.DisableStacktrace = true
	logCfg.OutputPaths = []string{filepath.Join(wd, "pgtidb.log")}
	logCfg.ErrorOutputPaths = []string{filepath.Join(wd, "pgtidb.log")}
	if proxyLog, err = logCfg.Build(); err != nil {
		return err
	}
	ctx := context.Background()
	bin := tidbBinary()
	if bin == "" {
		fmt.Fprintln(os.Stderr, "e2e: no tidb-server binary (PGTIDB_TIDB_SERVER, bin/tidb-server); package embedded builds one, which takes minutes")
	}
	tidb, err = embedded.Start(ctx, embedded.Options{DataDir: filepath.Join(wd, "tidb"), Binary: bin, Logger: proxyLog})
	if err != nil {
		return err
	}
	srv, err = proxy.NewServer(ctx, proxy.Config{Upstream: tidb.Addr(), UpstreamUser: "root", Logger: proxyLog, ConfigureGlobals: true})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, net.ErrClosed) {
			proxyLog.Error("proxy Serve returned", zap.Error(err))
		}
	}()
	pgtidbServer = endpoint{name: "pgtidb", host: "127.0.0.1", port: ln.Addr().(*net.TCPAddr).Port}
	os.Setenv("PGTIDB_E2E_PGTIDB_DSN", pgtidbServer.DSN("postgres"))
	return nil
}

func teardown() {
	if srv != nil {
		_ = srv.Close()
	}
	if tidb != nil {
		_ = tidb.Stop()
	}
	if pgProc != nil {
		// SIGQUIT is PostgreSQL's immediate shutdown (pg_ctl stop -m immediate).
		_ = pgProc.Process.Signal(syscall.SIGQUIT)
		select {
		case <-pgDone:
		case <-time.After(10 * time.Second):
			_ = pgProc.Process.Kill()
		}
		_ = os.RemoveAll(pgProc.Dir)
	}
	if proxyLog != nil {
		_ = proxyLog.Sync()
	}
	if workDir != "" {
		if os.Getenv("PGTIDB_E2E_KEEP") != "" {
			fmt.Fprintf(os.Stderr, "e2e: logs kept in %s\n", workDir)
		} else {
			_ = os.RemoveAll(workDir)
		}
	}
}

// createDatabase creates database db on the endpoint (dropping a leftover of the same name).
func createDatabase(ctx context.Context, e endpoint, db string) error {
	conn, err := e.connect(ctx, "postgres")
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+quoteIdent(db)).ReadAll(); err != nil {
		return fmt.Errorf("%s: DROP DATABASE %s: %w", e.name, db, err)
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+quoteIdent(db)).ReadAll(); err != nil {
		return fmt.Errorf("%s: CREATE DATABASE %s: %w", e.name, db, err)
	}
	return nil
}

func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

package embedded

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/go-sql-driver/mysql"
	"go.uber.org/zap"
)

// TiDBModule is the package path of the stock TiDB server pgtidb runs.
const TiDBModule = "github.com/pingcap/tidb/cmd/tidb-server"

// Options configure an embedded TiDB.
type Options struct {
	// DataDir holds the unistore data (DataDir/tidb), TiDB's log and, when pgtidb has to build
	// it, the tidb-server binary (DataDir/bin).
	DataDir string
	// Binary is the tidb-server executable; empty means look it up (see the package doc).
	Binary string
	// Port is the MySQL port on 127.0.0.1; 0 picks a free one.
	Port int
	// StatusPort is TiDB's HTTP status port; 0 picks a free one.
	StatusPort int
	// Logger receives pgtidb's own lines about the child; TiDB's log goes to DataDir/tidb.log.
	Logger *zap.Logger
	// StartTimeout bounds the wait for TiDB to answer (default 2 minutes: the first bootstrap
	// of a new store takes a while).
	StartTimeout time.Duration
}

// TiDB is a running embedded tidb-server.
type TiDB struct {
	cmd    *exec.Cmd
	addr   string
	done   chan struct{}
	err    error // exit status, valid after done is closed
	logger *zap.Logger
}

// Start launches tidb-server and returns when it answers `SELECT 1`.
func Start(ctx context.Context, opts Options) (*TiDB, error) {
	if opts.Logger == nil {
		opts.Logger = zap.NewNop()
	}
	if opts.StartTimeout == 0 {
		opts.StartTimeout = 2 * time.Minute
	}
	dataDir, err := filepath.Abs(opts.DataDir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, fmt.Errorf("embedded TiDB: data directory: %w", err)
	}
	bin, err := findBinary(ctx, opts.Binary, dataDir, opts.Logger)
	if err != nil {
		return nil, err
	}
	port, err := pickPort(opts.Port)
	if err != nil {
		return nil, err
	}
	statusPort, err := pickPort(opts.StatusPort)
	if err != nil {
		return nil, err
	}
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	args := []string{
		"--store=unistore",
		"--path=" + filepath.Join(dataDir, "tidb"),
		"--host=127.0.0.1",
		"-P", strconv.Itoa(port),
		"--status", strconv.Itoa(statusPort),
		"--log-file=" + filepath.Join(dataDir, "tidb.log"),
		"-L", "warn",
		"--report-status=true",
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dataDir
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	stderr, err := os.OpenFile(filepath.Join(dataDir, "tidb.stderr"), os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = stderr, stderr
	opts.Logger.Info("starting embedded TiDB", zap.String("binary", bin), zap.String("addr", addr), zap.String("data", dataDir))
	if err := cmd.Start(); err != nil {
		stderr.Close()
		return nil, fmt.Errorf("embedded TiDB: start %s: %w", bin, err)
	}
	t := &TiDB{cmd: cmd, addr: addr, done: make(chan struct{}), logger: opts.Logger}
	go func() {
		t.err = cmd.Wait()
		stderr.Close()
		close(t.done)
	}()
	if err := t.waitReady(ctx, opts.StartTimeout); err != nil {
		_ = t.Stop()
		return nil, fmt.Errorf("embedded TiDB did not start (see %s): %w", filepath.Join(dataDir, "tidb.log"), err)
	}
	return t, nil
}

// Addr is TiDB's MySQL address, host:port.
func (t *TiDB) Addr() string { return t.addr }

// Done is closed when the tidb-server process has exited.
func (t *TiDB) Done() <-chan struct{} { return t.done }

// Stop terminates tidb-server: SIGTERM, then SIGKILL after ten seconds.
func (t *TiDB) Stop() error {
	select {
	case <-t.done:
		return nil
	default:
	}
	_ = t.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-t.done:
	case <-time.After(10 * time.Second):
		_ = syscall.Kill(-t.cmd.Process.Pid, syscall.SIGKILL)
		<-t.done
	}
	return nil
}

func (t *TiDB) waitReady(ctx context.Context, timeout time.Duration) error {
	cfg := mysql.NewConfig()
	cfg.Net, cfg.Addr, cfg.User = "tcp", t.addr, "root"
	cfg.Timeout = time.Second
	connector, err := mysql.NewConnector(cfg)
	if err != nil {
		return err
	}
	db := sql.OpenDB(connector)
	defer db.Close()
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		select {
		case <-t.done:
			return fmt.Errorf("tidb-server exited: %v", t.err)
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
		pingCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
		_, last = db.ExecContext(pingCtx, "SELECT 1")
		cancel()
		if last == nil {
			return nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	return fmt.Errorf("no answer within %s: %v", timeout, last)
}

// findBinary locates tidb-server, building it from the pinned module when it is nowhere.
func findBinary(ctx context.Context, explicit, dataDir string, logger *zap.Logger) (string, error) {
	if explicit != "" {
		if _, err := os.Stat(explicit); err != nil {
			return "", fmt.Errorf("embedded TiDB: binary %s: %w", explicit, err)
		}
		return explicit, nil
	}
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), "tidb-server")
		if isExecutable(p) {
			return p, nil
		}
	}
	if p, err := exec.LookPath("tidb-server"); err == nil {
		return p, nil
	}
	built := filepath.Join(dataDir, "bin", "tidb-server")
	if isExecutable(built) {
		return built, nil
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		return "", errors.New("embedded TiDB: no tidb-server binary (give --tidb-server, put it on PATH, or install Go so pgtidb can build it)")
	}
	logger.Warn("building the stock tidb-server once; this takes several minutes", zap.String("module", TiDBModule), zap.String("output", built))
	cmd := exec.CommandContext(ctx, gobin, "build", "-o", built, TiDBModule)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("embedded TiDB: go build %s (run from the pgtidb source tree): %w", TiDBModule, err)
	}
	return built, nil
}

func isExecutable(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir() && st.Mode()&0o111 != 0
}

func pickPort(port int) (int, error) {
	if port != 0 {
		return port, nil
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

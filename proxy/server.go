package proxy

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-sql-driver/mysql"
	"go.uber.org/zap"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/tidbsql"
)

// Config configures a Server.
type Config struct {
	// Upstream is TiDB's MySQL address, host:port.
	Upstream string
	// UpstreamUser and UpstreamPassword authenticate pgtidb to TiDB.
	UpstreamUser     string
	UpstreamPassword string
	// Logger; nil logs nothing.
	Logger *zap.Logger
	// Limits bound client input; zero fields take DefaultLimits.
	Limits Limits
	// ConfigureGlobals lets pgtidb set the TiDB global variables PostgreSQL semantics need
	// (true for the embedded TiDB). When false, pgtidb checks them and refuses to start if
	// one is missing.
	ConfigureGlobals bool
}

// Server accepts PostgreSQL connections and serves them from TiDB.
type Server struct {
	cfg          Config
	log          *zap.Logger
	mysqlCfg     *mysql.Config
	admin        *sql.DB // for KILL QUERY, catalog version polling; never for client statements
	sessionConns *sql.DB // hands each session a new connection of its own; none is ever reused
	catalog      *catalog.Store
	cache        *stmtCache

	mu       sync.Mutex
	ln       net.Listener
	sessions map[uint32]*conn
	closed   bool
	nextPID  atomic.Uint32
	wg       sync.WaitGroup
	stop     context.CancelFunc
}

// NewServer connects to TiDB, checks and prepares it for PostgreSQL semantics, and returns a
// Server ready to Serve. A TiDB that cannot be reached, or that cannot give the semantics
// pgtidb needs, is an error.
func NewServer(ctx context.Context, cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	if cfg.Limits.MaxMessageSize == 0 {
		cfg.Limits.MaxMessageSize = DefaultLimits.MaxMessageSize
	}
	if cfg.Limits.MaxSQLLength == 0 {
		cfg.Limits.MaxSQLLength = DefaultLimits.MaxSQLLength
	}
	if cfg.Limits.MaxDepth == 0 {
		cfg.Limits.MaxDepth = DefaultLimits.MaxDepth
	}
	mc := mysql.NewConfig()
	mc.Net, mc.Addr, mc.User, mc.Passwd = "tcp", cfg.Upstream, cfg.UpstreamUser, cfg.UpstreamPassword
	mc.InterpolateParams = true
	mc.ClientFoundRows = true // UPDATE counts matched rows, as PostgreSQL does
	mc.Timeout = 10 * time.Second
	mc.AllowNativePasswords = true
	mc.MaxAllowedPacket = 0 // read max_allowed_packet from the server
	connector, err := mysql.NewConnector(mc)
	if err != nil {
		return nil, err
	}
	sessDB := sql.OpenDB(connector)
	sessDB.SetMaxIdleConns(0)
	admin := sql.OpenDB(connector)
	admin.SetMaxOpenConns(4)
	admin.SetMaxIdleConns(2)
	s := &Server{
		cfg: cfg, log: cfg.Logger, mysqlCfg: mc, admin: admin, sessionConns: sessDB,
		catalog: catalog.NewStore(), cache: newStmtCache(4096),
		sessions: map[uint32]*conn{},
	}
	if err := s.prepareTiDB(ctx); err != nil {
		admin.Close()
		return nil, err
	}
	wctx, cancel := context.WithCancel(context.Background())
	s.stop = cancel
	go s.catalog.Watch(wctx, admin, time.Second)
	return s, nil
}

// requiredGlobals are the TiDB global settings PostgreSQL semantics need.
var requiredGlobals = []tidbsql.Var{
	// CHECK constraints are parsed but ignored while this is OFF.
	{Name: "tidb_enable_check_constraint", Value: true},
}

func (s *Server) prepareTiDB(ctx context.Context) error {
	pingCtx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := s.admin.PingContext(pingCtx); err != nil {
		return fmt.Errorf("cannot reach TiDB at %s: %w", s.cfg.Upstream, err)
	}
	var version string
	if err := s.admin.QueryRowContext(ctx, tidbsql.SelectVars("version")).Scan(&version); err != nil {
		return fmt.Errorf("TiDB at %s: %w", s.cfg.Upstream, err)
	}
	if !strings.Contains(strings.ToLower(version), "tidb") {
		return fmt.Errorf("upstream %s is not TiDB (version %q)", s.cfg.Upstream, version)
	}
	for _, v := range requiredGlobals {
		var cur string
		if err := s.admin.QueryRowContext(ctx, tidbsql.SelectGlobalVars(v.Name)).Scan(&cur); err != nil {
			return fmt.Errorf("TiDB at %s has no %s (pgtidb needs a TiDB with it): %w", s.cfg.Upstream, v.Name, err)
		}
		if cur == "1" || cur == "ON" {
			continue
		}
		if !s.cfg.ConfigureGlobals {
			return fmt.Errorf("TiDB at %s has %s=%s; pgtidb needs it ON (run SET GLOBAL %s = ON as an administrator)", s.cfg.Upstream, v.Name, cur, v.Name)
		}
		if _, err := s.admin.ExecContext(ctx, tidbsql.SetVars(true, v)); err != nil {
			return fmt.Errorf("TiDB at %s: cannot set %s: %w", s.cfg.Upstream, v.Name, err)
		}
	}
	if err := catalog.Bootstrap(ctx, s.admin); err != nil {
		return fmt.Errorf("TiDB at %s: cannot create the shadow catalog: %w", s.cfg.Upstream, err)
	}
	// PostgreSQL always has a database named postgres; psql and tools connect to it.
	if _, err := s.admin.ExecContext(ctx, tidbsql.CreateDatabase("postgres", true)); err != nil {
		return fmt.Errorf("TiDB at %s: %w", s.cfg.Upstream, err)
	}
	return nil
}

// ListenAndServe listens on addr and serves until Close.
func (s *Server) ListenAndServe(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

// Serve accepts connections on ln until Close.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ln.Close()
		return errors.New("server closed")
	}
	s.ln = ln
	s.mu.Unlock()
	for {
		nc, err := ln.Accept()
		if err != nil {
			s.mu.Lock()
			closed := s.closed
			s.mu.Unlock()
			if closed {
				return nil
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				time.Sleep(10 * time.Millisecond)
				continue
			}
			return err
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			newConn(s, nc).serve()
		}()
	}
}

// Addr is the listening address (after Serve started).
func (s *Server) Addr() net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil {
		return nil
	}
	return s.ln.Addr()
}

// Close stops accepting, ends every session (rolling back their open transactions) and
// closes the TiDB connections.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	if s.ln != nil {
		s.ln.Close()
	}
	for _, c := range s.sessions {
		c.nc.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
	if s.stop != nil {
		s.stop()
	}
	s.sessionConns.Close()
	return s.admin.Close()
}

// sessionDB is where sessions get their TiDB connections.
func (s *Server) sessionDB() *sql.DB { return s.sessionConns }

// register assigns a process ID and secret key to a session.
func (s *Server) register(c *conn) (pid uint32, secret []byte) {
	secret = make([]byte, 4)
	_, _ = rand.Read(secret)
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		pid = s.nextPID.Add(1) & 0x7fffffff
		if _, taken := s.sessions[pid]; !taken && pid != 0 {
			break
		}
	}
	s.sessions[pid] = c
	return pid, secret
}

func (s *Server) unregister(pid uint32) {
	s.mu.Lock()
	delete(s.sessions, pid)
	s.mu.Unlock()
}

// cancel acts on a CancelRequest: the statement running for session pid is killed on TiDB
// if the secret matches. Mismatches are ignored silently, as PostgreSQL does.
func (s *Server) cancel(pid uint32, secret []byte) {
	s.mu.Lock()
	c := s.sessions[pid]
	s.mu.Unlock()
	if c == nil || !bytes.Equal(c.secret, secret) {
		return
	}
	c.sess.cancel(cancelByUser)
}

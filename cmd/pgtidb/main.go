package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/pgtidb/pgtidb/embedded"
	"github.com/pgtidb/pgtidb/proxy"
)

type options struct {
	listen, data, upstream, upstreamUser, upstreamPassword, tidbServer, logFormat, logLevel string
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "pgtidb:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("pgtidb", flag.ContinueOnError)
	str := func(p *string, name, def, usage string) {
		env := "PGTIDB_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
		if v, ok := os.LookupEnv(env); ok {
			def = v
		}
		fs.StringVar(p, name, def, usage+" (env "+env+")")
	}
	str(&o.listen, "listen", "127.0.0.1:5433", "address to serve PostgreSQL clients on")
	str(&o.data, "data", "./pgtidb-data", "data directory of the embedded TiDB")
	str(&o.upstream, "upstream", "", "host:port of an existing TiDB to front instead of the embedded one")
	str(&o.upstreamUser, "upstream-user", "root", "TiDB user pgtidb connects as")
	str(&o.upstreamPassword, "upstream-password", "", "password of the TiDB user")
	str(&o.tidbServer, "tidb-server", "", "tidb-server binary for the embedded TiDB (default: found or built, see README)")
	str(&o.logFormat, "log-format", "console", "log format: console or json")
	str(&o.logLevel, "log-level", "info", "log level: debug, info, warn, error")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	return o, nil
}

func newLogger(o *options) (*zap.Logger, error) {
	var cfg zap.Config
	switch o.logFormat {
	case "console":
		cfg = zap.NewDevelopmentConfig()
		cfg.Development = false
		cfg.DisableStacktrace = true
	case "json":
		cfg = zap.NewProductionConfig()
	default:
		return nil, fmt.Errorf("--log-format must be console or json, not %q", o.logFormat)
	}
	level, err := zapcore.ParseLevel(o.logLevel)
	if err != nil {
		return nil, err
	}
	cfg.Level = zap.NewAtomicLevelAt(level)
	return cfg.Build()
}

func run(args []string) error {
	o, err := parseFlags(args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	log, err := newLogger(o)
	if err != nil {
		return err
	}
	defer log.Sync() //nolint:errcheck

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// Take the port first: a port in use is reported before TiDB is started.
	ln, err := net.Listen("tcp", o.listen)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", o.listen, err)
	}
	defer ln.Close()

	upstream, configure := o.upstream, false
	if upstream == "" {
		tidb, err := embedded.Start(ctx, embedded.Options{DataDir: o.data, Binary: o.tidbServer, Logger: log})
		if err != nil {
			return err
		}
		defer func() {
			log.Info("stopping embedded TiDB")
			_ = tidb.Stop()
		}()
		upstream, configure = tidb.Addr(), true
		go func() {
			<-tidb.Done()
			if ctx.Err() == nil {
				log.Error("embedded TiDB exited; shutting down")
				stop()
			}
		}()
	}
	srv, err := proxy.NewServer(ctx, proxy.Config{
		Upstream: upstream, UpstreamUser: o.upstreamUser, UpstreamPassword: o.upstreamPassword,
		Logger: log, ConfigureGlobals: configure,
	})
	if err != nil {
		return err
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("pgtidb ready", zap.String("listen", ln.Addr().String()), zap.String("tidb", upstream))
	select {
	case <-ctx.Done():
		log.Info("shutting down")
	case err = <-errc:
	}
	_ = srv.Close()
	return err
}

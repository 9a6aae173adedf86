package main

import (
	"net"
	"strings"
	"testing"
)

func TestFlagsFromEnvironment(t *testing.T) {
	t.Setenv("PGTIDB_LISTEN", "127.0.0.1:6000")
	t.Setenv("PGTIDB_UPSTREAM_USER", "app")
	o, err := parseFlags([]string{"--upstream-user", "admin"})
	if err != nil {
		t.Fatal(err)
	}
	if o.listen != "127.0.0.1:6000" {
		t.Errorf("PGTIDB_LISTEN ignored: %q", o.listen)
	}
	if o.upstreamUser != "admin" {
		t.Errorf("a flag must win over the environment: %q", o.upstreamUser)
	}
	if o.data != "./pgtidb-data" || o.logFormat != "console" {
		t.Errorf("defaults: data %q, log format %q", o.data, o.logFormat)
	}
	if _, err := parseFlags([]string{"stray"}); err == nil {
		t.Error("a stray argument must be an error")
	}
}

func TestPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	err = run([]string{"--listen", ln.Addr().String(), "--upstream", "127.0.0.1:1", "--log-level", "error"})
	if err == nil || !strings.Contains(err.Error(), "cannot listen") {
		t.Fatalf("port in use: got %v", err)
	}
}

func TestUpstreamUnreachable(t *testing.T) {
	// Port 1 on loopback refuses connections at once.
	err := run([]string{"--listen", "127.0.0.1:0", "--upstream", "127.0.0.1:1", "--log-level", "error"})
	if err == nil || !strings.Contains(err.Error(), "cannot reach TiDB") {
		t.Fatalf("unreachable upstream: got %v", err)
	}
}

func TestBadLogFormat(t *testing.T) {
	if err := run([]string{"--log-format", "xml"}); err == nil {
		t.Fatal("--log-format xml accepted")
	}
}

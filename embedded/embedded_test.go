package embedded_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pgtidb/pgtidb/embedded"
)

func TestMissingBinary(t *testing.T) {
	dir := t.TempDir()
	_, err := embedded.Start(context.Background(), embedded.Options{DataDir: dir, Binary: filepath.Join(dir, "no-such-tidb-server")})
	if err == nil {
		t.Fatal("a missing tidb-server binary must be an error")
	}
}

func TestBinaryThatExits(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "fake-tidb")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\necho not tidb >&2\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := embedded.Start(context.Background(), embedded.Options{DataDir: dir, Binary: bin})
	if err == nil {
		t.Fatal("a tidb-server that exits at once must be an error")
	}
}

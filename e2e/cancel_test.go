package e2e

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// A CancelRequest stops the statement the session runs (KILL QUERY on its TiDB connection), and
// the client gets PostgreSQL's 57014; the session stays usable.
func TestCancelRequest(t *testing.T) {
	e := requirePgtidb(t)
	ctx := context.Background()
	conn, err := e.connect(ctx, "postgres")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		_, err := conn.Exec(ctx, "SELECT pg_sleep(30)").ReadAll()
		done <- err
	}()
	time.Sleep(500 * time.Millisecond)
	if err := conn.CancelRequest(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "57014" {
			t.Fatalf("cancelled statement: got %v, want SQLSTATE 57014", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("CancelRequest did not stop the statement")
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Fatalf("cancel took %s", d)
	}
	if _, err := conn.Exec(ctx, "SELECT 1").ReadAll(); err != nil {
		t.Fatalf("session unusable after a cancel: %v", err)
	}
}

package e2e

import (
	"fmt"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// A portal suspended at a row limit inside a transaction block continues where it stopped,
// also after another statement used the connection in between (pgtidb then reads the rest of
// the portal's rows ahead); the message sequence must be PostgreSQL's.
func TestSuspendedPortal(t *testing.T) {
	pg, pgtidb := requireBoth(t)
	want := portalTranscript(t, pg)
	got := portalTranscript(t, pgtidb)
	if got != want {
		t.Fatalf("suspended portal differs\nPostgreSQL:\n%s\npgtidb:\n%s", want, got)
	}
}

func portalTranscript(t *testing.T, e endpoint) string {
	t.Helper()
	conn, err := net.DialTimeout("tcp", net.JoinHostPort(e.host, strconv.Itoa(e.port)), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
	fe := pgproto3.NewFrontend(conn, conn)
	var out strings.Builder
	// read collects messages until ReadyForQuery; only what the client can observe about the
	// protocol is recorded (not ParameterStatus or BackendKeyData).
	read := func() {
		for {
			msg, err := fe.Receive()
			if err != nil {
				t.Fatalf("%s: %v", e.name, err)
			}
			switch m := msg.(type) {
			case *pgproto3.ReadyForQuery:
				fmt.Fprintf(&out, "Ready %c\n", m.TxStatus)
				return
			case *pgproto3.DataRow:
				fmt.Fprintf(&out, "DataRow %q\n", m.Values)
			case *pgproto3.CommandComplete:
				fmt.Fprintf(&out, "CommandComplete %s\n", m.CommandTag)
			case *pgproto3.ErrorResponse:
				fmt.Fprintf(&out, "Error %s\n", m.Code)
			case *pgproto3.ParseComplete, *pgproto3.BindComplete, *pgproto3.PortalSuspended, *pgproto3.RowDescription:
				fmt.Fprintf(&out, "%T\n", m)
			}
		}
	}
	send := func(msgs ...pgproto3.FrontendMessage) {
		for _, m := range msgs {
			fe.Send(m)
		}
		if err := fe.Flush(); err != nil {
			t.Fatal(err)
		}
		read()
	}
	fe.Send(&pgproto3.StartupMessage{ProtocolVersion: pgproto3.ProtocolVersionNumber,
		Parameters: map[string]string{"user": "postgres", "database": "postgres"}})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	read()
	send(&pgproto3.Query{String: "BEGIN"})
	send(&pgproto3.Parse{Name: "s", Query: "SELECT x FROM (VALUES (1), (2), (3), (4)) v(x) ORDER BY x"},
		&pgproto3.Bind{DestinationPortal: "p", PreparedStatement: "s"},
		&pgproto3.Execute{Portal: "p", MaxRows: 2}, &pgproto3.Sync{})
	send(&pgproto3.Query{String: "SELECT 42"})
	send(&pgproto3.Execute{Portal: "p", MaxRows: 1}, &pgproto3.Sync{})
	send(&pgproto3.Execute{Portal: "p"}, &pgproto3.Sync{})
	send(&pgproto3.Query{String: "COMMIT"})
	send(&pgproto3.Execute{Portal: "p"}, &pgproto3.Sync{})
	// Suspended exactly at its last row: after another statement, the portal has no rows
	// left and must not run again.
	send(&pgproto3.Query{String: "BEGIN"})
	send(&pgproto3.Bind{DestinationPortal: "q", PreparedStatement: "s"},
		&pgproto3.Execute{Portal: "q", MaxRows: 4}, &pgproto3.Sync{})
	send(&pgproto3.Query{String: "SELECT 42"})
	send(&pgproto3.Execute{Portal: "q"}, &pgproto3.Sync{})
	send(&pgproto3.Query{String: "COMMIT"})
	return out.String()
}

package e2e

import (
	"context"
	"encoding/binary"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// FuzzWire sends arbitrary bytes to pgtidb after a valid startup and asserts that the proxy is
// still serving: a fresh connection must run SELECT 1. A crash of the proxy (a panic that
// escapes a session, a cgo fault in the parser) kills this test process, which the fuzzer
// reports as a failure; a wedged accept loop or leaked lock fails the liveness check.
//
//	go test ./e2e -run XXX -fuzz FuzzWire -fuzztime 5m -parallel 1
//
// Without -fuzz the seeds below run as an ordinary test. Each fuzz worker process starts its
// own TiDB and proxy (-parallel 1 keeps it to one).
func FuzzWire(f *testing.F) {
	for _, seed := range wireSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ep := requirePgtidb(t)
		addr := net.JoinHostPort(ep.host, strconv.Itoa(ep.port))
		conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			t.Fatalf("proxy does not accept connections: %v", err)
		}
		defer conn.Close()
		fe := pgproto3.NewFrontend(conn, conn)
		fe.Send(&pgproto3.StartupMessage{ProtocolVersion: pgproto3.ProtocolVersionNumber,
			Parameters: map[string]string{"user": "postgres", "database": "postgres"}})
		if err := fe.Flush(); err != nil {
			t.Fatalf("startup: %v", err)
		}
		if err := readUntilReady(conn, fe, 10*time.Second); err != nil {
			t.Fatalf("startup: %v", err)
		}
		if _, err := conn.Write(data); err == nil {
			// Half-close: the proxy sees EOF after the input, answers what was complete and
			// ends the session. Read until it closes (or the deadline: a proxy that hangs on
			// EOF is caught by the liveness check only if it also stops accepting).
			_ = conn.(*net.TCPConn).CloseWrite()
			_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			for {
				if _, err := fe.Receive(); err != nil {
					break
				}
			}
		}
		conn.Close()
		assertServing(t, ep)
	})
}

// readUntilReady reads backend messages until ReadyForQuery, an error, EOF or the deadline.
// The whole limit is the deadline of every read: a session's start (its TiDB connection and
// settings) can take seconds on a loaded machine, and a per-message idle timeout failed the
// fuzzer on a slow start rather than on a proxy that does not answer.
func readUntilReady(conn net.Conn, fe *pgproto3.Frontend, limit time.Duration) error {
	_ = conn.SetReadDeadline(time.Now().Add(limit))
	for {
		msg, err := fe.Receive()
		if err != nil {
			return err
		}
		if _, ok := msg.(*pgproto3.ReadyForQuery); ok {
			return nil
		}
	}
}

// assertServing fails unless a new connection to the proxy runs SELECT 1.
func assertServing(t *testing.T, ep endpoint) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	conn, err := ep.connect(ctx, "postgres")
	if err != nil {
		t.Fatalf("proxy no longer serving: connect: %v", err)
	}
	defer conn.Close(ctx)
	res, err := conn.Exec(ctx, "SELECT 1").ReadAll()
	if err != nil || len(res) != 1 || len(res[0].Rows) != 1 || string(res[0].Rows[0][0]) != "1" {
		t.Fatalf("proxy no longer serving: SELECT 1 gave %v, %v", res, err)
	}
}

// wireSeeds are message sequences a client sends after startup: valid ones of each protocol
// flow, and malformed ones (bad lengths, huge lengths, unknown types, truncated bodies).
func wireSeeds(f *testing.F) [][]byte {
	enc := func(msgs ...pgproto3.FrontendMessage) []byte {
		var b []byte
		for _, m := range msgs {
			var err error
			if b, err = m.Encode(b); err != nil {
				f.Fatal(err)
			}
		}
		return b
	}
	raw := func(typ byte, length uint32, body []byte) []byte {
		b := []byte{typ, 0, 0, 0, 0}
		binary.BigEndian.PutUint32(b[1:], length)
		return append(b, body...)
	}
	q := func(sql string) *pgproto3.Query { return &pgproto3.Query{String: sql} }
	deep := "SELECT " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000)
	seeds := [][]byte{
		enc(q("SELECT 1")),
		enc(q("SELECT 1; SELECT 'two'; SELECT NULL")),
		enc(q("")),
		enc(q("BEGIN"), q("SELECT * FROM no_such_table"), q("SELECT 1"), q("COMMIT")),
		enc(q("SET TimeZone = 'Asia/Tokyo'"), q("SHOW TimeZone"), q("RESET ALL")),
		enc(q(deep)),
		enc(q("SELECT '\xff\xfe'")),
		enc(q("SELECT 1 /* unterminated")),
		enc(
			&pgproto3.Parse{Name: "", Query: "SELECT $1::int + 1", ParameterOIDs: []uint32{23}},
			&pgproto3.Bind{ParameterFormatCodes: []int16{0}, Parameters: [][]byte{[]byte("41")}, ResultFormatCodes: []int16{1}},
			&pgproto3.Describe{ObjectType: 'P'},
			&pgproto3.Execute{},
			&pgproto3.Sync{},
		),
		enc(
			&pgproto3.Parse{Name: "s1", Query: "SELECT $1::text, $2::bytea"},
			&pgproto3.Describe{ObjectType: 'S', Name: "s1"},
			&pgproto3.Bind{PreparedStatement: "s1", ParameterFormatCodes: []int16{0, 1}, Parameters: [][]byte{[]byte("x"), {0, 255}}},
			&pgproto3.Execute{MaxRows: 1},
			&pgproto3.Close{ObjectType: 'S', Name: "s1"},
			&pgproto3.Sync{},
		),
		enc(&pgproto3.Bind{PreparedStatement: "missing"}, &pgproto3.Execute{}, &pgproto3.Sync{}),
		enc(&pgproto3.Execute{Portal: "nope"}, &pgproto3.Sync{}),
		enc(&pgproto3.Parse{Query: "SELECT $1"}, &pgproto3.Bind{Parameters: [][]byte{[]byte("a"), []byte("b")}}, &pgproto3.Sync{}),
		enc(&pgproto3.Parse{Query: "SELECT $1::int4"}, &pgproto3.Bind{ParameterFormatCodes: []int16{1}, Parameters: [][]byte{{1, 2}}}, &pgproto3.Execute{}, &pgproto3.Sync{}),
		enc(&pgproto3.Parse{Query: "SELECT 1; SELECT 2"}, &pgproto3.Sync{}),
		enc(&pgproto3.Flush{}),
		enc(&pgproto3.Sync{}, &pgproto3.Sync{}),
		enc(&pgproto3.Terminate{}),
		enc(&pgproto3.CopyData{Data: []byte("1\t2\n")}, &pgproto3.CopyDone{}, &pgproto3.CopyFail{Message: "x"}),
		enc(&pgproto3.FunctionCall{Function: 1, Arguments: [][]byte{[]byte("x")}}),
		raw('Q', 0x7fffffff, []byte("SELECT 1\x00")), // huge length
		raw('Q', 3, nil),                                               // length below the header's own size
		raw('Q', 9, []byte("SELECT 1")),                                // body without the NUL terminator
		raw('Q', 4, nil),                                               // empty body
		raw('z', 4, nil),                                               // unknown message type
		raw(0, 8, []byte{0, 0, 0, 0}),                                  // NUL type
		raw('P', 12, []byte{0, 'x', 0, 0xff, 0xff}),                    // Parse with a negative parameter count
		raw('B', 14, []byte{0, 0, 0, 1, 0, 0, 0, 1, 0xff, 0xff}),       // Bind with a truncated body
		append(enc(q("SELECT 1")), raw('Q', 100, []byte("SELECT"))...), // valid then truncated
		// A second StartupMessage in the middle of the session.
		{0, 0, 0, 8, 0, 3, 0, 0},
		// SSLRequest after startup.
		{0, 0, 0, 8, 4, 210, 22, 47},
	}
	return seeds
}

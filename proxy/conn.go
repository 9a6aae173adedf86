package proxy

import (
	"context"
	"errors"
	"io"
	"net"
	"runtime/debug"
	"strings"

	"github.com/jackc/pgerrcode"
	"github.com/jackc/pgx/v5/pgproto3"
	"go.uber.org/zap"

	"github.com/pgtidb/pgtidb/compat"
	"github.com/pgtidb/pgtidb/pgerror"
)

// conn is one client connection.
type conn struct {
	srv    *Server
	nc     net.Conn
	be     *pgproto3.Backend
	log    *zap.Logger
	pid    uint32
	secret []byte
	sess   *session
	ext    *extended
	// activity is the connection's pg_stat_activity row, read by other sessions (activity.go).
	activity *activity
}

func newConn(s *Server, nc net.Conn) *conn {
	be := pgproto3.NewBackend(nc, nc)
	be.SetMaxBodyLen(s.cfg.Limits.MaxMessageSize)
	return &conn{srv: s, nc: nc, be: be, log: s.log, activity: &activity{}}
}

// serve runs the connection to its end. A panic is contained here: logged with its stack,
// reported to the client as an internal error without Go text, and only this connection ends.
func (c *conn) serve() {
	defer func() {
		if r := recover(); r != nil {
			c.log.Error("panic in session", zap.Any("panic", r), zap.ByteString("stack", debug.Stack()))
			c.sendError(pgerror.New(pgerrcode.InternalError, "internal error in pgtidb; the session is closed"))
			_ = c.be.Flush()
		}
		if c.sess != nil {
			c.sess.close()
		}
		if c.pid != 0 {
			c.srv.unregister(c.pid)
		}
		c.nc.Close()
	}()
	if !c.startup() {
		return
	}
	c.loop()
}

// startup handles the startup phase; it returns false when the connection should end.
func (c *conn) startup() bool {
	for {
		msg, err := c.be.ReceiveStartupMessage()
		if err != nil {
			return false
		}
		switch m := msg.(type) {
		case *pgproto3.SSLRequest, *pgproto3.GSSEncRequest:
			// No TLS or GSS encryption yet: 'N' and the client goes on in plain text.
			if _, err := c.nc.Write([]byte{'N'}); err != nil {
				return false
			}
		case *pgproto3.CancelRequest:
			c.srv.cancel(m.ProcessID, m.SecretKey)
			return false
		case *pgproto3.StartupMessage:
			return c.open(m)
		default:
			return false
		}
	}
}

// open authenticates (trust), opens the session's TiDB connection and sends the startup
// replies.
func (c *conn) open(m *pgproto3.StartupMessage) bool {
	params := map[string]string{}
	for k, v := range m.Parameters {
		params[k] = v
	}
	user := params["user"]
	if user == "" {
		c.fatal(pgerror.New(pgerrcode.InvalidAuthorizationSpecification, "no PostgreSQL user name specified in startup packet"))
		return false
	}
	database := params["database"]
	if database == "" {
		database = user
	}
	gucs := compat.NewGUCs()
	for k, v := range params {
		switch k {
		case "user", "database", "replication":
			continue
		case "options":
			for name, value := range parseOptions(v) {
				if err := gucs.SetStartup(name, value); err != nil {
					c.fatal(err)
					return false
				}
			}
			continue
		}
		if err := gucs.SetStartup(k, v); err != nil {
			c.fatal(err)
			return false
		}
	}
	if params["replication"] != "" && params["replication"] != "false" {
		c.fatal(pgerror.Unsupported("replication connections"))
		return false
	}
	c.pid, c.secret = c.srv.register(c)
	c.log = c.srv.log.With(zap.Uint32("conn_id", c.pid), zap.String("user", user), zap.String("database", database))
	sess, err := openSession(context.Background(), c.srv, c, user, database, gucs)
	if err != nil {
		c.fatal(err)
		return false
	}
	c.sess = sess
	c.ext = newExtended(c)
	c.be.Send(&pgproto3.AuthenticationOk{})
	for _, kv := range gucs.Changed() {
		c.be.Send(&pgproto3.ParameterStatus{Name: kv[0], Value: kv[1]})
	}
	c.be.Send(&pgproto3.BackendKeyData{ProcessID: c.pid, SecretKey: c.secret})
	c.be.Send(&pgproto3.ReadyForQuery{TxStatus: byte(compat.TxnIdle)})
	return c.be.Flush() == nil
}

// parseOptions reads the startup "options" parameter: -c name=value and --name=value.
func parseOptions(s string) map[string]string {
	out := map[string]string{}
	fields := strings.Fields(s)
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		var kv string
		switch {
		case f == "-c" && i+1 < len(fields):
			i++
			kv = fields[i]
		case strings.HasPrefix(f, "-c"):
			kv = f[2:]
		case strings.HasPrefix(f, "--"):
			kv = f[2:]
		default:
			continue
		}
		if name, value, ok := strings.Cut(kv, "="); ok {
			out[strings.ReplaceAll(name, "-", "_")] = value
		}
	}
	return out
}

// loop reads and answers messages until Terminate or a broken connection.
func (c *conn) loop() {
	for {
		msg, err := c.be.Receive()
		if err != nil {
			var tooBig *pgproto3.ExceededMaxBodyLenErr
			if errors.As(err, &tooBig) {
				c.fatal(pgerror.Newf(pgerrcode.ProgramLimitExceeded, "message too long (%d bytes, limit %d)", tooBig.ActualBodyLen, tooBig.MaxExpectedBodyLen))
			} else if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, net.ErrClosed) {
				c.fatal(pgerror.New(pgerrcode.ProtocolViolation, "invalid frontend message"))
			}
			return
		}
		switch m := msg.(type) {
		case *pgproto3.Query:
			c.simpleQuery(m.String)
		case *pgproto3.Terminate:
			return
		case *pgproto3.Parse, *pgproto3.Bind, *pgproto3.Describe, *pgproto3.Execute,
			*pgproto3.Close, *pgproto3.Sync, *pgproto3.Flush:
			c.ext.receive(msg)
		case *pgproto3.FunctionCall:
			c.sendError(pgerror.Unsupported("the fast-path function call protocol"))
			c.ready()
		case *pgproto3.CopyData, *pgproto3.CopyDone, *pgproto3.CopyFail:
			// Stray COPY messages outside COPY are ignored, as PostgreSQL does.
		default:
			c.fatal(pgerror.New(pgerrcode.ProtocolViolation, "unexpected message"))
			return
		}
		if err := c.be.Flush(); err != nil {
			return
		}
	}
}

// ready sends ReadyForQuery with the session's transaction status.
func (c *conn) ready() {
	c.sess.activityReady()
	c.be.Send(&pgproto3.ReadyForQuery{TxStatus: byte(c.sess.txn.Status)})
}

// sendError sends err as an ErrorResponse.
func (c *conn) sendError(err error) {
	c.be.Send(errorResponse(err, c.log))
}

// sendNotice sends a NoticeResponse if client_min_messages lets it through.
func (c *conn) sendNotice(n *pgerror.Error) {
	if c.sess != nil && !c.sess.noticeWanted(n.Severity) {
		return
	}
	c.be.Send((*pgproto3.NoticeResponse)(errorResponse(n, c.log)))
}

// fatal sends a FATAL error and flushes; the caller ends the connection.
func (c *conn) fatal(err error) {
	er := errorResponse(err, c.log)
	er.Severity, er.SeverityUnlocalized = pgerror.SeverityFatal, pgerror.SeverityFatal
	c.be.Send(er)
	_ = c.be.Flush()
}

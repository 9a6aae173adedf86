package proxy

import (
	"context"

	"github.com/jackc/pgerrcode"
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgtidb/pgtidb/compat"
	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/translate"
	"github.com/pgtidb/pgtidb/typemap"
)

// maxQueued bounds the messages held between two Syncs.
const maxQueued = 100000

// extended runs the extended query protocol of one connection.
//
// Messages are queued until Sync or Flush and then processed together. PostgreSQL runs every
// Execute between two Syncs in one implicit transaction; holding the group lets pgtidb see
// how many statements it contains and open a TiDB transaction only when there is more than
// one (a lone Execute runs in autocommit: one round trip). An Execute sent after a Flush in
// the same group runs in its own autocommit transaction — a documented difference.
type extended struct {
	c        *conn
	queue    []pgproto3.FrontendMessage
	stmts    map[string]*stmt
	portals  map[string]*portal
	skipping bool // after an error, messages are ignored until Sync
}

type stmt struct {
	p *prepared // nil for an empty query string
}

// portal is a bound statement.
type portal struct {
	name string
	st   *stmt
	args []any
	// values are the bound parameters $1..$n (args is them in the order of the SQL's markers).
	values  []any
	formats []int16
	// reader is set while the portal is suspended with its TiDB rows still open.
	reader *rowReader
	// buffered rows, read ahead by detach when another statement needed the connection, and
	// the error that ended that read (reported after the buffered rows, as it would have been).
	buffered  [][][]byte
	bufferErr error
	// suspended is set once the portal stopped at a row limit: later Executes continue it.
	suspended bool
	done      bool
}

func newExtended(c *conn) *extended {
	return &extended{c: c, stmts: map[string]*stmt{}, portals: map[string]*portal{}}
}

// receive queues a message (copied: pgproto3 reuses them) and processes the queue at a Sync
// or Flush.
func (x *extended) receive(msg pgproto3.FrontendMessage) {
	if len(x.queue) >= maxQueued {
		x.c.fatal(pgerror.New(pgerrcode.ProgramLimitExceeded, "too many messages without Sync"))
		x.c.nc.Close()
		return
	}
	x.queue = append(x.queue, copyMessage(msg))
	switch msg.(type) {
	case *pgproto3.Sync, *pgproto3.Flush:
		x.process()
	}
}

func copyMessage(msg pgproto3.FrontendMessage) pgproto3.FrontendMessage {
	switch m := msg.(type) {
	case *pgproto3.Parse:
		c := *m
		c.ParameterOIDs = append([]uint32(nil), m.ParameterOIDs...)
		return &c
	case *pgproto3.Bind:
		c := *m
		c.ParameterFormatCodes = append([]int16(nil), m.ParameterFormatCodes...)
		c.ResultFormatCodes = append([]int16(nil), m.ResultFormatCodes...)
		c.Parameters = make([][]byte, len(m.Parameters))
		for i, p := range m.Parameters {
			if p != nil {
				c.Parameters[i] = append([]byte{}, p...)
			}
		}
		return &c
	case *pgproto3.Describe:
		c := *m
		return &c
	case *pgproto3.Execute:
		c := *m
		return &c
	case *pgproto3.Close:
		c := *m
		return &c
	case *pgproto3.Sync:
		return &pgproto3.Sync{}
	case *pgproto3.Flush:
		return &pgproto3.Flush{}
	}
	return msg
}

func (x *extended) process() {
	ctx := context.Background()
	queue := x.queue
	x.queue = nil
	s := x.c.sess
	executes := 0
	for _, m := range queue {
		if _, ok := m.(*pgproto3.Execute); ok {
			executes++
		}
	}
	if executes > 1 && !s.txn.InBlock() && !x.skipping {
		s.txn.Begin(true, x.defaultIsolation(), x.defaultReadOnly(), s.gucs)
	}
	for _, m := range queue {
		if x.skipping {
			if _, ok := m.(*pgproto3.Sync); ok {
				x.skipping = false
				x.c.ready()
			}
			continue
		}
		var err error
		switch m := m.(type) {
		case *pgproto3.Parse:
			err = x.parse(ctx, m)
		case *pgproto3.Bind:
			err = x.bind(m)
		case *pgproto3.Describe:
			err = x.describe(m)
		case *pgproto3.Execute:
			err = x.execute(ctx, m)
		case *pgproto3.Close:
			x.closeObject(m)
		case *pgproto3.Sync:
			if s.txn.Implicit {
				if err := s.endTxn(ctx, true); err != nil {
					x.c.sendError(err)
				}
			}
			x.c.ready()
		case *pgproto3.Flush:
			// process() runs at each Flush; the loop flushes after it.
		}
		if err != nil {
			x.c.sendError(err)
			s.failed(ctx)
			x.skipping = true
		}
	}
}

func (x *extended) defaultIsolation() string {
	v, _ := x.c.sess.gucs.Get("default_transaction_isolation")
	return v
}

func (x *extended) defaultReadOnly() bool {
	v, _ := x.c.sess.gucs.Get("default_transaction_read_only")
	return v == "on"
}

func (x *extended) parse(ctx context.Context, m *pgproto3.Parse) error {
	s := x.c.sess
	if m.Name != "" {
		if _, exists := x.stmts[m.Name]; exists {
			return pgerror.Newf(pgerrcode.DuplicatePreparedStatement, "prepared statement \"%s\" already exists", m.Name)
		}
	}
	s.activityStart(m.Query)
	raws, err := s.parse(m.Query)
	if err != nil {
		return err
	}
	if len(raws) > 1 {
		return pgerror.New(pgerrcode.SyntaxError, "cannot insert multiple commands into a prepared statement")
	}
	st := &stmt{}
	if len(raws) == 1 {
		if s.txn.Status == compat.TxnFailed && !isTxnExit(raws[0].GetStmt()) {
			return compat.ErrInFailedTxn
		}
		s.parsing = true
		p, err := s.prepare(ctx, raws[0], m.Query, m.ParameterOIDs)
		s.parsing = false
		if err != nil {
			return charPosition(err, m.Query)
		}
		st.p = p
	}
	x.stmts[m.Name] = st
	x.c.be.Send(&pgproto3.ParseComplete{})
	return nil
}

// text is the statement's text ("" for an empty query string).
func (st *stmt) text() string {
	if st.p == nil {
		return ""
	}
	return st.p.text
}

// markerArgs orders the parameter values as the SQL's markers use them.
func markerArgs(values []any, order []int) []any {
	args := make([]any, len(order))
	for i, idx := range order {
		args[i] = values[idx]
	}
	return args
}

// paramTypes are the statement's parameter types: declared by the client, else inferred.
func (st *stmt) paramTypes() []typemap.Type {
	if st.p == nil {
		return nil
	}
	return st.p.paramTypes
}

func (x *extended) bind(m *pgproto3.Bind) error {
	s := x.c.sess
	st, ok := x.stmts[m.PreparedStatement]
	if !ok {
		return pgerror.Newf(pgerrcode.InvalidSQLStatementName, "prepared statement \"%s\" does not exist", m.PreparedStatement)
	}
	s.activityStart(st.text())
	if m.DestinationPortal != "" {
		if _, exists := x.portals[m.DestinationPortal]; exists {
			return pgerror.Newf(pgerrcode.DuplicateCursor, "portal \"%s\" already exists", m.DestinationPortal)
		}
	}
	if s.txn.Status == compat.TxnFailed && (st.p == nil || !isTxnExit(st.p.raw.GetStmt())) {
		return compat.ErrInFailedTxn
	}
	types := st.paramTypes()
	if len(m.Parameters) != len(types) {
		return pgerror.Newf(pgerrcode.ProtocolViolation, "bind message supplies %d parameters, but prepared statement \"%s\" requires %d",
			len(m.Parameters), m.PreparedStatement, len(types))
	}
	if n := len(m.ParameterFormatCodes); n > 1 && n != len(m.Parameters) {
		return pgerror.Newf(pgerrcode.ProtocolViolation, "bind message has %d parameter formats but %d parameters", n, len(m.Parameters))
	}
	settings := s.valueSettings()
	values := make([]any, len(m.Parameters))
	for i, raw := range m.Parameters {
		if raw == nil {
			continue
		}
		format := int16(0)
		switch len(m.ParameterFormatCodes) {
		case 1:
			format = m.ParameterFormatCodes[0]
		case 0:
		default:
			format = m.ParameterFormatCodes[i]
		}
		v, err := typemap.DecodeParam(types[i], format, raw, &settings)
		if err != nil {
			if pe, ok := pgerror.As(err); ok && pe.Code == pgerrcode.InvalidBinaryRepresentation {
				// PostgreSQL names the parameter: "… in bind parameter 2".
				return pgerror.Newf(pe.Code, "%s %d", pe.Message, i+1)
			}
			return err
		}
		values[i] = v
	}
	p := &portal{name: m.DestinationPortal, st: st, formats: m.ResultFormatCodes, values: values}
	if st.p != nil && st.p.tr != nil {
		if n := len(m.ResultFormatCodes); n > 1 && n != len(st.p.tr.Columns) {
			return pgerror.Newf(pgerrcode.ProtocolViolation, "bind message has %d result formats but query has %d columns", n, len(st.p.tr.Columns))
		}
		p.args = markerArgs(values, st.p.tr.ParamOrder)
	}
	if old := x.portals[m.DestinationPortal]; old != nil {
		old.closeRows()
	}
	x.portals[m.DestinationPortal] = p
	x.c.be.Send(&pgproto3.BindComplete{})
	return nil
}

// columns returns the result columns of a statement (nil when it returns no rows).
func (st *stmt) columns() []translate.Column {
	if st.p == nil {
		return nil
	}
	if st.p.utility {
		return utilityColumns(st.p.raw.GetStmt())
	}
	return st.p.tr.Columns
}

func (x *extended) describe(m *pgproto3.Describe) error {
	switch m.ObjectType {
	case 'S':
		st, ok := x.stmts[m.Name]
		if !ok {
			return pgerror.Newf(pgerrcode.InvalidSQLStatementName, "prepared statement \"%s\" does not exist", m.Name)
		}
		pd := &pgproto3.ParameterDescription{}
		for _, t := range st.paramTypes() {
			pd.ParameterOIDs = append(pd.ParameterOIDs, t.OID)
		}
		x.c.be.Send(pd)
		if cols := st.columns(); cols != nil {
			x.c.be.Send(rowDescription(cols, &rowWriter{}))
		} else {
			x.c.be.Send(&pgproto3.NoData{})
		}
	case 'P':
		p, ok := x.portals[m.Name]
		if !ok {
			return pgerror.Newf(pgerrcode.InvalidCursorName, "portal \"%s\" does not exist", m.Name)
		}
		if cols := p.st.columns(); cols != nil {
			x.c.be.Send(rowDescription(cols, &rowWriter{formats: p.formats}))
		} else {
			x.c.be.Send(&pgproto3.NoData{})
		}
	default:
		return pgerror.New(pgerrcode.ProtocolViolation, "invalid DESCRIBE message subtype")
	}
	return nil
}

func (x *extended) execute(ctx context.Context, m *pgproto3.Execute) error {
	s := x.c.sess
	p, ok := x.portals[m.Portal]
	if !ok {
		return pgerror.Newf(pgerrcode.InvalidCursorName, "portal \"%s\" does not exist", m.Portal)
	}
	s.activityStart(p.st.text())
	if p.st.p == nil {
		x.c.be.Send(&pgproto3.EmptyQueryResponse{})
		return nil
	}
	w := &rowWriter{c: x.c, formats: p.formats, maxRows: int64(m.MaxRows), portal: p}
	if p.suspended || p.done {
		return x.resume(s, p, w)
	}
	var tag string
	var err error
	if p.st.p.utility {
		tag, err = s.utility(ctx, p.st.p.raw.GetStmt(), w)
	} else {
		prep, args := p.st.p, p.args
		if prep.tr.Uncacheable {
			if prep, err = s.retranslate(ctx, prep); err != nil {
				return err
			}
			args = markerArgs(p.values, prep.tr.ParamOrder)
		}
		tag, err = s.run(ctx, prep, args, w)
	}
	if err != nil {
		return err
	}
	if w.suspendedPortal != nil {
		x.c.be.Send(&pgproto3.PortalSuspended{})
		return nil
	}
	p.done = true
	x.c.be.Send(&pgproto3.CommandComplete{CommandTag: []byte(tag)})
	return nil
}

// resume continues a suspended portal.
func (x *extended) resume(s *session, p *portal, w *rowWriter) error {
	var n int64
	for len(p.buffered) > 0 {
		if w.maxRows > 0 && n == w.maxRows {
			x.c.be.Send(&pgproto3.PortalSuspended{})
			return nil
		}
		x.c.be.Send(&pgproto3.DataRow{Values: p.buffered[0]})
		p.buffered = p.buffered[1:]
		n++
	}
	p.buffered = nil
	if err := p.bufferErr; err != nil {
		p.bufferErr = nil
		p.done = true
		return err
	}
	if p.reader != nil {
		if s.suspended == p {
			s.suspended = nil
		}
		r := p.reader
		p.reader = nil
		w.maxRows -= n
		if w.maxRows < 0 {
			w.maxRows = 0
		}
		more, err := w.drain(s, r)
		if err != nil {
			return err
		}
		n += more
		if w.suspendedPortal != nil {
			x.c.be.Send(&pgproto3.PortalSuspended{})
			return nil
		}
	}
	p.done = true
	x.c.be.Send(&pgproto3.CommandComplete{CommandTag: []byte("SELECT " + itoa(n))})
	return nil
}

func (x *extended) closeObject(m *pgproto3.Close) {
	switch m.ObjectType {
	case 'S':
		delete(x.stmts, m.Name)
	case 'P':
		if p := x.portals[m.Name]; p != nil {
			p.closeRows()
			if x.c.sess.suspended == p {
				x.c.sess.suspended = nil
			}
		}
		delete(x.portals, m.Name)
	}
	x.c.be.Send(&pgproto3.CloseComplete{})
}

// buffer reads the rest of a suspended portal's rows into memory.
func (p *portal) buffer() {
	if p.reader == nil {
		return
	}
	r := p.reader
	p.reader = nil
	format := (&rowWriter{formats: p.formats}).format
	for {
		values, ok, err := r.next(format)
		if err != nil {
			p.bufferErr = err
			return
		}
		if !ok {
			return
		}
		row := make([][]byte, len(values))
		for i, v := range values {
			if v != nil {
				row[i] = append([]byte{}, v...)
			}
		}
		p.buffered = append(p.buffered, row)
	}
}

func (p *portal) closeRows() {
	if p.reader != nil {
		p.reader.close()
		p.reader = nil
	}
	p.buffered, p.bufferErr = nil, nil
}

// portalsEnd drops every portal at transaction end, as PostgreSQL does (no WITH HOLD).
func (x *extended) closeAllPortals() {
	for name, p := range x.portals {
		p.closeRows()
		delete(x.portals, name)
	}
	x.c.sess.suspended = nil
}

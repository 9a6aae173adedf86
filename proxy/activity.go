package proxy

import (
	"net"
	"sort"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/pgtidb/pgtidb/catalog"
	"github.com/pgtidb/pgtidb/compat"
)

// activity is what pg_stat_activity shows of one connection. The connection's own goroutine
// writes it at each protocol step (startup, the start of a Query, Parse, Bind or Execute
// message, ReadyForQuery); any session's pg_stat_activity reads it (Server.activities). Both
// go through mu and copy the row: a reader never sees a half-written one.
type activity struct {
	mu  sync.Mutex
	row catalog.SessionActivity // PID is 0 until the session is open: not listed
}

// update applies f to the row under the lock.
func (a *activity) update(f func(row *catalog.SessionActivity)) {
	a.mu.Lock()
	f(&a.row)
	a.mu.Unlock()
}

// snapshot returns a copy of the row; ok is false before the session is open.
func (a *activity) snapshot() (row catalog.SessionActivity, ok bool) {
	a.mu.Lock()
	row = a.row
	a.mu.Unlock()
	return row, row.PID != 0
}

// activities returns a copy of every open session's row, sorted by pid.
func (s *Server) activities() []catalog.SessionActivity {
	s.mu.Lock()
	conns := make([]*conn, 0, len(s.sessions))
	for _, c := range s.sessions {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	out := make([]catalog.SessionActivity, 0, len(conns))
	for _, c := range conns {
		if row, ok := c.activity.snapshot(); ok {
			out = append(out, row)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].PID < out[j].PID })
	return out
}

// activityOpened lists the session, idle, once its startup succeeded.
func (s *session) activityOpened(started time.Time) {
	app, _ := s.gucs.Get("application_name")
	row := catalog.SessionActivity{PID: int32(s.c.pid), Database: s.database, User: s.user, ApplicationName: app,
		BackendStart: started, StateChange: time.Now(), State: catalog.StateIdle}
	if addr, ok := s.c.nc.RemoteAddr().(*net.TCPAddr); ok {
		row.ClientAddr, row.ClientPort = addr.IP.String(), int32(addr.Port)
	}
	s.c.activity.update(func(r *catalog.SessionActivity) { *r = row })
}

// maxActivityQuery is how many bytes of a statement's text pg_stat_activity shows:
// PostgreSQL's default track_activity_query_size (1024) less its terminating zero byte.
const maxActivityQuery = 1023

// clipQuery cuts text to maxActivityQuery bytes on a character boundary, as PostgreSQL does.
func clipQuery(text string) string {
	if len(text) <= maxActivityQuery {
		return text
	}
	n := maxActivityQuery
	for n > 0 && !utf8.RuneStart(text[n]) {
		n--
	}
	return text[:n]
}

// activityStart records that the session runs a statement of text: active since now, in a
// transaction that starts now unless one is open (PostgreSQL's implicit transaction).
func (s *session) activityStart(text string) {
	text = clipQuery(text)
	now := time.Now()
	app, _ := s.gucs.Get("application_name")
	s.c.activity.update(func(r *catalog.SessionActivity) {
		r.State, r.Query, r.QueryStart, r.StateChange, r.ApplicationName = catalog.StateActive, text, now, now, app
		if r.XactStart.IsZero() {
			r.XactStart = now
		}
	})
}

// activityReady records the state the session waits for its client in (ReadyForQuery): idle,
// idle in its open transaction block, or in a failed one, whose start PostgreSQL no longer
// shows. Outside a block the transaction's pg_stat_activity snapshot is dropped.
func (s *session) activityReady() {
	now := time.Now()
	app, _ := s.gucs.Get("application_name")
	state := catalog.StateIdle
	switch s.txn.Status {
	case compat.TxnBlock:
		state = catalog.StateIdleInTxn
	case compat.TxnFailed:
		state = catalog.StateIdleInTxnAborted
	}
	s.c.activity.update(func(r *catalog.SessionActivity) {
		r.State, r.StateChange, r.ApplicationName = state, now, app
		if state != catalog.StateIdleInTxn {
			r.XactStart = time.Time{}
		}
	})
	if state != catalog.StateIdleInTxn {
		s.sessionsView = nil
	}
}

// sessions is what the session's pg_stat_activity shows (translate.Context.Sessions): as in
// PostgreSQL, every session's status is read once per transaction, at its first use, and the
// transaction sees that snapshot until it ends (activityReady) — the session's own row too.
//
// A Parse message only plans the statement (PostgreSQL reads the view when it runs, and the
// Execute of a statement over it translates it anew): its translation reads the sessions
// without taking the transaction's snapshot.
func (s *session) sessions() []catalog.SessionActivity {
	if s.parsing {
		return s.srv.activities()
	}
	if s.sessionsView == nil {
		s.sessionsView = s.srv.activities()
	}
	return s.sessionsView
}

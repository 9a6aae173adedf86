package proxy

import (
	"context"
	"database/sql"
	"database/sql/driver"

	"github.com/jackc/pgerrcode"
	"github.com/jackc/pgx/v5/pgproto3"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/translate"
	"github.com/pgtidb/pgtidb/typemap"
)

var errBadConn = driver.ErrBadConn

// flushEvery is how many DataRows are buffered before the proxy writes them to the client.
const flushEvery = 256

// rowWriter streams a statement's rows to the client.
type rowWriter struct {
	c *conn
	// formats are the result format codes from Bind: none = all text, one = all columns,
	// otherwise one per column.
	formats []int16
	// describe sends a RowDescription first (simple protocol; Describe does it otherwise).
	describe bool
	// maxRows > 0 suspends the portal after that many rows.
	maxRows int64
	portal  *portal
	// suspendedPortal is set when the result stopped at maxRows with rows left.
	suspendedPortal *portal
}

func (w *rowWriter) format(i int) int16 {
	switch len(w.formats) {
	case 0:
		return 0
	case 1:
		return w.formats[0]
	}
	return w.formats[i]
}

// rowDescription describes columns with the given result formats.
func rowDescription(cols []translate.Column, w *rowWriter) *pgproto3.RowDescription {
	rd := &pgproto3.RowDescription{Fields: make([]pgproto3.FieldDescription, len(cols))}
	for i, col := range cols {
		rd.Fields[i] = pgproto3.FieldDescription{
			Name:         []byte(col.Name),
			DataTypeOID:  col.Type.OID,
			DataTypeSize: col.Type.Size(),
			TypeModifier: col.Type.Typmod,
			Format:       w.format(i),
		}
	}
	return rd
}

// stream runs a row-returning statement and sends its rows.
func (w *rowWriter) stream(ctx context.Context, s *session, tr *translate.Statement, args []any) (int64, error) {
	rows, err := s.tidb.QueryContext(ctx, tr.SQL, args...)
	if err != nil {
		return 0, err
	}
	if w.describe {
		w.c.be.Send(rowDescription(tr.Columns, w))
	}
	return w.drain(s, newRowReader(rows, tr.Columns, s))
}

// rowReader reads and encodes TiDB rows for one result.
type rowReader struct {
	rows     *sql.Rows
	cols     []translate.Column
	raw      []sql.RawBytes
	dest     []any
	settings typemap.Settings
	buf      []byte
	ends     []int
	values   [][]byte
}

func newRowReader(rows *sql.Rows, cols []translate.Column, s *session) *rowReader {
	r := &rowReader{rows: rows, cols: cols, raw: make([]sql.RawBytes, len(cols)), dest: make([]any, len(cols)),
		ends: make([]int, len(cols)), values: make([][]byte, len(cols)), buf: make([]byte, 0, 256)} // non-nil buf: an empty value must not read as NULL
	for i := range r.raw {
		r.dest[i] = &r.raw[i]
	}
	r.settings = s.valueSettings()
	return r
}

// next reads one row and encodes it with the given formats; the returned values are valid
// until the next call.
func (r *rowReader) next(format func(int) int16) ([][]byte, bool, error) {
	if !r.rows.Next() {
		err := r.rows.Err()
		r.rows.Close()
		return nil, false, err
	}
	if err := r.rows.Scan(r.dest...); err != nil {
		// RawBytes takes any value: a Scan error means TiDB returned another number of
		// columns than the translation described.
		r.rows.Close()
		return nil, false, pgerror.New(pgerrcode.InternalError, "result shape differs from its description")
	}
	r.buf = r.buf[:0]
	for i, v := range r.raw {
		if v == nil {
			r.ends[i] = -1
			continue
		}
		var err error
		if format(i) == 1 {
			r.buf, err = typemap.EncodeBinary(r.buf, r.cols[i].Type, v, &r.settings)
		} else {
			r.buf, err = typemap.EncodeText(r.buf, r.cols[i].Type, v, &r.settings)
		}
		if err != nil {
			r.rows.Close()
			return nil, false, err
		}
		r.ends[i] = len(r.buf)
	}
	start := 0
	for i, end := range r.ends {
		if end < 0 {
			r.values[i] = nil
			continue
		}
		r.values[i] = r.buf[start:end:end]
		start = end
	}
	return r.values, true, nil
}

func (r *rowReader) close() { r.rows.Close() }

// drain sends rows until the result ends or maxRows is reached.
func (w *rowWriter) drain(s *session, r *rowReader) (int64, error) {
	var n int64
	for {
		if w.maxRows > 0 && n == w.maxRows {
			w.portal.reader = r
			w.portal.suspended = true
			w.suspendedPortal = w.portal
			s.suspended = w.portal
			return n, nil
		}
		values, ok, err := r.next(w.format)
		if err != nil {
			return n, err
		}
		if !ok {
			return n, nil
		}
		w.c.be.Send(&pgproto3.DataRow{Values: values})
		n++
		if n%flushEvery == 0 {
			if err := w.c.be.Flush(); err != nil {
				r.close()
				return n, err
			}
		}
	}
}

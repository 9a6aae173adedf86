package e2e

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

// pgxModes is every QueryExecMode pgx v5 has. The extended modes ask for binary results for
// every type pgx knows; Exec sends parameters typed by their Go type; SimpleProtocol
// interpolates them client-side and gets text results.
var pgxModes = []struct {
	name string
	mode pgx.QueryExecMode
}{
	{"CacheStatement", pgx.QueryExecModeCacheStatement},
	{"CacheDescribe", pgx.QueryExecModeCacheDescribe},
	{"DescribeExec", pgx.QueryExecModeDescribeExec},
	{"Exec", pgx.QueryExecModeExec},
	{"SimpleProtocol", pgx.QueryExecModeSimpleProtocol},
}

// pgxType is one PostgreSQL type with the Go values a pgx user sends for it and the Go type
// such a user scans it into.
type pgxType struct {
	name   string // column type in CREATE TABLE; also names the table
	values []any  // parameters to insert; nil is SQL NULL
	dest   func() any
}

func mustNumeric(s string) pgtype.Numeric {
	var n pgtype.Numeric
	if err := n.Scan(s); err != nil {
		panic(err)
	}
	return n
}

func mustUUID(s string) pgtype.UUID {
	var u pgtype.UUID
	if err := u.Scan(s); err != nil {
		panic(err)
	}
	return u
}

var pgxTypes = []pgxType{
	{"bool", []any{true, false, nil}, func() any { return new(*bool) }},
	{"int2", []any{int16(-32768), int16(32767), int16(0), nil}, func() any { return new(*int16) }},
	{"int4", []any{int32(math.MinInt32), int32(42), 7, nil}, func() any { return new(*int32) }},
	{"int8", []any{int64(math.MaxInt64), int64(math.MinInt64), int64(-1), nil}, func() any { return new(*int64) }},
	{"float4", []any{float32(1.5), float32(-0.1), float32(3.4e38), nil}, func() any { return new(*float32) }},
	{"float8", []any{0.1, -1e-300, 1.7976931348623157e308, 12345678901234567.0, nil}, func() any { return new(*float64) }},
	{"numeric(12,4)", []any{mustNumeric("12345678.1234"), mustNumeric("-0.0001"), mustNumeric("0"), "42.5", nil}, func() any { return new(pgtype.Numeric) }},
	{"text", []any{"hello", "", "ünïcödé ✓", `quote ' and \ backslash`, nil}, func() any { return new(*string) }},
	{"varchar(10)", []any{"abc", "", "0123456789", nil}, func() any { return new(*string) }},
	{"char(4)", []any{"ab", "abcd", "", nil}, func() any { return new(*string) }},
	{"bytea", []any{[]byte{0, 1, 2, 255}, []byte{}, []byte("abc"), nil}, func() any { return new([]byte) }},
	{"date", []any{time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC), nil}, func() any { return new(*time.Time) }},
	{"time", []any{pgtype.Time{Microseconds: (13*3600+45*60+1)*1e6 + 123456, Valid: true}, pgtype.Time{Microseconds: 0, Valid: true}, nil}, func() any { return new(pgtype.Time) }},
	{"timestamp", []any{time.Date(2024, 2, 29, 13, 45, 1, 123456000, time.UTC), time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), nil}, func() any { return new(*time.Time) }},
	{"timestamptz", []any{time.Date(2024, 6, 1, 12, 0, 0, 0, time.FixedZone("UTC+5", 5*3600)), time.Date(2000, 1, 1, 0, 0, 0, 1000, time.UTC), nil}, func() any { return new(*time.Time) }},
	{"json", []any{map[string]any{"a": 1.0, "b": []any{1.0, "x"}}, `{"k": "v"}`, nil}, func() any { return new(map[string]any) }},
	{"jsonb", []any{map[string]any{"a": 1.0, "b": []any{1.0, "x"}}, `{"k": "v"}`, nil}, func() any { return new(map[string]any) }},
	{"uuid", []any{mustUUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12", nil}, func() any { return new(pgtype.UUID) }},
}

// tableName is the table a type's values go to.
func (p pgxType) tableName() string {
	n := p.name
	if i := strings.IndexByte(n, '('); i >= 0 {
		n = n[:i]
	}
	return "pgx_" + n
}

// pgxResult is what one pgx round trip gave, in a comparable form.
type pgxResult struct {
	oids    []uint32
	formats []int16
	values  []string // rows.Values(), canonical
	scanned string   // the typed Scan result, canonical
	code    string   // SQLSTATE
	err     string
}

func (r pgxResult) String() string {
	if r.err != "" {
		return "ERROR " + r.code + ": " + r.err
	}
	return fmt.Sprintf("oids=%v formats=%v values=%v scanned=%s", r.oids, r.formats, r.values, r.scanned)
}

func (r pgxResult) equal(o pgxResult) bool {
	if r.code != "" || o.code != "" || r.err != "" || o.err != "" {
		return r.code == o.code && (r.code != "" || r.err == o.err)
	}
	return reflect.DeepEqual(r.oids, o.oids) && reflect.DeepEqual(r.formats, o.formats) &&
		reflect.DeepEqual(r.values, o.values) && r.scanned == o.scanned
}

func errResult(err error) pgxResult {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgxResult{code: pgErr.Code, err: pgErr.Message}
	}
	return pgxResult{err: err.Error()}
}

// queryOne runs a one-row query and reads it both generically (Values) and into dest.
func queryOne(ctx context.Context, conn *pgx.Conn, dest any, sql string, args ...any) pgxResult {
	rows, err := conn.Query(ctx, sql, args...)
	if err != nil {
		return errResult(err)
	}
	defer rows.Close()
	var res pgxResult
	for _, fd := range rows.FieldDescriptions() {
		res.oids = append(res.oids, fd.DataTypeOID)
		res.formats = append(res.formats, fd.Format)
	}
	n := 0
	for rows.Next() {
		n++
		vals, err := rows.Values()
		if err != nil {
			return errResult(err)
		}
		for _, v := range vals {
			res.values = append(res.values, canonical(v))
		}
		if dest != nil {
			if err := rows.Scan(dest); err != nil {
				res.scanned = "scan error: " + err.Error()
			} else {
				res.scanned = canonical(dest)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return errResult(err)
	}
	if n != 1 {
		res.values = append(res.values, fmt.Sprintf("(%d rows)", n))
	}
	return res
}

// canonical renders a Go value decoded by pgx so that equal values print equally: pointers are
// followed, times are shown in UTC, bytes in hex, JSON re-marshalled. The Go type is part of
// the result, so a different decoding (int32 for int64…) is a difference.
func canonical(v any) string {
	rv := reflect.ValueOf(v)
	for rv.IsValid() && rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return "NULL"
		}
		rv = rv.Elem()
	}
	if !rv.IsValid() {
		return "NULL"
	}
	v = rv.Interface()
	switch x := v.(type) {
	case time.Time:
		return "time:" + x.UTC().Format("2006-01-02 15:04:05.999999999")
	case []byte:
		if x == nil {
			return "NULL"
		}
		return "bytes:" + hex.EncodeToString(x)
	case pgtype.Numeric:
		if !x.Valid {
			return "NULL"
		}
		j, _ := x.MarshalJSON()
		return "numeric:" + string(j)
	case pgtype.Time:
		if !x.Valid {
			return "NULL"
		}
		return fmt.Sprintf("time-of-day:%dus", x.Microseconds)
	case pgtype.UUID:
		if !x.Valid {
			return "NULL"
		}
		return "uuid:" + hex.EncodeToString(x.Bytes[:])
	case [16]byte:
		return "uuid:" + hex.EncodeToString(x[:])
	case map[string]any, []any:
		if m, ok := x.(map[string]any); ok && m == nil {
			return "NULL"
		}
		j, _ := json.Marshal(x)
		return fmt.Sprintf("%T:%s", x, j)
	case float32:
		return "float32:" + strconv.FormatFloat(float64(x), 'g', -1, 32)
	case float64:
		return "float64:" + strconv.FormatFloat(x, 'g', -1, 64)
	}
	return fmt.Sprintf("%T:%v", v, v)
}

// TestPgxTypes inserts and selects every type through pgx under every QueryExecMode with $n
// parameters on PostgreSQL and on pgtidb and compares the values pgx decodes, the values
// scanned into typed Go variables, the result OIDs and the result formats.
func TestPgxTypes(t *testing.T) {
	pg, pt := requireBoth(t)
	ctx := context.Background()
	const db = "d_pgx"
	for _, ep := range []endpoint{pg, pt} {
		if err := createDatabase(ctx, ep, db); err != nil {
			t.Fatal(err)
		}
	}
	connect := func(ep endpoint, mode pgx.QueryExecMode) *pgx.Conn {
		cfg, err := pgx.ParseConfig(ep.DSN(db))
		if err != nil {
			t.Fatal(err)
		}
		cfg.DefaultQueryExecMode = mode
		conn, err := pgx.ConnectConfig(ctx, cfg)
		if err != nil {
			t.Fatalf("%s: %v", ep.name, err)
		}
		return conn
	}
	// One table per type, created once per server.
	for _, ep := range []endpoint{pg, pt} {
		conn := connect(ep, pgx.QueryExecModeSimpleProtocol)
		for _, ty := range pgxTypes {
			if _, err := conn.Exec(ctx, fmt.Sprintf("CREATE TABLE %s (id int PRIMARY KEY, v %s)", ty.tableName(), ty.name)); err != nil {
				if ep.name == "PG" {
					t.Fatalf("PG: %v", err)
				}
				t.Errorf("%s: CREATE TABLE for %s: %v", ep.name, ty.name, err)
			}
		}
		conn.Close(ctx)
	}
	passed, failed := 0, 0
	check := func(t *testing.T, what string, pgRes, ptRes pgxResult) {
		t.Helper()
		if pgRes.equal(ptRes) {
			passed++
			return
		}
		failed++
		t.Errorf("%s\n    PG:     %s\n    pgtidb: %s", what, pgRes, ptRes)
	}
	for mi, m := range pgxModes {
		t.Run(m.name, func(t *testing.T) {
			pgConn, ptConn := connect(pg, m.mode), connect(pt, m.mode)
			defer pgConn.Close(ctx)
			defer ptConn.Close(ctx)
			for _, ty := range pgxTypes {
				for vi, val := range ty.values {
					id := mi*100 + vi
					label := fmt.Sprintf("%s %s value %d (%s)", m.name, ty.name, vi, canonical(val))
					ins := fmt.Sprintf("INSERT INTO %s (id, v) VALUES ($1, $2)", ty.tableName())
					_, pgErr := pgConn.Exec(ctx, ins, id, val)
					_, ptErr := ptConn.Exec(ctx, ins, id, val)
					check(t, label+": "+ins, resultOfExec(pgErr), resultOfExec(ptErr))

					sel := fmt.Sprintf("SELECT v FROM %s WHERE id = $1", ty.tableName())
					check(t, label+": "+sel,
						queryOne(ctx, pgConn, ty.dest(), sel, id),
						queryOne(ctx, ptConn, ty.dest(), sel, id))

					// The same value as a parameter with an explicit cast, and compared in WHERE.
					cast := fmt.Sprintf("SELECT $1::%s AS v", ty.name)
					check(t, label+": "+cast,
						queryOne(ctx, pgConn, ty.dest(), cast, val),
						queryOne(ctx, ptConn, ty.dest(), cast, val))
					if val != nil && ty.name != "json" {
						where := fmt.Sprintf("SELECT count(*) FROM %s WHERE v = $1 AND id = $2", ty.tableName())
						check(t, label+": "+where,
							queryOne(ctx, pgConn, nil, where, val, id),
							queryOne(ctx, ptConn, nil, where, val, id))
					}
				}
			}
			// A row of several parameters of different types, and NULL parameters untyped.
			multi := "SELECT $1::int8 + 1 AS a, $2::text || 'x' AS b, $3::bool AS c, $4::numeric(10,2) * 2 AS d, $5::date + 1 AS e"
			args := []any{int64(41), "w", true, mustNumeric("1.25"), time.Date(2024, 2, 28, 0, 0, 0, 0, time.UTC)}
			check(t, m.name+": "+multi, queryOne(ctx, pgConn, nil, multi, args...), queryOne(ctx, ptConn, nil, multi, args...))
			nulls := "SELECT $1::int4 IS NULL AS a, coalesce($2::text, 'dflt') AS b"
			check(t, m.name+": "+nulls, queryOne(ctx, pgConn, nil, nulls, nil, nil), queryOne(ctx, ptConn, nil, nulls, nil, nil))
		})
	}
	t.Logf("pgx types: %d passed, %d failed", passed, failed)
	fmt.Printf("pgx types: %d passed, %d failed\n", passed, failed)
}

func resultOfExec(err error) pgxResult {
	if err != nil {
		return errResult(err)
	}
	return pgxResult{}
}

package typemap_test

import (
	"context"
	"math"
	"math/rand"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pgtidb/pgtidb/typemap"
)

// Differential tests against a live PostgreSQL 15: random values go to PostgreSQL in binary
// (exact) and come back as its text output, which EncodeText must reproduce from the text TiDB
// would send for the same value. PGTIDB_TEST_PG names the server (default
// postgres://postgres@127.0.0.1:5432/postgres); the tests skip when none answers.

func postgres(t *testing.T) *pgx.Conn {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no PostgreSQL cross-check")
	}
	url := os.Getenv("PGTIDB_TEST_PG")
	if url == "" {
		url = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable&connect_timeout=2"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Skipf("no PostgreSQL at %s: %v", url, err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// tidbFloatText is how TiDB prints a DOUBLE (shortest digits, e-notation without '+' for
// large and small magnitudes) or a FLOAT (the same over the float32).
func tidbFloatText(f float64, bits int) string {
	abs := math.Abs(f)
	if abs >= 1e15 || (abs != 0 && abs < 1e-15) {
		s := strconv.FormatFloat(f, 'e', -1, bits)
		b := []byte(s)
		out := b[:0]
		for i, c := range b {
			if c == '+' && i > 0 && b[i-1] == 'e' {
				continue
			}
			out = append(out, c)
		}
		return string(out)
	}
	return strconv.FormatFloat(f, 'f', -1, bits)
}

func randomFloat(r *rand.Rand) float64 {
	switch r.Intn(4) {
	case 0:
		return math.Float64frombits(r.Uint64()) // any bit pattern
	case 1:
		return float64(r.Intn(2000000)-1000000) / math.Pow(10, float64(r.Intn(12)))
	case 2:
		return r.NormFloat64() * math.Pow(10, float64(r.Intn(40)-20))
	}
	return float64(r.Int63n(1<<53)) * math.Pow(2, float64(r.Intn(200)-100))
}

func TestFloatTextAgainstPostgres(t *testing.T) {
	conn := postgres(t)
	ctx := context.Background()
	r := rand.New(rand.NewSource(1))
	for _, extra := range []int{1, 0, -3, 3} {
		if _, err := conn.Exec(ctx, "SET extra_float_digits = "+strconv.Itoa(extra)); err != nil {
			t.Fatal(err)
		}
		s := &typemap.Settings{ExtraFloatDigits: extra}
		for i := 0; i < 400; i++ {
			f := randomFloat(r)
			if math.IsNaN(f) || math.IsInf(f, 0) {
				continue
			}
			var pg8, pg4 string
			f4 := float32(f)
			if math.IsInf(float64(f4), 0) {
				f4 = float32(f / 1e300)
			}
			if err := conn.QueryRow(ctx, "SELECT $1::float8::text, $2::float4::text", f, f4).Scan(&pg8, &pg4); err != nil {
				t.Fatal(err)
			}
			got8, err := typemap.EncodeText(nil, typemap.Of(typemap.Float8), []byte(tidbFloatText(f, 64)), s)
			if err != nil || string(got8) != pg8 {
				t.Errorf("extra_float_digits=%d float8 %v (TiDB %s): got %q, PostgreSQL %q", extra, f, tidbFloatText(f, 64), got8, pg8)
			}
			got4, err := typemap.EncodeText(nil, typemap.Of(typemap.Float4), []byte(tidbFloatText(float64(f4), 32)), s)
			if err != nil || string(got4) != pg4 {
				t.Errorf("extra_float_digits=%d float4 %v (TiDB %s): got %q, PostgreSQL %q", extra, f4, tidbFloatText(float64(f4), 32), got4, pg4)
			}
		}
	}
}

var crossCheckZones = []string{"UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Asia/Kathmandu",
	"Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham", "Europe/Moscow", "America/Sao_Paulo", "Africa/Casablanca"}

func randomInstant(r *rand.Rand) time.Time {
	lo := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC).Unix()
	var sec int64
	if r.Intn(2) == 0 {
		sec = lo + r.Int63n(hi-lo) // anywhere
	} else {
		sec = time.Date(1900+r.Intn(200), 1, 1, 0, 0, 0, 0, time.UTC).Unix() + r.Int63n(366*86400) // near now
	}
	return time.Unix(sec, int64(r.Intn(1_000_000))*1000).UTC()
}

func TestTimestamptzTextAgainstPostgres(t *testing.T) {
	conn := postgres(t)
	ctx := context.Background()
	r := rand.New(rand.NewSource(2))
	for _, zone := range crossCheckZones {
		if _, err := conn.Exec(ctx, "SET TimeZone = '"+zone+"'"); err != nil {
			t.Fatal(err)
		}
		s := &typemap.Settings{TimeZone: mustZone(t, zone), ExtraFloatDigits: 1}
		for i := 0; i < 150; i++ {
			ts := randomInstant(r)
			var pg string
			if err := conn.QueryRow(ctx, "SELECT $1::timestamptz::text", ts).Scan(&pg); err != nil {
				t.Fatal(err)
			}
			tidb := ts.Format("2006-01-02 15:04:05.000000")
			got, err := typemap.EncodeText(nil, typemap.Of(typemap.Timestamptz), []byte(tidb), s)
			if err != nil || string(got) != pg {
				t.Errorf("%s %s: got %q (%v), PostgreSQL %q", zone, tidb, got, err, pg)
			}
		}
	}
}

// TestTimestamptzInputAgainstPostgres reads local wall-clock times (many near DST changes) in
// each zone as PostgreSQL does and compares the UTC instant.
func TestTimestamptzInputAgainstPostgres(t *testing.T) {
	conn := postgres(t)
	ctx := context.Background()
	r := rand.New(rand.NewSource(3))
	for _, zone := range crossCheckZones {
		if _, err := conn.Exec(ctx, "SET TimeZone = '"+zone+"'"); err != nil {
			t.Fatal(err)
		}
		loc := mustZone(t, zone)
		s := &typemap.Settings{TimeZone: loc, ExtraFloatDigits: 1}
		var inputs []string
		for i := 0; i < 60; i++ {
			inputs = append(inputs, randomInstant(r).In(loc).Format("2006-01-02 15:04:05.999999"))
		}
		// Wall-clock times around the zone's transitions: gaps and overlaps.
		for y := 1970; y < 2040; y += 7 {
			tt := time.Date(y, 1, 1, 0, 0, 0, 0, loc)
			for k := 0; k < 3; k++ {
				_, end := tt.ZoneBounds()
				if end.IsZero() || end.Year() > y {
					break
				}
				for _, d := range []time.Duration{-90 * time.Minute, -30 * time.Minute, 0, 30 * time.Minute, 90 * time.Minute} {
					wall := end.Add(d).In(time.UTC) // the wall clock of the instant, shifted either way
					_, off := end.Add(-time.Second).Zone()
					inputs = append(inputs, wall.Add(time.Duration(off)*time.Second).Format("2006-01-02 15:04:05"))
				}
				tt = end
			}
		}
		for _, in := range inputs {
			var pg string
			if err := conn.QueryRow(ctx, "SELECT to_char($1::text::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')", in).Scan(&pg); err != nil {
				t.Fatal(err)
			}
			got, err := typemap.DecodeParam(typemap.Of(typemap.Timestamptz), 0, []byte(in), s)
			if err != nil || got != pg {
				t.Errorf("%s %q: got %v (%v), PostgreSQL %q", zone, in, got, err, pg)
			}
		}
	}
}

// TestNumericTextAgainstPostgres: numeric(p,s) rounding of parameters and output scale.
func TestNumericTextAgainstPostgres(t *testing.T) {
	conn := postgres(t)
	ctx := context.Background()
	r := rand.New(rand.NewSource(4))
	for i := 0; i < 300; i++ {
		p := 1 + r.Intn(38)
		sc := r.Intn(p + 1)
		sc = min(sc, 30)
		intDigits := r.Intn(p-sc+1) + 0
		v := ""
		if r.Intn(2) == 0 {
			v = "-"
		}
		for k := 0; k < intDigits; k++ {
			v += strconv.Itoa(r.Intn(10))
		}
		if intDigits == 0 {
			v += "0"
		}
		v += "."
		for k := 0; k < r.Intn(sc+3)+1; k++ {
			v += strconv.Itoa(r.Intn(10))
		}
		typ := numericT(p, sc)
		var pg string
		err := conn.QueryRow(ctx, "SELECT $1::numeric("+strconv.Itoa(p)+","+strconv.Itoa(sc)+")::text", v).Scan(&pg)
		got, derr := typemap.DecodeParam(typ, 0, []byte(v), nil)
		if err != nil {
			if derr == nil {
				t.Errorf("numeric(%d,%d) %s: PostgreSQL refuses (%v), DecodeParam gives %v", p, sc, v, err, got)
			}
			continue
		}
		if derr != nil || got != pg {
			t.Errorf("numeric(%d,%d) %s: got %v (%v), PostgreSQL %q", p, sc, v, got, derr, pg)
			continue
		}
		out, err := typemap.EncodeText(nil, typ, []byte(pg), nil)
		if err != nil || string(out) != pg {
			t.Errorf("numeric(%d,%d) %s: EncodeText %q (%v), PostgreSQL %q", p, sc, pg, out, err, pg)
		}
	}
}

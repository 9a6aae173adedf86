package typemap

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/big"
	mathbits "math/bits"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgerrcode"

	"github.com/pgtidb/pgtidb/pgerror"
)

// Settings are the session GUCs that change how values look. The zero value is not
// PostgreSQL's default (extra_float_digits 0 rounds floats to 15 significant digits): start
// from DefaultSettings.
type Settings struct {
	// TimeZone is PostgreSQL's TimeZone GUC: timestamptz values are shown in it, and
	// timestamptz input without an explicit zone is read in it. nil means UTC.
	TimeZone *time.Location
	// ExtraFloatDigits is PostgreSQL's extra_float_digits (-15..3, default 1). Above 0, floats
	// are shown with the shortest text that reads back exactly; otherwise with
	// 15+ExtraFloatDigits (float8) or 6+ExtraFloatDigits (float4) significant digits.
	ExtraFloatDigits int
}

// DefaultSettings returns PostgreSQL's defaults: TimeZone UTC, extra_float_digits 1.
func DefaultSettings() *Settings { return &Settings{TimeZone: time.UTC, ExtraFloatDigits: 1} }

var defaultSettings = DefaultSettings()

func orDefault(s *Settings) *Settings {
	if s == nil {
		return defaultSettings
	}
	return s
}

func (s *Settings) location() *time.Location {
	if s == nil || s.TimeZone == nil {
		return time.UTC
	}
	return s.TimeZone
}

// EncodeText appends PostgreSQL's text output for a value of PostgreSQL type t, given the
// MySQL text form v that TiDB sent for it (never nil: NULL is the caller's business). The
// result is what PostgreSQL 15's output function prints under s (DateStyle ISO, MDY;
// IntervalStyle and bytea_output at their defaults). A value TiDB sent that type t cannot hold
// is an error, never a silently altered value: an out-of-range integer is 22003 as on
// PostgreSQL; text that does not parse as t is XX000.
//
// Types without a conversion (text, varchar, name, unknown and types typemap does not know)
// pass through unchanged.
func EncodeText(dst []byte, t Type, v []byte, s *Settings) ([]byte, error) {
	switch t.OID {
	case Bool:
		b, err := tidbBool(t, v)
		if err != nil {
			return dst, err
		}
		if b {
			return append(dst, 't'), nil
		}
		return append(dst, 'f'), nil
	case Int2, Int4, Int8, Oid:
		n, err := tidbInt(t, v)
		if err != nil {
			return dst, err
		}
		return strconv.AppendInt(dst, n, 10), nil
	case Float4, Float8:
		f, err := tidbFloat(t, v)
		if err != nil {
			return dst, err
		}
		return appendFloatText(dst, f, t.OID == Float4, orDefault(s).ExtraFloatDigits), nil
	case Numeric:
		d, err := tidbNumeric(t, v)
		if err != nil {
			return dst, err
		}
		return d.appendText(dst), nil
	case BPChar:
		return appendPadded(dst, v, t.Typmod), nil
	case Bytea:
		dst = append(dst, '\\', 'x')
		return hex.AppendEncode(dst, v), nil
	case Date:
		d, err := tidbDate(t, v)
		if err != nil {
			return dst, err
		}
		return appendDate(dst, d.year, d.month, d.day, true), nil
	case Time:
		us, err := tidbTimeOfDay(t, v)
		if err != nil {
			return dst, err
		}
		return appendClock(dst, us), nil
	case Timestamp:
		d, err := tidbDateTime(t, v)
		if err != nil {
			return dst, err
		}
		dst = appendDate(dst, d.year, d.month, d.day, false)
		dst = append(dst, ' ')
		dst = appendClock(dst, int64(d.hour*3600+d.minute*60+d.sec)*1_000_000+int64(d.usec))
		return appendBC(dst, d.year), nil
	case Timestamptz:
		d, err := tidbDateTime(t, v)
		if err != nil {
			return dst, err
		}
		return appendTimestamptz(dst, d, s.location()), nil
	case JSONB:
		return appendCanonicalJSON(dst, t, v)
	case UUID:
		u, err := tidbUUID(t, v)
		if err != nil {
			return dst, err
		}
		return appendUUID(dst, u), nil
	}
	if _, ok := arrayElems[t.OID]; ok {
		return appendArrayText(dst, t, v)
	}
	if (t.OID == RegClass || t.OID == RegNamespace) && len(v) > 0 && v[0] == '[' {
		return appendRegclassText(dst, t, v)
	}
	return append(dst, v...), nil
}

// badValue is the error for text from TiDB that type t cannot read: an internal error, since
// the translator chose t for the column.
func badValue(t Type, v []byte) *pgerror.Error {
	const max = 64
	shown := string(v)
	if len(shown) > max {
		shown = strings.ToValidUTF8(shown[:max], "") + "…"
	}
	return pgerror.Newf(pgerrcode.InternalError, "unexpected value from TiDB for type %s: \"%s\"", t, shown)
}

// tidbBool reads a TiDB boolean: 1/0 from TINYINT(1) and comparisons; any other number is
// MySQL truthiness (non-zero is true).
func tidbBool(t Type, v []byte) (bool, error) {
	if len(v) == 1 {
		switch v[0] {
		case '1', 't':
			return true, nil
		case '0', 'f':
			return false, nil
		}
	}
	if f, err := strconv.ParseFloat(string(v), 64); err == nil {
		return f != 0, nil
	}
	switch string(v) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, badValue(t, v)
}

// intRange gives the bounds and PostgreSQL's overflow message of an integer type.
func intRange(oid OID) (lo, hi int64, msg string) {
	switch oid {
	case Int2:
		return math.MinInt16, math.MaxInt16, "smallint out of range"
	case Int4:
		return math.MinInt32, math.MaxInt32, "integer out of range"
	case Oid:
		return 0, math.MaxUint32, "OID out of range"
	}
	return math.MinInt64, math.MaxInt64, "bigint out of range"
}

// tidbInt reads a TiDB integer for an integer type. A decimal with a zero fraction ("3.000",
// what TiDB gives for some aggregates) is accepted; any other fraction is an error, not a
// rounding. A value outside the type's range is 22003, as PostgreSQL's arithmetic reports it.
func tidbInt(t Type, v []byte) (int64, error) {
	lo, hi, msg := intRange(t.OID)
	n, err := strconv.ParseInt(string(v), 10, 64)
	if err != nil {
		d, ok := parseDecimal(v)
		if !ok || !d.isIntegral() {
			return 0, badValue(t, v)
		}
		n, err = strconv.ParseInt(string(d.appendInt(nil)), 10, 64)
		if err != nil {
			return 0, pgerror.New(pgerrcode.NumericValueOutOfRange, msg)
		}
	}
	if n < lo || n > hi {
		return 0, pgerror.New(pgerrcode.NumericValueOutOfRange, msg)
	}
	return n, nil
}

// tidbFloat reads a TiDB FLOAT/DOUBLE. float4 values are read at float32 precision: TiDB prints
// a FLOAT with the shortest digits that identify the float32.
func tidbFloat(t Type, v []byte) (float64, error) {
	bits := 64
	if t.OID == Float4 {
		bits = 32
	}
	f, err := strconv.ParseFloat(string(v), bits)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			if t.OID == Float4 {
				return 0, pgerror.New(pgerrcode.NumericValueOutOfRange, "value out of range: overflow")
			}
		}
		return 0, badValue(t, v)
	}
	return f, nil
}

// appendFloatText prints f as PostgreSQL's float4out/float8out do. With extra_float_digits > 0
// that is the shortest text that reads back exactly, in fixed notation when the decimal
// exponent is in [-4, 15) (float4: [-4, 6)) and in exponent notation ("1e+20", "1.5e-07")
// otherwise; with extra_float_digits <= 0 it is printf's %.*g with 15+extra (float4: 6+extra)
// significant digits.
func appendFloatText(dst []byte, f float64, float4 bool, extra int) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, "NaN"...)
	case math.IsInf(f, 1):
		return append(dst, "Infinity"...)
	case math.IsInf(f, -1):
		return append(dst, "-Infinity"...)
	}
	bits, digits := 64, 15
	if float4 {
		bits, digits = 32, 6
	}
	if extra > 0 {
		start := len(dst)
		dst = strconv.AppendFloat(dst, f, 'e', -1, bits)
		e := bytes.IndexByte(dst[start:], 'e')
		exp, _ := strconv.Atoi(string(dst[start+e+1:]))
		if exp >= -4 && exp < digits {
			return strconv.AppendFloat(dst[:start], f, 'f', -1, bits)
		}
		if math.Abs(f) >= boundaryRisk[bits] && mayBeMidpoint(f, bits, dst[start:], exp) {
			return appendShortestInside(dst[:start], f, bits, append([]byte(nil), dst[start:]...))
		}
		return dst
	}
	prec := max(digits+extra, 1)
	return strconv.AppendFloat(dst, f, 'g', prec, 64)
}

// boundaryRisk is the magnitude from which the shortest decimal of a float can lie exactly on
// the boundary of its rounding interval (the midpoint to a neighbour). Below it a midpoint has
// more significant digits than any shortest representation.
var boundaryRisk = map[int]float64{64: 1 << 51, 32: 1 << 22}

// mayBeMidpoint is a cheap exact filter for appendShortestInside: the decimal short (Go's "d.ddde±X"
// with exponent exp) can equal a midpoint (2m+1)·2^(u-1) between f and a neighbour only if its
// power of two is 2^(u-1) (2^(u-2) below a power of two), u being the exponent of f's ulp.
func mayBeMidpoint(f float64, bits int, short []byte, exp int) bool {
	var mant uint64
	n := 0
	for _, c := range short {
		if c == 'e' {
			break
		}
		if c >= '0' && c <= '9' {
			mant = mant*10 + uint64(c-'0')
			n++
		}
	}
	if mant == 0 {
		return false
	}
	v2 := mathbits.TrailingZeros64(mant) + exp - (n - 1) // 10^k contributes 2^k
	_, e := math.Frexp(f)
	ulp := e - 53
	if bits == 32 {
		ulp = e - 24
	}
	return v2 == ulp-1 || v2 == ulp-2
}

// appendShortestInside appends f in exponent notation with PostgreSQL's shortest digits, given
// Go's shortest form goShortest ("d.ddde+XX"). The two differ in one case: Go (like strtod's
// round-half-even) accepts a decimal lying exactly on the midpoint to a neighbouring float when
// f's mantissa is even; PostgreSQL's Ryu does not, and prints the shortest decimal strictly
// inside the interval ("-7.6766643e+08" for the float4 -767666432, not "-7.676664e+08").
func appendShortestInside(dst []byte, f float64, bits int, goShortest []byte) []byte {
	var below, above float64
	if bits == 32 {
		below = float64(math.Nextafter32(float32(f), float32(math.Inf(-1))))
		above = float64(math.Nextafter32(float32(f), float32(math.Inf(1))))
	} else {
		below, above = math.Nextafter(f, math.Inf(-1)), math.Nextafter(f, math.Inf(1))
	}
	exact := new(big.Rat).SetFloat64(f)
	midpoint := func(g float64) *big.Rat {
		if math.IsInf(g, 0) {
			return nil
		}
		m := new(big.Rat).SetFloat64(g)
		m.Add(m, exact)
		return m.Quo(m, big.NewRat(2, 1))
	}
	lo, hi := midpoint(below), midpoint(above)
	inside := func(v *big.Rat) bool {
		return (lo == nil || v.Cmp(lo) > 0) && (hi == nil || v.Cmp(hi) < 0)
	}
	if v, ok := new(big.Rat).SetString(string(goShortest)); ok && inside(v) {
		return append(dst, goShortest...)
	}
	maxDigits := 17
	if bits == 32 {
		maxDigits = 9
	}
	e := bytes.IndexByte(goShortest, 'e')
	for n := len(bytes.ReplaceAll(goShortest[:e], []byte{'.'}, nil)) - 1; n <= maxDigits; n++ {
		if n < 1 {
			continue
		}
		// The nearest n-digit decimal and its neighbours in the last digit.
		near := strconv.FormatFloat(f, 'e', n-1, 64)
		ei := strings.IndexByte(near, 'e')
		mant, _ := new(big.Int).SetString(strings.Replace(strings.TrimPrefix(near[:ei], "-"), ".", "", 1), 10)
		exp10, _ := strconv.Atoi(near[ei+1:])
		scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(exp10-(n-1)))), nil))
		var best *big.Rat
		var bestMant *big.Int
		for _, delta := range []int64{0, -1, 1} {
			m := new(big.Int).Add(mant, big.NewInt(delta))
			v := new(big.Rat).SetInt(m)
			if exp10-(n-1) >= 0 {
				v.Mul(v, scale)
			} else {
				v.Quo(v, scale)
			}
			if f < 0 {
				v.Neg(v)
			}
			if !inside(v) {
				continue
			}
			if best == nil || distance(v, exact).Cmp(distance(best, exact)) < 0 {
				best, bestMant = v, m
			}
		}
		if best == nil {
			continue
		}
		digitsText := strings.TrimRight(bestMant.String(), "0")
		// A carry (9.99 + 1 → 10.0) adds a digit: shift the exponent.
		exp10 += len(bestMant.String()) - n
		if f < 0 {
			dst = append(dst, '-')
		}
		dst = append(dst, digitsText[0])
		if len(digitsText) > 1 {
			dst = append(dst, '.')
			dst = append(dst, digitsText[1:]...)
		}
		dst = append(dst, 'e')
		if exp10 < 0 {
			dst = append(dst, '-')
		} else {
			dst = append(dst, '+')
		}
		return appendPadInt(dst, abs(exp10), 2)
	}
	return append(dst, goShortest...)
}

func distance(a, b *big.Rat) *big.Rat {
	d := new(big.Rat).Sub(a, b)
	return d.Abs(d)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// decimal is an exact decimal number in text form, as DECIMAL and numeric carry it.
type decimal struct {
	neg  bool
	ints []byte // integer digits without leading zeros; empty for 0
	frac []byte // fraction digits; their count is the scale
}

// maxDecimalExponent bounds the exponent numeric input accepts, as PostgreSQL's
// NUMERIC_MAX_PRECISION does.
const maxDecimalExponent = 1000

// parseDecimal reads [+-]digits[.digits][e[+-]digits] (at least one digit, no spaces). The
// exponent moves the point: "1.5e-7" has scale 8 and "1e2" scale 0, as PostgreSQL's numeric
// input computes them.
func parseDecimal(s []byte) (decimal, bool) {
	var d decimal
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		d.neg = s[i] == '-'
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	ints := s[start:i]
	var frac []byte
	if i < len(s) && s[i] == '.' {
		i++
		fs := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		frac = s[fs:i]
	}
	if len(ints)+len(frac) == 0 {
		return d, false
	}
	exp := 0
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		es := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if exp = exp*10 + int(s[i]-'0'); exp > maxDecimalExponent {
				return d, false
			}
			i++
		}
		if i == es {
			return d, false
		}
		if eneg {
			exp = -exp
		}
	}
	if i != len(s) {
		return d, false
	}
	all := append(append(make([]byte, 0, len(ints)+len(frac)), ints...), frac...)
	point := len(ints) + exp // position of the decimal point in all
	switch {
	case point < 0:
		all = append(bytes.Repeat([]byte{'0'}, -point), all...)
		point = 0
	case point > len(all):
		all = append(all, bytes.Repeat([]byte{'0'}, point-len(all))...)
	}
	d.ints = bytes.TrimLeft(all[:point], "0")
	d.frac = all[point:]
	return d, true
}

func (d decimal) isZero() bool {
	return len(d.ints) == 0 && len(bytes.Trim(d.frac, "0")) == 0
}

func (d decimal) isIntegral() bool { return len(bytes.Trim(d.frac, "0")) == 0 }

// round returns d with exactly scale fraction digits, rounding half away from zero as
// PostgreSQL's numeric does.
func (d decimal) round(scale int) decimal {
	if len(d.frac) <= scale {
		frac := make([]byte, scale)
		copy(frac, d.frac)
		for i := len(d.frac); i < scale; i++ {
			frac[i] = '0'
		}
		d.frac = frac
		return d
	}
	up := d.frac[scale] >= '5'
	all := append(append(make([]byte, 0, 1+len(d.ints)+scale), '0'), d.ints...)
	all = append(all, d.frac[:scale]...)
	if up {
		for i := len(all) - 1; i >= 0; i-- {
			if all[i] == '9' {
				all[i] = '0'
				continue
			}
			all[i]++
			break
		}
	}
	point := len(all) - scale
	d.ints = bytes.TrimLeft(all[:point], "0")
	d.frac = all[point:]
	return d
}

// trimFraction drops trailing zeros of the fraction.
func (d decimal) trimFraction() decimal {
	d.frac = bytes.TrimRight(d.frac, "0")
	return d
}

func (d decimal) appendInt(dst []byte) []byte {
	if d.neg && !d.isZero() {
		dst = append(dst, '-')
	}
	if len(d.ints) == 0 {
		return append(dst, '0')
	}
	return append(dst, d.ints...)
}

// appendText prints d as numeric_out does: no exponent, no negative zero, all scale digits.
func (d decimal) appendText(dst []byte) []byte {
	dst = d.appendInt(dst)
	if len(d.frac) > 0 {
		dst = append(dst, '.')
		dst = append(dst, d.frac...)
	}
	return dst
}

// unconstrainedScale is the scale of DECIMAL(65,30), the TiDB column a bare numeric is stored
// in: a value with exactly this many fraction digits and no typmod has its trailing zeros
// dropped (PostgreSQL would print the scale the value was entered with, which TiDB does not
// keep).
const unconstrainedScale = 30

// tidbNumeric reads a TiDB DECIMAL for numeric type t: with a typmod the value is shown at the
// typmod's scale; without one, DECIMAL(65,30) padding is trimmed.
func tidbNumeric(t Type, v []byte) (decimal, error) {
	d, ok := parseDecimal(v)
	if !ok {
		return d, badValue(t, v)
	}
	if _, scale, ok := NumericPrecisionScale(t.Typmod); ok {
		return d.round(scale), nil
	}
	if len(d.frac) >= unconstrainedScale {
		d = d.trimFraction()
	}
	return d, nil
}

// appendPadded appends a bpchar value padded with spaces to its declared length (typmod-4
// characters): TiDB's CHAR(n) strips trailing spaces, PostgreSQL's bpchar keeps them.
func appendPadded(dst, v []byte, typmod int32) []byte {
	dst = append(dst, v...)
	if typmod <= 4 {
		return dst
	}
	for n := utf8.RuneCount(v); n < int(typmod-4); n++ {
		dst = append(dst, ' ')
	}
	return dst
}

// tidbDate reads a TiDB DATE. MySQL's zero date and dates with a zero month or day have no
// PostgreSQL value.
func tidbDate(t Type, v []byte) (dateTime, error) {
	d, ok := parseTiDBDate(v)
	if !ok {
		// A DATETIME at midnight is a date; any other time of day would be lost.
		if d, ok := parseTiDBDateTime(v); ok && d.hour == 0 && d.minute == 0 && d.sec == 0 && d.usec == 0 {
			return d, checkCalendar(d, v)
		}
		return d, badValue(t, v)
	}
	return d, checkCalendar(d, v)
}

func tidbDateTime(t Type, v []byte) (dateTime, error) {
	d, ok := parseTiDBDateTime(v)
	if !ok {
		return d, badValue(t, v)
	}
	if err := checkCalendar(d, v); err != nil {
		return d, err
	}
	if d.hour > 23 || d.minute > 59 || d.sec > 59 {
		return d, badValue(t, v)
	}
	return d, nil
}

// checkCalendar refuses MySQL's zero and partial dates ("0000-00-00", "2024-00-10").
func checkCalendar(d dateTime, v []byte) error {
	if d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysIn(d.year, d.month) {
		return pgerror.Newf(pgerrcode.DatetimeFieldOverflow, "date/time field value out of range: \"%s\"", v)
	}
	return nil
}

func isLeap(year int) bool { return year%4 == 0 && (year%100 != 0 || year%400 == 0) }

func daysIn(year, month int) int {
	switch month {
	case 2:
		if isLeap(year) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// tidbTimeOfDay reads a TiDB TIME as microseconds since midnight. TIME spans ±838 hours;
// PostgreSQL's time only 00:00:00 to 24:00:00.
func tidbTimeOfDay(t Type, v []byte) (int64, error) {
	us, ok := parseTiDBTime(v)
	if !ok {
		return 0, badValue(t, v)
	}
	if us < 0 || us > usecPerDay {
		return 0, pgerror.New(pgerrcode.DatetimeFieldOverflow, "time out of range")
	}
	return us, nil
}

const usecPerDay = 86_400_000_000

// appendPadInt appends n (>= 0) with at least width digits.
func appendPadInt(dst []byte, n, width int) []byte {
	var buf [20]byte
	b := strconv.AppendInt(buf[:0], int64(n), 10)
	for i := len(b); i < width; i++ {
		dst = append(dst, '0')
	}
	return append(dst, b...)
}

// appendDate prints an ISO date; years <= 0 are PostgreSQL's BC years (year 0 is 1 BC). bc
// says whether to append " BC" here (dates) or leave it to the caller (timestamps put it
// after the time).
func appendDate(dst []byte, year, month, day int, bc bool) []byte {
	y := year
	if y <= 0 {
		y = 1 - y
	}
	dst = appendPadInt(dst, y, 4)
	dst = append(dst, '-')
	dst = appendPadInt(dst, month, 2)
	dst = append(dst, '-')
	dst = appendPadInt(dst, day, 2)
	if bc {
		dst = appendBC(dst, year)
	}
	return dst
}

func appendBC(dst []byte, year int) []byte {
	if year <= 0 {
		return append(dst, " BC"...)
	}
	return dst
}

// appendClock prints microseconds since midnight as HH:MM:SS with the fraction's trailing
// zeros dropped, as PostgreSQL does.
func appendClock(dst []byte, us int64) []byte {
	secs := us / 1_000_000
	frac := int(us % 1_000_000)
	dst = appendPadInt(dst, int(secs/3600), 2)
	dst = append(dst, ':')
	dst = appendPadInt(dst, int(secs/60%60), 2)
	dst = append(dst, ':')
	dst = appendPadInt(dst, int(secs%60), 2)
	if frac != 0 {
		dst = append(dst, '.')
		dst = appendPadInt(dst, frac, 6)
		for dst[len(dst)-1] == '0' {
			dst = dst[:len(dst)-1]
		}
	}
	return dst
}

// appendTimestamptz prints the UTC instant d in zone loc as PostgreSQL does:
// "2024-01-31 15:30:00.123+05:30" (offset as ±HH, ±HH:MM or ±HH:MM:SS).
func appendTimestamptz(dst []byte, d dateTime, loc *time.Location) []byte {
	lt := time.Date(d.year, time.Month(d.month), d.day, d.hour, d.minute, d.sec, d.usec*1000, time.UTC).In(loc)
	_, off := lt.Zone()
	dst = appendDate(dst, lt.Year(), int(lt.Month()), lt.Day(), false)
	dst = append(dst, ' ')
	dst = appendClock(dst, int64(lt.Hour()*3600+lt.Minute()*60+lt.Second())*1_000_000+int64(lt.Nanosecond()/1000))
	dst = appendOffset(dst, off)
	return appendBC(dst, lt.Year())
}

func appendOffset(dst []byte, off int) []byte {
	if off < 0 {
		dst = append(dst, '-')
		off = -off
	} else {
		dst = append(dst, '+')
	}
	dst = appendPadInt(dst, off/3600, 2)
	if off%3600 != 0 {
		dst = append(dst, ':')
		dst = appendPadInt(dst, off/60%60, 2)
		if off%60 != 0 {
			dst = append(dst, ':')
			dst = appendPadInt(dst, off%60, 2)
		}
	}
	return dst
}

// tidbUUID reads a uuid as pgtidb stores it (CHAR(36)), or as MySQL applications do
// (BINARY(16), or 32 hex digits).
func tidbUUID(t Type, v []byte) ([16]byte, error) {
	var u [16]byte
	if len(v) == 16 {
		copy(u[:], v)
		return u, nil
	}
	if u, ok := parseUUID(v); ok {
		return u, nil
	}
	return u, badValue(t, v)
}

func appendUUID(dst []byte, u [16]byte) []byte {
	var buf [36]byte
	hex.Encode(buf[0:8], u[0:4])
	buf[8] = '-'
	hex.Encode(buf[9:13], u[4:6])
	buf[13] = '-'
	hex.Encode(buf[14:18], u[6:8])
	buf[18] = '-'
	hex.Encode(buf[19:23], u[8:10])
	buf[23] = '-'
	hex.Encode(buf[24:], u[10:])
	return append(dst, buf[:]...)
}

// parseUUID reads uuid text as PostgreSQL's uuid_in does: 32 hex digits, either case,
// optionally in braces, with an optional hyphen after any group of four digits.
func parseUUID(s []byte) ([16]byte, bool) {
	var u [16]byte
	if len(s) > 0 && s[0] == '{' {
		if s[len(s)-1] != '}' {
			return u, false
		}
		s = s[1 : len(s)-1]
	}
	n := 0
	for i := 0; i < len(s); {
		if n == 32 {
			return u, false
		}
		hi, ok1 := unhex(s[i])
		if i+1 >= len(s) {
			return u, false
		}
		lo, ok2 := unhex(s[i+1])
		if !ok1 || !ok2 {
			return u, false
		}
		u[n/2] = hi<<4 | lo
		n += 2
		i += 2
		if i < len(s) && s[i] == '-' && n%4 == 0 && n < 32 {
			i++
			if i == len(s) {
				return u, false
			}
		}
	}
	return u, n == 32
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// appendCanonicalJSON re-prints TiDB's JSON text the way jsonb_out prints jsonb: object keys
// ordered by length then bytes (TiDB orders them by bytes; duplicates keep the last value),
// ", " and ": " separators, numbers in numeric's notation (no exponent, no negative zero),
// strings escaped as PostgreSQL escapes them. json (OID 114) is not re-printed: pgtidb stores
// it as text, verbatim, as PostgreSQL does.
func appendCanonicalJSON(dst []byte, t Type, v []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return dst, badValue(t, v)
	}
	if _, err := dec.Token(); err != io.EOF {
		return dst, badValue(t, v)
	}
	out, err := appendJSONValue(dst, doc)
	if err != nil {
		return dst, badValue(t, v)
	}
	return out, nil
}

func appendJSONValue(dst []byte, v any) ([]byte, error) {
	var err error
	switch v := v.(type) {
	case nil:
		return append(dst, "null"...), nil
	case bool:
		return strconv.AppendBool(dst, v), nil
	case json.Number:
		d, ok := parseDecimal([]byte(v))
		if !ok {
			return dst, fmt.Errorf("json number %s", v)
		}
		return d.appendText(dst), nil
	case string:
		return appendJSONString(dst, v), nil
	case []any:
		dst = append(dst, '[')
		for i, e := range v {
			if i > 0 {
				dst = append(dst, ", "...)
			}
			if dst, err = appendJSONValue(dst, e); err != nil {
				return dst, err
			}
		}
		return append(dst, ']'), nil
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b string) int {
			if len(a) != len(b) {
				return len(a) - len(b)
			}
			return strings.Compare(a, b)
		})
		dst = append(dst, '{')
		for i, k := range keys {
			if i > 0 {
				dst = append(dst, ", "...)
			}
			dst = appendJSONString(dst, k)
			dst = append(dst, ": "...)
			if dst, err = appendJSONValue(dst, v[k]); err != nil {
				return dst, err
			}
		}
		return append(dst, '}'), nil
	}
	return dst, fmt.Errorf("json value of type %T", v)
}

// appendJSONString quotes s as PostgreSQL's escape_json does: \" \\ \b \f \n \r \t, other
// control characters as \u00XX, everything else (including non-ASCII and '/') as is.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			dst = append(dst, '\\', '"')
		case '\\':
			dst = append(dst, '\\', '\\')
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			if c < ' ' {
				dst = append(dst, '\\', 'u', '0', '0', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
			} else {
				dst = append(dst, c)
			}
		}
	}
	return append(dst, '"')
}

package typemap

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgerrcode"

	"github.com/pgtidb/pgtidb/pgerror"
)

// DecodeParam turns a client's parameter value for PostgreSQL type t, in format 0 (text) or 1
// (binary), into the Go value go-sql-driver interpolates for what TiDB stores for t:
//
//	bool                         int64 1 or 0
//	int2, int4, int8, oid        int64
//	float4, float8               float64 (float4 rounded to float32 first)
//	numeric                      string, plain decimal notation ("1.50", never an exponent)
//	text, varchar, bpchar, name  string
//	bytea                        []byte (a copy: v is not kept; never nil, which go-sql-driver sends as NULL)
//	date                         string "YYYY-MM-DD"
//	time                         string "HH:MM:SS.ffffff"
//	timestamp                    string "YYYY-MM-DD HH:MM:SS.ffffff"
//	timestamptz                  string "YYYY-MM-DD HH:MM:SS.ffffff", the instant in UTC
//	uuid                         string, canonical lower case
//	json, jsonb                  string, the JSON text as sent (validated)
//	unknown, unspecified (0)     string
//
// Input PostgreSQL would reject is rejected with PostgreSQL's SQLSTATE and message (22P02
// `invalid input syntax for type integer: "abc"`, 22003, 22007, 22008…). Input PostgreSQL
// accepts but TiDB cannot store (NaN, infinity, dates outside years 1 BC–9999, numerics beyond
// DECIMAL(65,30)) is refused with an error rather than changed. Errors about the binary
// format name no parameter: the caller appends " N" to the 22P03 message
// "incorrect binary data format in bind parameter", as PostgreSQL words it.
func DecodeParam(t Type, format int16, v []byte, s *Settings) (any, error) {
	if _, isArray := arrayElems[t.OID]; isArray && (format == 0 || format == 1) {
		return decodeArrayParam(t, format, v, s)
	}
	switch format {
	case 0:
		return decodeText(t, v, s)
	case 1:
		return decodeBinary(t, v, s)
	}
	return nil, pgerror.Newf(pgerrcode.ProtocolViolation, "unsupported format code: %d", format)
}

// isSpace is C's isspace, which PostgreSQL's input functions trim with.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func trimSpace(s string) string {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func invalidSyntax(typeName, input string) *pgerror.Error {
	return pgerror.Newf(pgerrcode.InvalidTextRepresentation, "invalid input syntax for type %s: \"%s\"", typeName, input)
}

func decodeText(t Type, v []byte, s *Settings) (any, error) {
	if err := checkEncoding(v); err != nil {
		return nil, err
	}
	str := string(v)
	switch t.OID {
	case Bool:
		b, ok := parseBool(trimSpace(str))
		if !ok {
			return nil, invalidSyntax("boolean", str)
		}
		return boolInt64(b), nil
	case Int2, Int4, Int8:
		return parseIntInput(t.OID, str)
	case Oid:
		n, err := strconv.ParseInt(trimSpace(str), 10, 64)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
				return nil, pgerror.Newf(pgerrcode.NumericValueOutOfRange, "value \"%s\" is out of range for type oid", str)
			}
			return nil, invalidSyntax("oid", str)
		}
		if n < math.MinInt32 || n > math.MaxUint32 {
			return nil, pgerror.Newf(pgerrcode.NumericValueOutOfRange, "value \"%s\" is out of range for type oid", str)
		}
		return int64(uint32(n)), nil
	case Float4, Float8:
		return parseFloatInput(t.OID == Float4, str)
	case Numeric:
		return parseNumericInput(t, str)
	case Bytea:
		return parseByteaInput(str)
	case Date:
		d, err := parseDateTimeInput(str, kindDate, s.location())
		if err != nil {
			return nil, err
		}
		return string(appendISODate(nil, d)), nil
	case Time:
		d, err := parseDateTimeInput(str, kindTime, s.location())
		if err != nil {
			return nil, err
		}
		return string(appendTiDBClock(nil, d)), nil
	case Timestamp, Timestamptz:
		kind := kindTimestamp
		if t.OID == Timestamptz {
			kind = kindTimestamptz
		}
		d, err := parseDateTimeInput(str, kind, s.location())
		if err != nil {
			return nil, err
		}
		return tidbDateTimeString(d), nil
	case UUID:
		u, ok := parseUUID(v)
		if !ok {
			return nil, invalidSyntax("uuid", str)
		}
		return string(appendUUID(nil, u)), nil
	case JSON, JSONB:
		if err := checkJSON(t, v); err != nil {
			return nil, err
		}
		return str, nil
	case Char:
		// "char" keeps the first byte.
		if len(str) > 1 {
			_, n := utf8.DecodeRuneInString(str)
			str = str[:n]
		}
		return str, nil
	}
	return str, nil
}

// noInfinity is the error for a PostgreSQL value TiDB has no counterpart of.
func noInfinity(what string) *pgerror.Error {
	return pgerror.Unsupported(what).WithHint("TiDB stores no NaN or infinite values.")
}

func boolInt64(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// parseBool is PostgreSQL's parse_bool: true, yes, on, 1, false, no, off, 0, any unique
// prefix of them ("o" is not unique), case-insensitive.
func parseBool(s string) (value, ok bool) {
	if s == "" {
		return false, false
	}
	l := strings.ToLower(s)
	prefixOf := func(word string, min int) bool {
		return len(l) >= min && len(l) <= len(word) && word[:len(l)] == l
	}
	switch l[0] {
	case 't':
		return true, prefixOf("true", 1)
	case 'y':
		return true, prefixOf("yes", 1)
	case 'f':
		return false, prefixOf("false", 1)
	case 'n':
		return false, prefixOf("no", 1)
	case 'o':
		if prefixOf("on", 2) {
			return true, true
		}
		return false, prefixOf("off", 2)
	case '1':
		return true, l == "1"
	case '0':
		return false, l == "0"
	}
	return false, false
}

// parseIntInput is PostgreSQL's pg_strtoint16/32/64: optional spaces, sign, decimal digits,
// optional spaces.
func parseIntInput(oid OID, str string) (any, error) {
	name := map[OID]string{Int2: "smallint", Int4: "integer", Int8: "bigint"}[oid]
	s := trimSpace(str)
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || digits == "" {
		return nil, invalidSyntax(name, str)
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return nil, invalidSyntax(name, str)
		}
	}
	lo, hi, _ := intRange(oid)
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < lo || n > hi {
		return nil, pgerror.Newf(pgerrcode.NumericValueOutOfRange, "value \"%s\" is out of range for type %s", str, name)
	}
	return n, nil
}

// parseFloatInput is PostgreSQL's float4in/float8in (strtod syntax, spaces around). Overflow
// and underflow to zero are 22003 as on PostgreSQL; NaN and infinities are valid PostgreSQL
// floats that TiDB cannot store.
func parseFloatInput(float4 bool, str string) (any, error) {
	name, bits := "double precision", 64
	if float4 {
		name, bits = "real", 32
	}
	s := trimSpace(str)
	if s == "" || strings.ContainsRune(s, '_') {
		return nil, invalidSyntax(name, str)
	}
	f, err := strconv.ParseFloat(s, bits)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return nil, pgerror.Newf(pgerrcode.NumericValueOutOfRange, "\"%s\" is out of range for type %s", str, name)
		}
		return nil, invalidSyntax(name, str)
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, noInfinity(fmt.Sprintf("%s value \"%s\"", name, str))
	}
	if f == 0 && hasNonZeroMantissa(s) {
		return nil, pgerror.Newf(pgerrcode.NumericValueOutOfRange, "\"%s\" is out of range for type %s", str, name)
	}
	return f, nil
}

// hasNonZeroMantissa says whether a float literal has a non-zero digit before its exponent:
// such a literal that reads as 0 underflowed.
func hasNonZeroMantissa(s string) bool {
	low := strings.ToLower(s)
	hexa := strings.Contains(low, "0x")
	if hexa {
		low = low[strings.Index(low, "0x")+2:]
		if i := strings.IndexByte(low, 'p'); i >= 0 {
			low = low[:i]
		}
	} else if i := strings.IndexByte(low, 'e'); i >= 0 {
		low = low[:i]
	}
	for _, c := range low {
		if (c >= '1' && c <= '9') || (hexa && c >= 'a' && c <= 'f') {
			return true
		}
	}
	return false
}

// TiDB's DECIMAL limits: 65 digits, 30 of them after the point.
const (
	tidbDecimalDigits = 65
	tidbDecimalScale  = 30
)

// parseNumericInput is PostgreSQL's numeric_in (spaces around, sign, digits, point, exponent),
// with the typmod applied when t has one. Values TiDB's DECIMAL cannot hold exactly are
// refused.
func parseNumericInput(t Type, str string) (any, error) {
	s := trimSpace(str)
	switch strings.ToLower(strings.TrimLeft(s, "+-")) {
	case "nan", "infinity", "inf":
		return nil, noInfinity(fmt.Sprintf("numeric value \"%s\"", str))
	}
	d, ok := parseDecimal([]byte(s))
	if !ok {
		return nil, invalidSyntax("numeric", str)
	}
	return numericParam(t, d)
}

// numericParam applies t's typmod to d as PostgreSQL's apply_typmod does and checks that TiDB
// can store the result.
func numericParam(t Type, d decimal) (any, error) {
	if precision, scale, ok := NumericPrecisionScale(t.Typmod); ok {
		d = d.round(scale)
		if len(d.ints) > precision-scale {
			return nil, pgerror.New(pgerrcode.NumericValueOutOfRange, "numeric field overflow").
				WithDetail(fmt.Sprintf("A field with precision %d, scale %d must round to an absolute value less than %s.",
					precision, scale, powerOfTen(precision-scale)))
		}
	}
	significant := d.trimFraction()
	if len(significant.frac) > tidbDecimalScale || len(significant.ints)+len(significant.frac) > tidbDecimalDigits {
		return nil, pgerror.Unsupported(fmt.Sprintf(
			"numeric value with more than %d digits or more than %d digits after the decimal point",
			tidbDecimalDigits, tidbDecimalScale)).WithHint("TiDB's DECIMAL holds at most 65 digits, 30 of them after the point.")
	}
	return string(d.appendText(nil)), nil
}

func powerOfTen(n int) string {
	if n == 0 {
		return "1"
	}
	return "10^" + strconv.Itoa(n)
}

// parseByteaInput is PostgreSQL's byteain: "\x" followed by hex digit pairs (spaces allowed
// between pairs), or the escape format (\\ and \ooo octal escapes, other bytes as they are).
func parseByteaInput(s string) (any, error) {
	if strings.HasPrefix(s, `\x`) {
		out := make([]byte, 0, (len(s)-2)/2)
		for i := 2; i < len(s); {
			c := s[i]
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
				i++
				continue
			}
			hi, ok := unhex(c)
			if !ok {
				return nil, invalidHexDigit(s[i:])
			}
			if i+1 >= len(s) {
				return nil, pgerror.New(pgerrcode.InvalidParameterValue, "invalid hexadecimal data: odd number of digits")
			}
			lo, ok := unhex(s[i+1])
			if !ok {
				return nil, invalidHexDigit(s[i+1:])
			}
			out = append(out, hi<<4|lo)
			i += 2
		}
		return out, nil
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if s[i] != '\\' {
			out = append(out, s[i])
			i++
			continue
		}
		if i+1 < len(s) && s[i+1] == '\\' {
			out = append(out, '\\')
			i += 2
			continue
		}
		if i+3 < len(s) && s[i+1] >= '0' && s[i+1] <= '3' && isOctal(s[i+2]) && isOctal(s[i+3]) {
			out = append(out, (s[i+1]-'0')<<6|(s[i+2]-'0')<<3|(s[i+3]-'0'))
			i += 4
			continue
		}
		return nil, pgerror.New(pgerrcode.InvalidTextRepresentation, "invalid input syntax for type bytea")
	}
	return out, nil
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }

func invalidHexDigit(rest string) *pgerror.Error {
	_, n := utf8.DecodeRuneInString(rest)
	return pgerror.Newf(pgerrcode.InvalidParameterValue, "invalid hexadecimal digit: \"%s\"", rest[:n])
}

// checkEncoding refuses what PostgreSQL's UTF8 server encoding refuses in text input:
// invalid UTF-8 and NUL bytes.
func checkEncoding(v []byte) error {
	for i := 0; i < len(v); {
		c := v[i]
		if c != 0 && c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(v[i:])
		if c == 0 || r == utf8.RuneError && n <= 1 {
			// pg_utf_mblen: the length the lead byte announces (1 for an invalid lead).
			want := 1
			switch {
			case c&0xe0 == 0xc0:
				want = 2
			case c&0xf0 == 0xe0:
				want = 3
			case c&0xf8 == 0xf0:
				want = 4
			}
			want = min(want, len(v)-i)
			var b strings.Builder
			for j := range want {
				if j > 0 {
					b.WriteByte(' ')
				}
				fmt.Fprintf(&b, "0x%02x", v[i+j])
			}
			return pgerror.Newf(pgerrcode.CharacterNotInRepertoire, "invalid byte sequence for encoding \"UTF8\": %s", b.String())
		}
		i += n
	}
	return nil
}

// checkJSON validates JSON input as json_in/jsonb_in do; jsonb also refuses \u0000.
func checkJSON(t Type, v []byte) error {
	if !json.Valid(v) {
		return pgerror.New(pgerrcode.InvalidTextRepresentation, "invalid input syntax for type json")
	}
	if t.OID == JSONB && strings.Contains(string(v), `\u0000`) {
		return pgerror.New(pgerrcode.UntranslatableCharacter, "unsupported Unicode escape sequence").
			WithDetail(`\u0000 cannot be converted to text.`)
	}
	return nil
}

// Binary parameters.

func binaryFormatError() *pgerror.Error {
	return pgerror.New(pgerrcode.InvalidBinaryRepresentation, "incorrect binary data format in bind parameter")
}

func insufficientData() *pgerror.Error {
	return pgerror.New(pgerrcode.ProtocolViolation, "insufficient data left in message")
}

// fixedSize checks a fixed-size binary value as PostgreSQL's recv functions do: too short is
// a protocol violation, left-over bytes are 22P03.
func fixedSize(v []byte, n int) error {
	if len(v) < n {
		return insufficientData()
	}
	if len(v) > n {
		return binaryFormatError()
	}
	return nil
}

func decodeBinary(t Type, v []byte, s *Settings) (any, error) {
	size := map[OID]int{Bool: 1, Int2: 2, Int4: 4, Oid: 4, Float4: 4, Int8: 8, Float8: 8,
		Date: 4, Time: 8, Timestamp: 8, Timestamptz: 8, UUID: 16}[t.OID]
	if size > 0 {
		if err := fixedSize(v, size); err != nil {
			return nil, err
		}
	}
	switch t.OID {
	case Bool:
		return boolInt64(v[0] != 0), nil
	case Int2:
		return int64(int16(binary.BigEndian.Uint16(v))), nil
	case Int4:
		return int64(int32(binary.BigEndian.Uint32(v))), nil
	case Oid:
		return int64(binary.BigEndian.Uint32(v)), nil
	case Int8:
		return int64(binary.BigEndian.Uint64(v)), nil
	case Float4:
		f := float64(math.Float32frombits(binary.BigEndian.Uint32(v)))
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, noInfinity("real NaN or infinity")
		}
		return f, nil
	case Float8:
		f := math.Float64frombits(binary.BigEndian.Uint64(v))
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, noInfinity("double precision NaN or infinity")
		}
		return f, nil
	case Numeric:
		d, err := parseNumericBinary(v)
		if err != nil {
			return nil, err
		}
		return numericParam(t, d)
	case Bytea:
		// Never nil: go-sql-driver interpolates a nil []byte as NULL, and an empty bytea
		// (a zero-length, non-NULL parameter) must stay ''.
		return append(make([]byte, 0, len(v)), v...), nil
	case Date:
		days := int32(binary.BigEndian.Uint32(v))
		if days == math.MinInt32 || days == math.MaxInt32 {
			return nil, noInfinity("infinite date")
		}
		var d dateTime
		d.year, d.month, d.day = civilFromDays(int64(days) + pgEpochDays)
		if !tidbYearRange(d.year) {
			return nil, pgerror.New(pgerrcode.DatetimeFieldOverflow, "date out of range")
		}
		return string(appendISODate(nil, d)), nil
	case Time:
		us := int64(binary.BigEndian.Uint64(v))
		if us < 0 || us > usecPerDay {
			return nil, pgerror.New(pgerrcode.DatetimeFieldOverflow, "time out of range")
		}
		if us == usecPerDay {
			return "24:00:00.000000", nil
		}
		return string(appendTiDBClock(nil, fromPGMicros(us))), nil
	case Timestamp, Timestamptz:
		us := int64(binary.BigEndian.Uint64(v))
		if us == math.MinInt64 || us == math.MaxInt64 {
			return nil, noInfinity("infinite timestamp")
		}
		// Far-away values would overflow the calendar arithmetic: bound them first.
		const maxMicros = 8_000 * 366 * usecPerDay
		if us > maxMicros || us < -maxMicros {
			return nil, pgerror.New(pgerrcode.DatetimeFieldOverflow, "timestamp out of range")
		}
		d := fromPGMicros(us)
		if !tidbYearRange(d.year) {
			return nil, pgerror.New(pgerrcode.DatetimeFieldOverflow, "timestamp out of range")
		}
		return tidbDateTimeString(d), nil
	case UUID:
		return string(appendUUID(nil, [16]byte(v))), nil
	case JSONB:
		if len(v) < 1 {
			return nil, insufficientData()
		}
		if v[0] != 1 {
			return nil, pgerror.Newf(pgerrcode.InternalError, "unsupported jsonb version number %d", v[0])
		}
		return decodeText(t, v[1:], s)
	case JSON, Text, Varchar, BPChar, Name, Char, Unknown, 0:
		return decodeText(t, v, s)
	}
	return nil, pgerror.Newf(pgerrcode.FeatureNotSupported, "binary format for type %s is not supported by pgtidb", t)
}

// parseNumericBinary reads numeric_send's format. Digits hidden by dscale are truncated, as
// numeric_recv does.
func parseNumericBinary(v []byte) (decimal, error) {
	var d decimal
	if len(v) < 8 {
		return d, insufficientData()
	}
	ndigits := int(binary.BigEndian.Uint16(v[0:]))
	weight := int(int16(binary.BigEndian.Uint16(v[2:])))
	sign := binary.BigEndian.Uint16(v[4:])
	dscale := int(binary.BigEndian.Uint16(v[6:]))
	if len(v) < 8+2*ndigits {
		return d, insufficientData()
	}
	if len(v) > 8+2*ndigits {
		return d, binaryFormatError()
	}
	switch sign {
	case numericPos, numericNeg:
	case numericNaN, numericPInf, numericNInf:
		return d, noInfinity("numeric NaN or infinity")
	default:
		return d, pgerror.New(pgerrcode.InvalidBinaryRepresentation, "invalid sign in external \"numeric\" value")
	}
	if dscale > 0x3FFF {
		return d, pgerror.New(pgerrcode.InvalidBinaryRepresentation, "invalid scale in external \"numeric\" value")
	}
	d.neg = sign == numericNeg
	// Lay the base-10000 digits out as decimal digits around the point.
	var ints, frac []byte
	for i := 0; i < ndigits; i++ {
		g := binary.BigEndian.Uint16(v[8+2*i:])
		if g >= 10000 {
			return d, pgerror.New(pgerrcode.InvalidBinaryRepresentation, "invalid digit in external \"numeric\" value")
		}
		four := []byte{byte('0' + g/1000), byte('0' + g/100%10), byte('0' + g/10%10), byte('0' + g%10)}
		if w := weight - i; w >= 0 {
			ints = append(ints, four...)
		} else {
			if len(frac) == 0 {
				for range -w - 1 {
					frac = append(frac, "0000"...)
				}
			}
			frac = append(frac, four...)
		}
	}
	if weight >= ndigits {
		for range weight - ndigits + 1 {
			ints = append(ints, "0000"...)
		}
	}
	d.ints = []byte(strings.TrimLeft(string(ints), "0"))
	if len(frac) > dscale {
		frac = frac[:dscale]
	}
	for len(frac) < dscale {
		frac = append(frac, '0')
	}
	d.frac = frac
	return d, nil
}

// Date and time input.

// dtKind is the type a date/time input is read for.
type dtKind int

const (
	kindDate dtKind = iota
	kindTime
	kindTimestamp
	kindTimestamptz
)

func (k dtKind) typeName() string {
	return [...]string{"date", "time", "timestamp", "timestamp with time zone"}[k]
}

// tidbYearRange is the span of years TiDB's DATE and DATETIME hold: 0 (1 BC) to 9999.
func tidbYearRange(year int) bool { return year >= 0 && year <= 9999 }

// appendISODate prints d's date for TiDB ("0000-01-01" is 1 BC).
func appendISODate(dst []byte, d dateTime) []byte {
	dst = appendPadInt(dst, d.year, 4)
	dst = append(dst, '-')
	dst = appendPadInt(dst, d.month, 2)
	dst = append(dst, '-')
	return appendPadInt(dst, d.day, 2)
}

// appendTiDBClock prints d's time of day as TIME(6) text, "HH:MM:SS.ffffff" (hour 24 allowed).
func appendTiDBClock(dst []byte, d dateTime) []byte {
	dst = appendPadInt(dst, d.hour, 2)
	dst = append(dst, ':')
	dst = appendPadInt(dst, d.minute, 2)
	dst = append(dst, ':')
	dst = appendPadInt(dst, d.sec, 2)
	dst = append(dst, '.')
	return appendPadInt(dst, d.usec, 6)
}

func tidbDateTimeString(d dateTime) string {
	b := appendISODate(make([]byte, 0, 26), d)
	b = append(b, ' ')
	return string(appendTiDBClock(b, d))
}

// pgAbbrevs are the time zone abbreviations of PostgreSQL's "Default" timezone_abbreviations
// set that pgtidb reads, with their UTC offsets in seconds (taken from PostgreSQL 15's
// pg_timezone_abbrevs).
var pgAbbrevs = map[string]int{
	"utc": 0, "ut": 0, "gmt": 0, "z": 0, "zulu": 0, "wet": 0,
	"est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
	"mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600,
	"akst": -9 * 3600, "akdt": -8 * 3600, "hst": -10 * 3600,
	"cet": 3600, "cest": 2 * 3600, "met": 3600, "mest": 2 * 3600, "bst": 3600,
	"eet": 2 * 3600, "eest": 3 * 3600, "ist": 2 * 3600, "sast": 2 * 3600, "msk": 3 * 3600,
	"hkt": 8 * 3600, "awst": 8 * 3600, "jst": 9 * 3600, "kst": 9 * 3600,
	"acst": 9*3600 + 1800, "acdt": 10*3600 + 1800, "aest": 10 * 3600, "aedt": 11 * 3600,
	"nzst": 12 * 3600, "nzdt": 13 * 3600,
}

// dtInput is a date/time input being read.
type dtInput struct {
	d                dateTime
	hasDate, hasTime bool
	bc               bool
	pm, am           bool
	zoneSet          bool
	offset           int            // seconds east of UTC, when a numeric or abbreviated zone was given
	zone             *time.Location // when a named zone was given
	hour24           bool           // the hour was 24
}

// parseDateTimeInput reads date/time input as PostgreSQL's datetime parser does for the
// formats applications send: ISO 8601 ("2024-01-31", "2024-01-31 10:00:00.5",
// "2024-01-31T10:00:00Z", "2024-01-31 10:00+05:30", "… Europe/Berlin"), 2024/01/31, 20240131,
// MDY 01/31/2024 and 01-31-2024, times with AM/PM, " BC", and the special values epoch, now,
// today, tomorrow, yesterday, allballs. Month names are not read (22007). For kindTimestamptz
// the result is the instant in UTC; a local time without a zone is read in loc, with
// PostgreSQL's choice for times in a DST gap or overlap. Other kinds ignore zones, as
// PostgreSQL does.
func parseDateTimeInput(str string, kind dtKind, loc *time.Location) (dateTime, error) {
	s := strings.ToLower(trimSpace(str))
	syntax := func() error {
		return pgerror.Newf(pgerrcode.InvalidDatetimeFormat, "invalid input syntax for type %s: \"%s\"", kind.typeName(), str)
	}
	fieldRange := func() error {
		return pgerror.Newf(pgerrcode.DatetimeFieldOverflow, "date/time field value out of range: \"%s\"", str)
	}
	var in dtInput
	switch s {
	case "infinity", "+infinity", "-infinity":
		if kind == kindTime {
			return dateTime{}, syntax()
		}
		return dateTime{}, noInfinity(fmt.Sprintf("%s value \"%s\"", kind.typeName(), str))
	case "epoch":
		if kind == kindTime {
			return dateTime{}, syntax()
		}
		return dateTime{year: 1970, month: 1, day: 1}, nil
	case "now", "today", "tomorrow", "yesterday", "allballs":
		return specialDateTime(s, kind, loc), nil
	}
	words := splitDateTimeWords(s)
	if len(words) == 0 {
		return dateTime{}, syntax()
	}
	for i, w := range words {
		switch {
		case w == "bc" || w == "ad":
			if !in.hasDate {
				return dateTime{}, syntax()
			}
			in.bc = w == "bc"
		case w == "am" || w == "pm":
			if !in.hasTime {
				return dateTime{}, syntax()
			}
			in.am, in.pm = w == "am", w == "pm"
		case i == 0 && !strings.ContainsRune(w, ':') && isDateWord(w):
			if err := in.readDate(w); err != nil {
				if err == errRange {
					return dateTime{}, fieldRange()
				}
				return dateTime{}, syntax()
			}
		case !in.hasTime && len(w) > 0 && w[0] >= '0' && w[0] <= '9' && strings.ContainsRune(w, ':'):
			rest, err := in.readTime(w)
			if err != nil {
				if err == errRange {
					return dateTime{}, fieldRange()
				}
				return dateTime{}, syntax()
			}
			if rest != "" {
				if err := in.readZone(rest, str); err != nil {
					return dateTime{}, zoneError(err, syntax)
				}
			}
		case !in.zoneSet && (in.hasDate || in.hasTime):
			if err := in.readZone(w, str); err != nil {
				return dateTime{}, zoneError(err, syntax)
			}
		default:
			return dateTime{}, syntax()
		}
	}
	if kind != kindTime && !in.hasDate {
		return dateTime{}, syntax()
	}
	if kind == kindTime && !in.hasTime {
		return dateTime{}, syntax()
	}
	// Fields.
	d := &in.d
	if in.am || in.pm {
		if d.hour < 1 || d.hour > 12 {
			return dateTime{}, fieldRange()
		}
		if d.hour == 12 {
			d.hour = 0
		}
		if in.pm {
			d.hour += 12
		}
	}
	if in.hasDate {
		if in.bc {
			if d.year == 0 {
				return dateTime{}, fieldRange()
			}
			d.year = 1 - d.year
		}
		if d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysIn(d.year, d.month) {
			return dateTime{}, fieldRange()
		}
	}
	if d.hour > 24 || d.minute > 59 || d.sec > 60 || d.hour == 24 && (d.minute != 0 || d.sec != 0 || d.usec != 0) {
		return dateTime{}, fieldRange()
	}
	switch kind {
	case kindDate:
		if !tidbYearRange(d.year) {
			return dateTime{}, pgerror.Newf(pgerrcode.DatetimeFieldOverflow, "date out of range: \"%s\"", str)
		}
		return dateTime{year: d.year, month: d.month, day: d.day}, nil
	case kindTime:
		us := int64(d.hour*3600+d.minute*60+d.sec)*1_000_000 + int64(d.usec)
		if us > usecPerDay {
			return dateTime{}, fieldRange()
		}
		t := fromPGMicros(us)
		if us == usecPerDay {
			t = dateTime{hour: 24}
		}
		return t, nil
	}
	// Timestamps: normalise hour 24, second 60 and fraction carries through the epoch count.
	us := pgMicros(dateTime{year: d.year, month: d.month, day: d.day}) +
		int64(d.hour*3600+d.minute*60+d.sec)*1_000_000 + int64(d.usec)
	if kind == kindTimestamptz {
		switch {
		case in.zone != nil:
			us -= int64(zoneOffsetFor(us, in.zone)) * 1_000_000
		case in.zoneSet:
			us -= int64(in.offset) * 1_000_000
		default:
			us -= int64(zoneOffsetFor(us, loc)) * 1_000_000
		}
	}
	t := fromPGMicros(us)
	if !tidbYearRange(t.year) {
		return dateTime{}, pgerror.Newf(pgerrcode.DatetimeFieldOverflow, "timestamp out of range: \"%s\"", str)
	}
	return t, nil
}

// zoneOffsetFor is the UTC offset (seconds east) of local wall-clock time localUS (µs since
// 2000-01-01, as if it were UTC) in loc, resolved as PostgreSQL's DetermineTimeZoneOffset
// does: a time skipped by a spring-forward transition takes the offset before it, a time
// repeated by a fall-back transition the offset after it.
func zoneOffsetFor(localUS int64, loc *time.Location) int {
	local := (localUS/1_000_000 + pgEpochDays*86400)
	if localUS%1_000_000 < 0 {
		local--
	}
	prec := time.Unix(local-86400, 0).In(loc)
	_, beforeOff := prec.Zone()
	_, boundary := prec.ZoneBounds()
	if boundary.IsZero() {
		return beforeOff
	}
	_, afterOff := boundary.In(loc).Zone()
	beforeTime := local - int64(beforeOff)
	afterTime := local - int64(afterOff)
	b := boundary.Unix()
	switch {
	case beforeTime < b && afterTime < b:
		return beforeOff
	case beforeTime >= b && afterTime >= b:
		// A second boundary may follow within the day; PostgreSQL looks only at the first,
		// and so do we.
		return afterOff
	case beforeTime > afterTime:
		return beforeOff
	}
	return afterOff
}

// specialDateTime evaluates now, today, tomorrow, yesterday and allballs.
func specialDateTime(s string, kind dtKind, loc *time.Location) dateTime {
	now := time.Now()
	if s == "allballs" {
		return dateTime{}
	}
	lt := now.In(loc)
	var d dateTime
	if s == "now" {
		if kind == kindTimestamptz {
			u := now.UTC()
			return dateTime{u.Year(), int(u.Month()), u.Day(), u.Hour(), u.Minute(), u.Second(), u.Nanosecond() / 1000}
		}
		d = dateTime{lt.Year(), int(lt.Month()), lt.Day(), lt.Hour(), lt.Minute(), lt.Second(), lt.Nanosecond() / 1000}
		return d
	}
	day := time.Date(lt.Year(), lt.Month(), lt.Day(), 0, 0, 0, 0, time.UTC)
	switch s {
	case "tomorrow":
		day = day.AddDate(0, 0, 1)
	case "yesterday":
		day = day.AddDate(0, 0, -1)
	}
	d = dateTime{year: day.Year(), month: int(day.Month()), day: day.Day()}
	if kind == kindTimestamptz {
		us := pgMicros(d)
		d = fromPGMicros(us - int64(zoneOffsetFor(us, loc))*1_000_000)
	}
	return d
}

// splitDateTimeWords splits lower-cased input into words at spaces and at a 'T' between a
// date and a time ("2024-01-31t10:00"), and splits a zone glued to a word ("10:00z" stays
// whole and is split by readTime).
func splitDateTimeWords(s string) []string {
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r < 128 && isSpace(byte(r)) }) {
		if i := strings.IndexByte(w, 't'); i > 0 && w[i-1] >= '0' && w[i-1] <= '9' &&
			i+1 < len(w) && w[i+1] >= '0' && w[i+1] <= '9' {
			words = append(words, w[:i], w[i+1:])
			continue
		}
		words = append(words, w)
	}
	return words
}

// Errors of the date/time readers, turned into PostgreSQL's by parseDateTimeInput.
var (
	errSyntax = errors.New("syntax")
	errRange  = errors.New("range")
)

// zoneError turns readZone's bare syntax error into the input's syntax error.
func zoneError(err error, syntax func() error) error {
	if pe, ok := pgerror.As(err); ok && pe.Code == pgerrcode.InvalidDatetimeFormat {
		return syntax()
	}
	return err
}

func isDateWord(w string) bool {
	return len(w) > 0 && w[0] >= '0' && w[0] <= '9' &&
		(strings.ContainsAny(w, "-/") || len(w) == 8 && allDigits(w))
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// readDate reads Y-M-D, Y/M/D (year of 3+ digits first), M/D/Y and M-D-Y (DateStyle MDY), or
// YYYYMMDD.
func (in *dtInput) readDate(w string) error {
	in.hasDate = true
	d := &in.d
	if allDigits(w) {
		d.year, _ = strconv.Atoi(w[:4])
		d.month, _ = strconv.Atoi(w[4:6])
		d.day, _ = strconv.Atoi(w[6:8])
		return nil
	}
	sep := "-"
	if strings.ContainsRune(w, '/') {
		sep = "/"
	}
	parts := strings.Split(w, sep)
	if len(parts) != 3 {
		return errSyntax
	}
	for _, p := range parts {
		if !allDigits(p) || len(p) > 9 {
			return errSyntax
		}
	}
	a, _ := strconv.Atoi(parts[0])
	b, _ := strconv.Atoi(parts[1])
	c, _ := strconv.Atoi(parts[2])
	switch {
	case len(parts[0]) >= 3:
		d.year, d.month, d.day = a, b, c
	case len(parts[2]) >= 3:
		d.month, d.day, d.year = a, b, c
	default:
		// Two-digit years are a PostgreSQL feature pgtidb does not read.
		return errSyntax
	}
	if d.month > 12 || d.day > 31 {
		return errRange
	}
	return nil
}

// readTime reads H:MM[:SS[.frac]] at the start of w and returns what follows (a glued zone).
func (in *dtInput) readTime(w string) (string, error) {
	in.hasTime = true
	d := &in.d
	i := 0
	num := func(maxLen int) (int, bool) {
		start := i
		for i < len(w) && w[i] >= '0' && w[i] <= '9' && i-start < maxLen {
			i++
		}
		if i == start {
			return 0, false
		}
		n, _ := strconv.Atoi(w[start:i])
		return n, true
	}
	var ok bool
	if d.hour, ok = num(2); !ok || i >= len(w) || w[i] != ':' {
		return "", errSyntax
	}
	i++
	if d.minute, ok = num(2); !ok {
		return "", errSyntax
	}
	if i < len(w) && w[i] == ':' {
		i++
		if d.sec, ok = num(2); !ok {
			return "", errSyntax
		}
		if i < len(w) && w[i] == '.' {
			i++
			start := i
			for i < len(w) && w[i] >= '0' && w[i] <= '9' {
				i++
			}
			frac := w[start-1 : i]
			if len(frac) == 1 {
				return "", errSyntax
			}
			// PostgreSQL's ParseFractionalSecond: rint(strtod(".ddd") * 1e6).
			f, _ := strconv.ParseFloat(frac, 64)
			us := int(math.RoundToEven(f * 1_000_000))
			if us == 1_000_000 {
				// Carried into the next second; the timestamp arithmetic normalises it.
				us = 0
				d.sec++
			}
			d.usec = us
		}
	}
	if i < len(w) && w[i] >= '0' && w[i] <= '9' {
		return "", errSyntax
	}
	return w[i:], nil
}

// readZone reads a time zone: Z, ±HH, ±HHMM, ±HH:MM, ±HH:MM:SS, an abbreviation of
// PostgreSQL's Default set, or a tz database name. A zone is allowed once.
func (in *dtInput) readZone(w, input string) error {
	if in.zoneSet {
		return pgerror.New(pgerrcode.InvalidDatetimeFormat, "")
	}
	in.zoneSet = true
	if w[0] == '+' || w[0] == '-' {
		sign := 1
		if w[0] == '-' {
			sign = -1
		}
		digits := strings.ReplaceAll(w[1:], ":", "")
		if !allDigits(digits) || strings.Count(w, ":") > 2 {
			return pgerror.New(pgerrcode.InvalidDatetimeFormat, "")
		}
		var h, m, sec int
		switch {
		case strings.ContainsRune(w, ':'):
			parts := strings.Split(w[1:], ":")
			h, _ = strconv.Atoi(parts[0])
			m, _ = strconv.Atoi(parts[1])
			if len(parts) == 3 {
				sec, _ = strconv.Atoi(parts[2])
			}
		case len(digits) <= 2:
			h, _ = strconv.Atoi(digits)
		case len(digits) <= 4:
			h, _ = strconv.Atoi(digits[:len(digits)-2])
			m, _ = strconv.Atoi(digits[len(digits)-2:])
		case len(digits) <= 6:
			h, _ = strconv.Atoi(digits[:len(digits)-4])
			m, _ = strconv.Atoi(digits[len(digits)-4 : len(digits)-2])
			sec, _ = strconv.Atoi(digits[len(digits)-2:])
		default:
			return pgerror.New(pgerrcode.InvalidDatetimeFormat, "")
		}
		if h > 15 || m > 59 || sec > 59 {
			return pgerror.Newf(pgerrcode.DatetimeFieldOverflow, "time zone displacement out of range: \"%s\"", input)
		}
		in.offset = sign * (h*3600 + m*60 + sec)
		return nil
	}
	if off, ok := pgAbbrevs[w]; ok {
		in.offset = off
		return nil
	}
	if loc := loadZone(w); loc != nil {
		in.zone = loc
		return nil
	}
	if strings.ContainsAny(w, "/_") || len(w) > 2 && strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
		return pgerror.Newf(pgerrcode.InvalidParameterValue, "time zone \"%s\" not recognized", w)
	}
	return pgerror.New(pgerrcode.InvalidDatetimeFormat, "")
}

// loadZone finds a tz database zone by its lower-cased name (PostgreSQL matches zone names
// case-insensitively; the tz database spells them in mixed case).
func loadZone(lower string) *time.Location {
	if lower == "" || strings.Contains(lower, "..") {
		return nil
	}
	parts := strings.Split(lower, "/")
	for i, p := range parts {
		parts[i] = zoneNameCase(p)
	}
	for _, name := range []string{strings.Join(parts, "/"), strings.ToUpper(lower)} {
		if loc, err := time.LoadLocation(name); err == nil {
			return loc
		}
	}
	return nil
}

// zoneNameCase capitalises a tz database path element the way most are spelled: each word
// (after '_' or '-') starts upper case ("new_york" → "New_York", "port-au-prince" →
// "Port-Au-Prince" is not found and the caller tries upper case).
func zoneNameCase(p string) string {
	b := []byte(p)
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == '_' || c == '-'
	}
	return string(b)
}

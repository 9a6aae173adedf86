package typemap

import (
	"strconv"
	"strings"
)

// This file holds what typemap knows of TiDB's side: the PostgreSQL type a MySQL column type
// stands for (FromMySQL), and readers for the text forms TiDB sends values in over the MySQL
// text protocol (DATE, DATETIME(6), TIME(6), DECIMAL).

// FromMySQL derives the PostgreSQL type of a TiDB column that pgtidb did not create (or of a
// result column whose PostgreSQL type could not be inferred). dataType is
// information_schema.COLUMNS.DATA_TYPE ("tinyint") and columnType its COLUMN_TYPE
// ("tinyint(1) unsigned"); database/sql's ColumnType.DatabaseTypeName() ("TINYINT",
// "UNSIGNED BIGINT", "DECIMAL"…) is accepted as dataType with columnType "". Unknown types
// become text: every MySQL value has a text form.
//
// The mapping keeps every value representable: unsigned integers widen (int unsigned → bigint,
// bigint unsigned → numeric(20,0)), tinyint(1) is the MySQL boolean, TIMESTAMP is an instant
// (timestamptz, the session's time_zone is pinned to UTC), JSON is jsonb (TiDB normalizes JSON
// as jsonb does), binary strings and BIT are bytea, ENUM/SET are text.
func FromMySQL(dataType, columnType string) Type {
	dt := strings.ToLower(strings.TrimSpace(dataType))
	ct := strings.ToLower(strings.TrimSpace(columnType))
	unsigned := strings.Contains(ct, "unsigned")
	if rest, ok := strings.CutPrefix(dt, "unsigned "); ok {
		dt, unsigned = rest, true
	}
	dt = strings.TrimSuffix(dt, " unsigned")
	args, hasArgs := typeArgs(ct)
	switch dt {
	case "bool", "boolean":
		return Of(Bool)
	case "tinyint":
		if ct != "" && hasArgs && len(args) == 1 && args[0] == 1 && !unsigned {
			return Of(Bool)
		}
		return Of(Int2)
	case "smallint":
		if unsigned {
			return Of(Int4)
		}
		return Of(Int2)
	case "year":
		return Of(Int2)
	case "mediumint":
		return Of(Int4)
	case "int", "integer":
		if unsigned {
			return Of(Int8)
		}
		return Of(Int4)
	case "bigint":
		if unsigned {
			return Type{OID: Numeric, Typmod: NumericTypmod(20, 0)}
		}
		return Of(Int8)
	case "decimal", "numeric", "dec", "fixed":
		if hasArgs && len(args) >= 1 {
			scale := 0
			if len(args) == 2 {
				scale = args[1]
			}
			return Type{OID: Numeric, Typmod: NumericTypmod(args[0], scale)}
		}
		if ct != "" {
			// DECIMAL without arguments is DECIMAL(10,0) in MySQL and TiDB.
			return Type{OID: Numeric, Typmod: NumericTypmod(10, 0)}
		}
		return Of(Numeric)
	case "float":
		return Of(Float4)
	case "double", "double precision", "real":
		return Of(Float8)
	case "char":
		if hasArgs && len(args) == 1 {
			return Type{OID: BPChar, Typmod: CharTypmod(args[0])}
		}
		if ct != "" {
			return Type{OID: BPChar, Typmod: CharTypmod(1)}
		}
		return Of(BPChar)
	case "varchar":
		if hasArgs && len(args) == 1 {
			return Type{OID: Varchar, Typmod: CharTypmod(args[0])}
		}
		return Of(Varchar)
	case "tinytext", "text", "mediumtext", "longtext", "enum", "set", "null", "vector":
		return Of(Text)
	case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "bit",
		"geometry", "point", "linestring", "polygon", "multipoint", "multilinestring",
		"multipolygon", "geometrycollection":
		return Of(Bytea)
	case "date":
		return Of(Date)
	case "datetime":
		return Type{OID: Timestamp, Typmod: fspTypmod(ct, args, hasArgs)}
	case "timestamp":
		return Type{OID: Timestamptz, Typmod: fspTypmod(ct, args, hasArgs)}
	case "time":
		return Type{OID: Time, Typmod: fspTypmod(ct, args, hasArgs)}
	case "json":
		return Of(JSONB)
	}
	return Of(Text)
}

// fspTypmod is the PostgreSQL precision typmod of a MySQL temporal column type: its fsp, 0 when
// the column type has none, -1 when the column type is unknown.
func fspTypmod(ct string, args []int, hasArgs bool) int32 {
	if hasArgs && len(args) == 1 {
		return int32(args[0])
	}
	if ct != "" {
		return 0
	}
	return -1
}

// typeArgs reads the numeric arguments of a COLUMN_TYPE: "decimal(10,2) unsigned" → [10 2].
// ok is false when there is no parenthesised list or it is not all numbers (enum('a')).
func typeArgs(ct string) (args []int, ok bool) {
	open := strings.IndexByte(ct, '(')
	if open < 0 {
		return nil, false
	}
	end := strings.IndexByte(ct[open:], ')')
	if end < 0 {
		return nil, false
	}
	for _, f := range strings.Split(ct[open+1:open+end], ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 {
			return nil, false
		}
		args = append(args, n)
	}
	return args, true
}

// dateTime is a calendar date and wall-clock time as TiDB prints DATE and DATETIME values.
// year is astronomical (year 0 is 1 BC), as TiDB and Go count.
type dateTime struct {
	year, month, day  int
	hour, minute, sec int
	usec              int // microseconds, 0..999999
}

// readDigits reads exactly n ASCII digits at b[i:].
func readDigits(b []byte, i, n int) (int, bool) {
	if i+n > len(b) {
		return 0, false
	}
	v := 0
	for _, c := range b[i : i+n] {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// readFraction reads ".ffffff" (1 to 9 digits, rounded down to microseconds: TiDB never sends
// more than 6) at b[i:] and returns the microseconds and the index after it.
func readFraction(b []byte, i int) (usec int, next int, ok bool) {
	if i == len(b) {
		return 0, i, true
	}
	if b[i] != '.' {
		return 0, i, false
	}
	i++
	n := 0
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		if n < 6 {
			usec = usec*10 + int(b[i]-'0')
		}
		n++
	}
	if n == 0 {
		return 0, i, false
	}
	for ; n < 6; n++ {
		usec *= 10
	}
	return usec, i, true
}

// parseTiDBDate reads TiDB's DATE text "YYYY-MM-DD".
func parseTiDBDate(b []byte) (dateTime, bool) {
	var d dateTime
	var ok1, ok2, ok3 bool
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return d, false
	}
	d.year, ok1 = readDigits(b, 0, 4)
	d.month, ok2 = readDigits(b, 5, 2)
	d.day, ok3 = readDigits(b, 8, 2)
	return d, ok1 && ok2 && ok3
}

// parseTiDBDateTime reads TiDB's DATETIME/TIMESTAMP text "YYYY-MM-DD HH:MM:SS[.ffffff]"; a bare
// date is accepted as midnight.
func parseTiDBDateTime(b []byte) (dateTime, bool) {
	if len(b) == 10 {
		return parseTiDBDate(b)
	}
	if len(b) < 19 || b[10] != ' ' || b[13] != ':' || b[16] != ':' {
		return dateTime{}, false
	}
	d, ok := parseTiDBDate(b[:10])
	if !ok {
		return d, false
	}
	var ok1, ok2, ok3 bool
	d.hour, ok1 = readDigits(b, 11, 2)
	d.minute, ok2 = readDigits(b, 14, 2)
	d.sec, ok3 = readDigits(b, 17, 2)
	usec, next, ok4 := readFraction(b, 19)
	d.usec = usec
	return d, ok1 && ok2 && ok3 && ok4 && next == len(b)
}

// parseTiDBTime reads TiDB's TIME text "[-]HH:MM:SS[.ffffff]" (hours may have three digits) as
// signed microseconds.
func parseTiDBTime(b []byte) (int64, bool) {
	neg := false
	if len(b) > 0 && b[0] == '-' {
		neg, b = true, b[1:]
	}
	colon := 0
	for colon < len(b) && b[colon] >= '0' && b[colon] <= '9' {
		colon++
	}
	if colon == 0 || colon > 3 || len(b) < colon+6 || b[colon] != ':' || b[colon+3] != ':' {
		return 0, false
	}
	h, _ := readDigits(b, 0, colon)
	m, ok1 := readDigits(b, colon+1, 2)
	s, ok2 := readDigits(b, colon+4, 2)
	usec, next, ok3 := readFraction(b, colon+6)
	if !ok1 || !ok2 || !ok3 || next != len(b) || m > 59 || s > 59 {
		return 0, false
	}
	v := ((int64(h)*60+int64(m))*60+int64(s))*1_000_000 + int64(usec)
	if neg {
		v = -v
	}
	return v, true
}

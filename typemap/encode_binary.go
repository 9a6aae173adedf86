package typemap

import (
	"encoding/binary"
	"math"

	"github.com/jackc/pgerrcode"

	"github.com/pgtidb/pgtidb/pgerror"
)

// SupportsBinary reports whether EncodeBinary and DecodeParam handle the binary format of the
// type with OID oid. The proxy answers a Bind that asks binary for any other type with 0A000.
func SupportsBinary(oid OID) bool {
	switch oid {
	case Bool, Int2, Int4, Int8, Oid, Float4, Float8, Numeric, Text, Varchar, BPChar, Name,
		Char, Unknown, Bytea, Date, Time, Timestamp, Timestamptz, JSON, JSONB, UUID:
		return true
	}
	return arrayBinary(oid)
}

// EncodeBinary appends PostgreSQL's binary (send) format of a value of PostgreSQL type t,
// given the MySQL text form v that TiDB sent (never nil). The bytes are what PostgreSQL 15's
// send function produces: big-endian integers, IEEE floats, numeric as base-10000 digits,
// date as days and time/timestamp/timestamptz as microseconds (the epoch of dates and
// timestamps is 2000-01-01; timestamptz is the UTC instant), jsonb with its version byte 1,
// uuid as 16 bytes. Text-like types are their bytes. Values are read from TiDB's text as
// EncodeText reads them, with the same errors; a type SupportsBinary rejects is 0A000.
func EncodeBinary(dst []byte, t Type, v []byte, s *Settings) ([]byte, error) {
	switch t.OID {
	case Bool:
		b, err := tidbBool(t, v)
		if err != nil {
			return dst, err
		}
		if b {
			return append(dst, 1), nil
		}
		return append(dst, 0), nil
	case Int2, Int4, Int8, Oid:
		n, err := tidbInt(t, v)
		if err != nil {
			return dst, err
		}
		switch t.OID {
		case Int2:
			return binary.BigEndian.AppendUint16(dst, uint16(n)), nil
		case Int4, Oid:
			return binary.BigEndian.AppendUint32(dst, uint32(n)), nil
		}
		return binary.BigEndian.AppendUint64(dst, uint64(n)), nil
	case Float4:
		f, err := tidbFloat(t, v)
		if err != nil {
			return dst, err
		}
		return binary.BigEndian.AppendUint32(dst, math.Float32bits(float32(f))), nil
	case Float8:
		f, err := tidbFloat(t, v)
		if err != nil {
			return dst, err
		}
		return binary.BigEndian.AppendUint64(dst, math.Float64bits(f)), nil
	case Numeric:
		d, err := tidbNumeric(t, v)
		if err != nil {
			return dst, err
		}
		return appendNumericBinary(dst, d), nil
	case Text, Varchar, Name, Char, Unknown, Bytea, JSON:
		return append(dst, v...), nil
	case BPChar:
		return appendPadded(dst, v, t.Typmod), nil
	case Date:
		d, err := tidbDate(t, v)
		if err != nil {
			return dst, err
		}
		return binary.BigEndian.AppendUint32(dst, uint32(int32(daysFromCivil(d.year, d.month, d.day)-pgEpochDays))), nil
	case Time:
		us, err := tidbTimeOfDay(t, v)
		if err != nil {
			return dst, err
		}
		return binary.BigEndian.AppendUint64(dst, uint64(us)), nil
	case Timestamp, Timestamptz:
		// timestamptz: TiDB holds the UTC wall clock, so both are the same count.
		d, err := tidbDateTime(t, v)
		if err != nil {
			return dst, err
		}
		return binary.BigEndian.AppendUint64(dst, uint64(pgMicros(d))), nil
	case JSONB:
		out, err := appendCanonicalJSON(append(dst, 1), t, v)
		if err != nil {
			return dst, err
		}
		return out, nil
	case UUID:
		u, err := tidbUUID(t, v)
		if err != nil {
			return dst, err
		}
		return append(dst, u[:]...), nil
	case Void:
		// void_send sends nothing.
		return dst, nil
	}
	if arrayBinary(t.OID) {
		return appendArrayBinary(dst, t, v)
	}
	return dst, pgerror.Newf(pgerrcode.FeatureNotSupported, "binary format for type %s is not supported by pgtidb", t)
}

// Numeric sign words of PostgreSQL's numeric_send.
const (
	numericPos  = 0x0000
	numericNeg  = 0x4000
	numericNaN  = 0xC000
	numericPInf = 0xD000
	numericNInf = 0xF000
)

// appendNumericBinary appends numeric_send's format: int16 ndigits, int16 weight, uint16
// sign, int16 dscale, then ndigits base-10000 digits, most significant first; weight is the
// power of 10000 of the first digit; leading and trailing zero digits are not sent.
func appendNumericBinary(dst []byte, d decimal) []byte {
	intPad := (4 - len(d.ints)%4) % 4
	fracPad := (4 - len(d.frac)%4) % 4
	all := make([]byte, 0, intPad+len(d.ints)+len(d.frac)+fracPad)
	for range intPad {
		all = append(all, '0')
	}
	all = append(all, d.ints...)
	all = append(all, d.frac...)
	for range fracPad {
		all = append(all, '0')
	}
	groups := make([]uint16, 0, len(all)/4)
	for i := 0; i < len(all); i += 4 {
		g := uint16(0)
		for _, c := range all[i : i+4] {
			g = g*10 + uint16(c-'0')
		}
		groups = append(groups, g)
	}
	weight := (intPad+len(d.ints))/4 - 1
	for len(groups) > 0 && groups[0] == 0 {
		groups = groups[1:]
		weight--
	}
	for len(groups) > 0 && groups[len(groups)-1] == 0 {
		groups = groups[:len(groups)-1]
	}
	sign := uint16(numericPos)
	if len(groups) == 0 {
		weight = 0
	} else if d.neg {
		sign = numericNeg
	}
	dst = binary.BigEndian.AppendUint16(dst, uint16(len(groups)))
	dst = binary.BigEndian.AppendUint16(dst, uint16(int16(weight)))
	dst = binary.BigEndian.AppendUint16(dst, sign)
	dst = binary.BigEndian.AppendUint16(dst, uint16(len(d.frac)))
	for _, g := range groups {
		dst = binary.BigEndian.AppendUint16(dst, g)
	}
	return dst
}

// pgEpochDays is 2000-01-01, PostgreSQL's date and timestamp epoch, in days since 1970-01-01.
const pgEpochDays = 10957

// daysFromCivil counts days from 1970-01-01 to the proleptic Gregorian date y-m-d (y
// astronomical). H. Hinnant's days_from_civil.
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int64) (y, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	m = int(mp + 3)
	if m > 12 {
		m -= 12
	}
	y = int(yoe + era*400)
	if m <= 2 {
		y++
	}
	return y, m, d
}

// pgMicros is d as microseconds since 2000-01-01 00:00:00.
func pgMicros(d dateTime) int64 {
	days := daysFromCivil(d.year, d.month, d.day) - pgEpochDays
	return (days*86400+int64(d.hour*3600+d.minute*60+d.sec))*1_000_000 + int64(d.usec)
}

// fromPGMicros is the inverse of pgMicros.
func fromPGMicros(us int64) dateTime {
	days := us / usecPerDay
	rem := us % usecPerDay
	if rem < 0 {
		rem += usecPerDay
		days--
	}
	var d dateTime
	d.year, d.month, d.day = civilFromDays(days + pgEpochDays)
	secs := int(rem / 1_000_000)
	d.usec = int(rem % 1_000_000)
	d.hour, d.minute, d.sec = secs/3600, secs/60%60, secs%60
	return d
}

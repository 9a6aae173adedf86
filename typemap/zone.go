package typemap

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Time zones a session's TimeZone can name: a tz database name (Europe/Berlin), or a fixed
// offset in one of PostgreSQL's POSIX forms — the one SET TIME ZONE 5, SET TIME ZONE '+03' and
// SET TIME ZONE INTERVAL '+05:30' HOUR TO MINUTE store ("<+05:30>-05:30": the abbreviation in
// angle brackets, then the offset west of Greenwich), or an alphabetic abbreviation and that
// offset ("UTC+3", which is three hours west, -03). POSIX rules with daylight saving time
// ("EST5EDT" is a tz database name and loads as one; others) are not read.

// ErrZoneOffsetRange is LoadZone's error for a fixed zone further from Greenwich than ±14:00,
// the offsets TiDB's CONVERT_TZ reads (PostgreSQL allows more).
var ErrZoneOffsetRange = errors.New("time zone offset beyond ±14:00")

// CheckZoneOffset returns ErrZoneOffsetRange for an offset (seconds east) beyond ±14:00.
func CheckZoneOffset(east int) error {
	if east > 14*3600 || east < -14*3600 {
		return ErrZoneOffsetRange
	}
	return nil
}

// LoadZone returns the *time.Location of a TimeZone value.
func LoadZone(name string) (*time.Location, error) {
	if off, abbr, ok := posixOffset(name); ok {
		if err := CheckZoneOffset(off); err != nil {
			return nil, err
		}
		return time.FixedZone(abbr, off), nil
	}
	return time.LoadLocation(name)
}

// TiDBZone is a TimeZone value as TiDB's CONVERT_TZ reads it: the tz database name, or a fixed
// offset as "+05:30".
func TiDBZone(name string) string {
	off, _, ok := posixOffset(name)
	if !ok {
		return name
	}
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%c%02d:%02d", sign, off/3600, off/60%60)
}

// FixedZoneName is PostgreSQL's TimeZone value for a fixed offset of east seconds east of
// Greenwich, as SET TIME ZONE <number> and SET TIME ZONE INTERVAL store it: "<+05:30>-05:30".
func FixedZoneName(east int) string {
	posix := offsetText(-east, true)
	if east >= 0 {
		posix = "-" + offsetText(east, false) // PostgreSQL prints zero west as "-00"
	}
	return "<" + offsetText(east, true) + ">" + posix
}

// offsetText prints an offset as ±HH[:MM[:SS]] (always signed) or, with signed false, without
// a '+' (POSIX leaves it out).
func offsetText(sec int, signed bool) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	if !signed && sign == "+" {
		sign = ""
	}
	s := fmt.Sprintf("%s%02d", sign, sec/3600)
	if sec%3600 != 0 {
		s += fmt.Sprintf(":%02d", sec/60%60)
		if sec%60 != 0 {
			s += fmt.Sprintf(":%02d", sec%60)
		}
	}
	return s
}

// posixOffset reads "<abbr>offset" or "ABBR offset" (letters only) with a POSIX offset and no
// daylight-saving part; off is seconds east of Greenwich.
func posixOffset(name string) (off int, abbr string, ok bool) {
	rest := name
	switch {
	case strings.HasPrefix(name, "<"):
		end := strings.IndexByte(name, '>')
		if end < 2 {
			return 0, "", false
		}
		abbr, rest = name[1:end], name[end+1:]
	default:
		i := 0
		for i < len(name) && (name[i] >= 'A' && name[i] <= 'Z' || name[i] >= 'a' && name[i] <= 'z') {
			i++
		}
		if i > 0 && i < 3 {
			return 0, "", false
		}
		abbr, rest = name[:i], name[i:]
	}
	west, ok := ParseOffset(rest)
	if !ok {
		return 0, "", false
	}
	return -west, abbr, true
}

// ParseOffset reads [+|-]hh[:mm[:ss]] as seconds (hours up to 24 as POSIX allows).
func ParseOffset(s string) (int, bool) {
	sign := 1
	if s != "" && (s[0] == '+' || s[0] == '-') {
		if s[0] == '-' {
			sign = -1
		}
		s = s[1:]
	}
	parts := strings.Split(s, ":")
	if len(parts) > 3 || s == "" {
		return 0, false
	}
	total := 0
	for i, p := range parts {
		if p == "" || len(p) > 2 {
			return 0, false
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || i == 0 && n > 24 || i > 0 && n > 59 {
			return 0, false
		}
		total = total*60 + n
	}
	for i := len(parts); i < 3; i++ {
		total *= 60
	}
	return sign * total, true
}

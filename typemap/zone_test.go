package typemap

import (
	"testing"
	"time"
)

func TestFixedZones(t *testing.T) {
	for _, c := range []struct {
		name   string
		offset int // seconds east; -1 for a name that is not a fixed zone
		tidb   string
	}{
		{"<+05:30>-05:30", 19800, "+05:30"},
		{"<-08>+08", -28800, "-08:00"},
		{"<+00>-00", 0, "+00:00"},
		{"UTC+3", -10800, "-03:00"},
		{"+14:30", -52200, ""}, // beyond ±14:00: refused
		{"<+15>-15", 54000, ""},
		{"Europe/Berlin", -1, "Europe/Berlin"},
	} {
		loc, err := LoadZone(c.name)
		switch {
		case c.tidb == "":
			if err == nil {
				t.Errorf("LoadZone(%q) = %v, want an error", c.name, loc)
			}
			continue
		case err != nil:
			t.Errorf("LoadZone(%q): %v", c.name, err)
			continue
		}
		if c.offset != -1 {
			if _, off := timeIn(loc); off != c.offset {
				t.Errorf("LoadZone(%q) offset %d, want %d", c.name, off, c.offset)
			}
		}
		if got := TiDBZone(c.name); got != c.tidb {
			t.Errorf("TiDBZone(%q) = %q, want %q", c.name, got, c.tidb)
		}
	}
	for east, want := range map[int]string{0: "<+00>-00", 19800: "<+05:30>-05:30", -28800: "<-08>+08", 300: "<+00:05>-00:05"} {
		if got := FixedZoneName(east); got != want {
			t.Errorf("FixedZoneName(%d) = %q, want %q", east, got, want)
		}
	}
}

func timeIn(loc *time.Location) (string, int) {
	return time.Date(2024, 7, 1, 12, 0, 0, 0, loc).Zone()
}

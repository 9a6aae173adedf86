package catalog

import (
	"strings"
	"testing"
)

// TiDB shows a default NEXTVAL(s) as nextval(`db`.`s`), backquotes in names doubled.
func TestNextvalDefault(t *testing.T) {
	for _, c := range []struct {
		def  string
		want SequenceName
		ok   bool
	}{
		{"nextval(`app`.`t_id_seq`)", SequenceName{DB: "app", Name: "t_id_seq"}, true},
		{"nextval(`a``b`.`s``q`)", SequenceName{DB: "a`b", Name: "s`q"}, true},
		{"nextval(`db__x`.`a.b`)", SequenceName{DB: "db__x", Name: "a.b"}, true},
		{"nextval(`app`.`s`) + 1", SequenceName{}, false},
		{"nextval(`app`)", SequenceName{}, false},
		{"5", SequenceName{}, false},
		{"CURRENT_TIMESTAMP", SequenceName{}, false},
		{"nextval(`unterminated", SequenceName{}, false},
	} {
		got, ok := NextvalDefault(c.def)
		if got != c.want || ok != c.ok {
			t.Errorf("NextvalDefault(%q) = %+v, %v; want %+v, %v", c.def, got, ok, c.want, c.ok)
		}
	}
}

// TestStateKindList checks that the SQL list of run-time state kinds is stateKinds.
func TestStateKindList(t *testing.T) {
	var quoted []string
	for _, k := range stateKinds {
		quoted = append(quoted, "'"+string(k)+"'")
	}
	if want := "(" + strings.Join(quoted, ", ") + ")"; stateKindList != want {
		t.Errorf("stateKindList = %s, want %s", stateKindList, want)
	}
}

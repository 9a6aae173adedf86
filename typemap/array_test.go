package typemap_test

import (
	"testing"

	"github.com/pgtidb/pgtidb/typemap"
)

// The expected texts are PostgreSQL 15's array_out / int2vectorout output for the same values.
func TestArrayText(t *testing.T) {
	for _, c := range []struct {
		oid  typemap.OID
		in   string
		want string
	}{
		{typemap.Int4Array, `[1, 2, 3]`, `{1,2,3}`},
		{typemap.Int4Array, `[]`, `{}`},
		{typemap.Int4Array, `[1, null]`, `{1,NULL}`},
		{typemap.TextArray, `["a", "b c", null, "", "NULL", "x\"y", "a\\b", "{}", "a,b"]`,
			`{a,"b c",NULL,"","NULL","x\"y","a\\b","{}","a,b"}`},
		{typemap.BoolArray, `[true, false, "t", "f"]`, `{t,f,t,f}`},
		{typemap.NumericArray, `["1.50", "2"]`, `{1.50,2}`},
		{typemap.NameArray, `["pg_catalog", "public"]`, `{pg_catalog,public}`},
		{typemap.Int4Array, `[[1, 2], [3, 4]]`, `{{1,2},{3,4}}`},
		{typemap.Int2Vector, `[1, 3]`, `1 3`},
		{typemap.OIDVector, `[]`, ``},
	} {
		got, err := typemap.EncodeText(nil, typemap.Of(c.oid), []byte(c.in), nil)
		if err != nil || string(got) != c.want {
			t.Errorf("EncodeText(%d, %s) = %q, %v; want %q", c.oid, c.in, got, err, c.want)
		}
	}
	if _, err := typemap.EncodeText(nil, typemap.Of(typemap.Int4Array), []byte(`{"a": 1}`), nil); err == nil {
		t.Error("a JSON object is not an array value")
	}
	if typemap.Of(typemap.Int4Array).String() != "integer[]" || typemap.ArrayOf(typemap.Text) != typemap.TextArray {
		t.Error("array type names")
	}
	if e, ok := typemap.ArrayElem(typemap.NameArray); !ok || e != typemap.Name {
		t.Error("ArrayElem(name[])")
	}
}

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

// Binary arrays are array_send's format; array parameters become pgtidb's JSON representation.
func TestArrayWire(t *testing.T) {
	got, err := typemap.EncodeBinary(nil, typemap.Of(typemap.Int4Array), []byte(`[1, null]`), nil)
	want := []byte{0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 23, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0, 1, 0xff, 0xff, 0xff, 0xff}
	if err != nil || string(got) != string(want) {
		t.Errorf("EncodeBinary(int4[]) = %v, %v", got, err)
	}
	if !typemap.SupportsBinary(typemap.TextArray) || typemap.SupportsBinary(typemap.Float8Array) {
		t.Error("SupportsBinary of arrays")
	}
	for _, c := range []struct {
		oid    typemap.OID
		format int16
		in     []byte
		want   string
	}{
		{typemap.Int4Array, 0, []byte(`{1,2,NULL}`), `[1,2,null]`},
		{typemap.TextArray, 0, []byte(`{a,"b c",""}`), `["a","b c",""]`},
		{typemap.BoolArray, 0, []byte(`{t,false}`), `["t","f"]`},
		{typemap.Int4Array, 1, want, `[1,null]`},
		{typemap.Int8Array, 1, []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20}, `[]`},
	} {
		v, err := typemap.DecodeParam(typemap.Of(c.oid), c.format, c.in, nil)
		if err != nil || v != c.want {
			t.Errorf("DecodeParam(%d, %d, %q) = %v, %v; want %s", c.oid, c.format, c.in, v, err, c.want)
		}
	}
	if _, err := typemap.DecodeParam(typemap.Of(typemap.Int4Array), 0, []byte(`{1,x}`), nil); err == nil {
		t.Error("{1,x} is not an int4[]")
	}
}

package typemap

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Object-identifier types and array types.
//
// reg* types (regclass, regtype, regproc, regnamespace) are oids whose output function prints
// the object's name. pgtidb carries them through TiDB as integers (the oid); the translator
// turns a result column of a reg* type into its name before it leaves TiDB, so their text here
// is already the name and passes through unchanged. They have no binary format in pgtidb.
//
// Arrays are not a TiDB type. pgtidb carries an array value through TiDB as a JSON array whose
// elements are the PostgreSQL elements: JSON numbers for integer and oid elements, JSON strings
// holding the element's PostgreSQL text output for every other element type (text, name,
// numeric, date…), JSON true/false or numbers 1/0 for bool, JSON null for NULL, and nested JSON
// arrays for the inner dimensions of a multi-dimensional array. The element type is not in the
// value: it is the array type's (ArrayElem). EncodeText prints such a JSON text as
// PostgreSQL's array_out does ({1,2,NULL}, {a,"b c"}); int2vector and oidvector, which are
// one-dimensional arrays printed with spaces (pg_index.indkey, pg_proc.proargtypes), are the
// same JSON arrays printed as PostgreSQL prints them ("1 2"). Catalog emulations that produce
// array columns (indkey, conkey, proargtypes, reloptions, relacl…) produce such JSON arrays, or
// NULL.
const (
	RegProc      OID = 24
	RegClass     OID = 2205
	RegNamespace OID = 4089
	Int2Vector   OID = 22
	OIDVector    OID = 30

	BoolArray         OID = 1000
	ByteaArray        OID = 1001
	CharArray         OID = 1002
	NameArray         OID = 1003
	Int2Array         OID = 1005
	Int4Array         OID = 1007
	TextArray         OID = 1009
	BPCharArray       OID = 1014
	VarcharArray      OID = 1015
	Int8Array         OID = 1016
	Float4Array       OID = 1021
	Float8Array       OID = 1022
	OIDArray          OID = 1028
	DateArray         OID = 1182
	NumericArray      OID = 1231
	RegTypeArray      OID = 2211
	JSONBArray        OID = 3807
	UUIDArray         OID = 2951
	TimestampArray    OID = 1115
	TimestamptzArray  OID = 1185
	TimeArray         OID = 1183
	JSONArray         OID = 199
	RegClassArray     OID = 2210
	RegProcArray      OID = 1008
	RegNamespaceArray OID = 4090
	Int2VectorArray   OID = 1006
	OIDVectorArray    OID = 1013
	// AclItem is an access privilege (grantee=privileges/grantor); the catalogs' *acl columns
	// are aclitem[], carried as JSON arrays of their text forms.
	AclItem      OID = 1033
	AclItemArray OID = 1034
)

// arrayElems maps each array type pgtidb knows to its element type (pg_type.typelem).
var arrayElems = map[OID]OID{}

func init() {
	for _, in := range []Info{
		{RegProc, "regproc", "regproc", 4, 'N', RegProcArray},
		{RegClass, "regclass", "regclass", 4, 'N', RegClassArray},
		{RegNamespace, "regnamespace", "regnamespace", 4, 'N', RegNamespaceArray},
		{Int2Vector, "int2vector", "int2vector", -1, 'A', Int2VectorArray},
		{OIDVector, "oidvector", "oidvector", -1, 'A', OIDVectorArray},
		{AclItem, "aclitem", "aclitem", 12, 'U', AclItemArray},
	} {
		in := in
		byOID[in.OID] = &in
	}
	elems := map[OID]OID{Int2Vector: Int2, OIDVector: Oid}
	for _, in := range infos {
		if in.Array != 0 {
			elems[in.Array] = in.OID
		}
	}
	for _, oid := range []OID{RegProc, RegClass, RegNamespace, Int2Vector, OIDVector, AclItem} {
		elems[byOID[oid].Array] = oid
	}
	for arr, elem := range elems {
		arrayElems[arr] = elem
		if arr == Int2Vector || arr == OIDVector {
			continue
		}
		e := byOID[elem]
		in := Info{OID: arr, Name: "_" + e.Name, SQLName: e.SQLName + "[]", Len: -1, Category: 'A'}
		byOID[arr] = &in
	}
}

// ArrayElem returns the element type of an array type (int2vector and oidvector included).
func ArrayElem(oid OID) (OID, bool) {
	e, ok := arrayElems[oid]
	return e, ok
}

// ArrayOf returns the array type over element type elem, or 0 when pgtidb knows none.
func ArrayOf(elem OID) OID {
	if in := byOID[elem]; in != nil {
		if _, ok := arrayElems[in.Array]; ok {
			return in.Array
		}
	}
	return 0
}

// IsRegType reports whether oid is one of the reg* object-identifier types.
func IsRegType(oid OID) bool {
	switch oid {
	case RegClass, RegType, RegProc, RegNamespace:
		return true
	}
	return false
}

// appendArrayText prints a JSON array (pgtidb's representation of an array value) as
// PostgreSQL's array_out, or int2vector/oidvector's output, does.
func appendArrayText(dst []byte, t Type, v []byte) ([]byte, error) {
	arr, err := jsonArray(t, v)
	if err != nil {
		return dst, err
	}
	if t.OID == Int2Vector || t.OID == OIDVector {
		for i, e := range arr {
			if i > 0 {
				dst = append(dst, ' ')
			}
			s, _, ok := arrayElemText(e)
			if !ok {
				return dst, badValue(t, v)
			}
			dst = append(dst, s...)
		}
		return dst, nil
	}
	out, ok := appendArrayLevel(dst, arr)
	if !ok {
		return dst, badValue(t, v)
	}
	return out, nil
}

// jsonArray reads the JSON array TiDB sent for a value of array type t; numbers stay exact.
func jsonArray(t Type, v []byte) ([]any, error) {
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.UseNumber()
	var val any
	if err := dec.Decode(&val); err != nil {
		return nil, badValue(t, v)
	}
	arr, ok := val.([]any)
	if !ok {
		return nil, badValue(t, v)
	}
	return arr, nil
}

func appendArrayLevel(dst []byte, arr []any) ([]byte, bool) {
	dst = append(dst, '{')
	for i, e := range arr {
		if i > 0 {
			dst = append(dst, ',')
		}
		if inner, ok := e.([]any); ok {
			var good bool
			if dst, good = appendArrayLevel(dst, inner); !good {
				return dst, false
			}
			continue
		}
		s, null, ok := arrayElemText(e)
		if !ok {
			return dst, false
		}
		if null {
			dst = append(dst, "NULL"...)
			continue
		}
		dst = appendArrayElem(dst, s)
	}
	return append(dst, '}'), true
}

// arrayElemText is one JSON element's PostgreSQL text.
func arrayElemText(e any) (text string, null, ok bool) {
	switch x := e.(type) {
	case nil:
		return "", true, true
	case string:
		return x, false, true
	case json.Number:
		return x.String(), false, true
	case bool:
		if x {
			return "t", false, true
		}
		return "f", false, true
	}
	return "", false, false
}

// appendArrayElem quotes an element as array_out does: double quotes around empty strings,
// NULL (any case) and text with braces, quotes, backslashes, commas or white space; quotes and
// backslashes escaped with a backslash.
func appendArrayElem(dst []byte, s string) []byte {
	quote := s == "" || strings.EqualFold(s, "NULL")
	for i := 0; i < len(s) && !quote; i++ {
		switch s[i] {
		case '{', '}', ',', '"', '\\', ' ', '\t', '\n', '\r', '\v', '\f':
			quote = true
		}
	}
	if !quote {
		return append(dst, s...)
	}
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			dst = append(dst, '\\')
		}
		dst = append(dst, s[i])
	}
	return append(dst, '"')
}

// Scalars returns every non-array type pgtidb knows, in a fixed order (pg_type's OIDs for
// the base types first, then the object-identifier types).
func Scalars() []Info {
	out := append([]Info(nil), infos...)
	for _, oid := range []OID{RegProc, RegClass, RegNamespace, Int2Vector, OIDVector, AclItem} {
		out = append(out, *byOID[oid])
	}
	return out
}

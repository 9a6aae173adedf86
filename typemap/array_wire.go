package typemap

import (
	"encoding/binary"
	"encoding/json"
	"strings"

	"github.com/jackc/pgerrcode"

	"github.com/pgtidb/pgtidb/pgerror"
)

// Arrays on the wire: array_send / array_recv's binary format and array_in's text format for
// parameters. pgtidb's arrays are one-dimensional (typemap/array.go); the value TiDB sends is a
// JSON array, and a parameter becomes the JSON text TiDB reads with CAST(? AS JSON).

// arrayWireElem reports whether arrays of element type elem have a binary format and a
// parameter form here: the element types the translator builds arrays of.
func arrayWireElem(elem OID) bool {
	switch elem {
	case Bool, Int2, Int4, Int8, Oid, Text, Varchar, Name, Numeric, Date, RegClass, RegType, RegNamespace, RegProc:
		return true
	}
	return false
}

// arrayBinary reports whether oid is an array type with a binary format in pgtidb.
func arrayBinary(oid OID) bool {
	elem, ok := arrayElems[oid]
	return ok && oid != Int2Vector && oid != OIDVector && arrayWireElem(elem)
}

// appendArrayBinary appends array_send's format of a one-dimensional array: int32 ndim (0 for
// an empty array), int32 has-nulls flag, element type oid, then for the dimension its length and
// lower bound 1, then each element as int32 length (-1 for NULL) and its send format.
func appendArrayBinary(dst []byte, t Type, v []byte) ([]byte, error) {
	elem := arrayElems[t.OID]
	arr, err := jsonArray(t, v)
	if err != nil {
		return dst, err
	}
	hasNull := int32(0)
	for _, e := range arr {
		if _, nested := e.([]any); nested {
			return dst, pgerror.Newf(pgerrcode.FeatureNotSupported, "binary format of multidimensional arrays is not supported by pgtidb")
		}
		if e == nil {
			hasNull = 1
		}
	}
	ndim := int32(1)
	if len(arr) == 0 {
		ndim = 0
	}
	dst = binary.BigEndian.AppendUint32(dst, uint32(ndim))
	dst = binary.BigEndian.AppendUint32(dst, uint32(hasNull))
	dst = binary.BigEndian.AppendUint32(dst, elem)
	if ndim == 0 {
		return dst, nil
	}
	dst = binary.BigEndian.AppendUint32(dst, uint32(len(arr)))
	dst = binary.BigEndian.AppendUint32(dst, 1)
	for _, e := range arr {
		text, null, ok := arrayElemText(e)
		if !ok {
			return dst, badValue(t, v)
		}
		if null {
			dst = binary.BigEndian.AppendUint32(dst, 0xffffffff)
			continue
		}
		at := len(dst)
		dst = append(dst, 0, 0, 0, 0)
		var err error
		if dst, err = EncodeBinary(dst, Of(elem), []byte(text), nil); err != nil {
			return dst[:at], err
		}
		binary.BigEndian.PutUint32(dst[at:], uint32(len(dst)-at-4))
	}
	return dst, nil
}

// decodeArrayParam reads an array parameter (text: array_in's literal; binary: array_send's
// format) and returns the JSON text of pgtidb's representation, each element validated by its
// type's own input or receive function.
func decodeArrayParam(t Type, format int16, v []byte, s *Settings) (any, error) {
	elem := arrayElems[t.OID]
	if !arrayWireElem(elem) || t.OID == Int2Vector || t.OID == OIDVector {
		return nil, pgerror.Newf(pgerrcode.FeatureNotSupported, "parameters of type %s are not supported by pgtidb", t)
	}
	var values []any
	if format == 0 {
		items, nulls, err := ParseArrayText(string(v), t.String())
		if err != nil {
			return nil, err
		}
		for i, item := range items {
			if nulls[i] {
				values = append(values, nil)
				continue
			}
			x, err := decodeText(Of(elem), []byte(item), s)
			if err != nil {
				return nil, err
			}
			values = append(values, x)
		}
	} else {
		var err error
		if values, err = decodeArrayBinary(elem, v, s); err != nil {
			return nil, err
		}
	}
	out := make([]any, len(values))
	for i, x := range values {
		switch y := x.(type) {
		case nil:
		case int64:
			if elem == Bool {
				out[i] = map[int64]string{1: "t", 0: "f"}[y]
			} else {
				out[i] = y
			}
		case string:
			out[i] = y
		default:
			return nil, pgerror.Newf(pgerrcode.FeatureNotSupported, "parameters of type %s are not supported by pgtidb", t)
		}
	}
	b, err := json.Marshal(out)
	if err != nil {
		return nil, pgerror.Newf(pgerrcode.InternalError, "cannot encode array parameter: %v", err)
	}
	return string(b), nil
}

func decodeArrayBinary(elem OID, v []byte, s *Settings) ([]any, error) {
	bad := pgerror.New(pgerrcode.InvalidBinaryRepresentation, "insufficient data left in message")
	u32 := func() (uint32, bool) {
		if len(v) < 4 {
			return 0, false
		}
		x := binary.BigEndian.Uint32(v)
		v = v[4:]
		return x, true
	}
	ndim, ok1 := u32()
	_, ok2 := u32()
	elemType, ok3 := u32()
	if !ok1 || !ok2 || !ok3 {
		return nil, bad
	}
	if ndim == 0 {
		return []any{}, nil
	}
	if ndim != 1 {
		return nil, pgerror.Unsupported("multidimensional array parameters")
	}
	if OID(elemType) != elem {
		return nil, pgerror.Newf(pgerrcode.DatatypeMismatch, "binary data has array element type %d instead of expected %d", elemType, elem)
	}
	n, ok1 := u32()
	_, ok2 = u32()
	if !ok1 || !ok2 || n > 1<<20 {
		return nil, bad
	}
	values := make([]any, 0, n)
	for range n {
		l, ok := u32()
		if !ok {
			return nil, bad
		}
		if l == 0xffffffff {
			values = append(values, nil)
			continue
		}
		if uint32(len(v)) < l {
			return nil, bad
		}
		x, err := decodeBinary(Of(elem), v[:l], s)
		if err != nil {
			return nil, err
		}
		values = append(values, x)
		v = v[l:]
	}
	if len(v) != 0 {
		return nil, pgerror.New(pgerrcode.InvalidBinaryRepresentation, "incorrect binary data format in array")
	}
	return values, nil
}

// ParseArrayText splits a one-dimensional array literal ('{1,"b c",NULL}') into its items as
// array_in reads them; nulls marks the unquoted NULL items. typeName names the type in errors.
func ParseArrayText(s, typeName string) (items []string, nulls []bool, err error) {
	bad := func(detail string) error {
		return pgerror.Newf(pgerrcode.InvalidTextRepresentation, "malformed array literal: %q", s).WithDetail(detail)
	}
	in := strings.TrimSpace(s)
	if strings.HasPrefix(in, "[") || strings.HasPrefix(in, "{{") {
		return nil, nil, pgerror.Unsupported("array literals with dimensions or more than one dimension")
	}
	if !strings.HasPrefix(in, "{") {
		return nil, nil, bad(`Array value must start with "{" or dimension information.`)
	}
	body := in[1:]
	if strings.TrimSpace(body) == "}" {
		return nil, nil, nil
	}
	i := 0
	for {
		for i < len(body) && isSpace(body[i]) {
			i++
		}
		var b strings.Builder
		quoted, sawAny := false, false
		for i < len(body) {
			c := body[i]
			if c == '"' {
				quoted, sawAny = true, true
				i++
				for i < len(body) && body[i] != '"' {
					if body[i] == '\\' && i+1 < len(body) {
						i++
					}
					b.WriteByte(body[i])
					i++
				}
				if i >= len(body) {
					return nil, nil, bad("Unexpected end of input.")
				}
				i++
				continue
			}
			if c == ',' || c == '}' {
				break
			}
			if quoted && isSpace(c) {
				// White space around a quoted element is not part of it.
				i++
				continue
			}
			if c == '{' {
				return nil, nil, bad(`Unexpected "{" character.`)
			}
			if c == '\\' && i+1 < len(body) {
				i++
				c = body[i]
			}
			b.WriteByte(c)
			sawAny = true
			i++
		}
		if i >= len(body) {
			return nil, nil, bad("Unexpected end of input.")
		}
		item := b.String()
		if !quoted {
			item = strings.TrimRight(item, " \t\n\r\v\f")
		}
		if !sawAny || (!quoted && item == "") {
			return nil, nil, bad(`Unexpected "` + string(body[i]) + `" character.`)
		}
		items = append(items, item)
		nulls = append(nulls, !quoted && strings.EqualFold(item, "NULL"))
		if body[i] == '}' {
			if strings.TrimSpace(body[i+1:]) != "" {
				return nil, nil, bad("Junk after closing right brace.")
			}
			return items, nulls, nil
		}
		i++ // the comma
	}
}

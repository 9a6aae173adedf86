package translate

import (
	"strings"

	"github.com/jackc/pgerrcode"
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// PostgreSQL's limits on type modifiers (src/backend/utils/adt/{varchar,numeric,date}.c).
const (
	pgMaxCharLength        = 10 * 1024 * 1024 // MaxAttrSize: varchar/char length limit
	pgMaxNumericPrecision  = 1000
	pgMaxDatetimePrecision = 6
)

// typeNameOIDs maps the names a PostgreSQL type can be written with once the grammar has
// normalised it (int → pg_catalog.int4, decimal → pg_catalog.numeric…) to the types pgtidb
// stores. Every name here resolves in pg_catalog, which is first on every search path.
var typeNameOIDs = map[string]typemap.OID{
	"bool":        typemap.Bool,
	"int2":        typemap.Int2,
	"int4":        typemap.Int4,
	"int8":        typemap.Int8,
	"float4":      typemap.Float4,
	"float8":      typemap.Float8,
	"numeric":     typemap.Numeric,
	"text":        typemap.Text,
	"varchar":     typemap.Varchar,
	"bpchar":      typemap.BPChar,
	"bytea":       typemap.Bytea,
	"date":        typemap.Date,
	"time":        typemap.Time,
	"timestamp":   typemap.Timestamp,
	"timestamptz": typemap.Timestamptz,
	"json":        typemap.JSON,
	"jsonb":       typemap.JSONB,
	"uuid":        typemap.UUID,
}

// unsupportedTypeNames are PostgreSQL built-in types (pg_type names, as the grammar leaves
// them) that have no faithful TiDB column type yet. Naming them gets 0A000; any other unknown
// name gets PostgreSQL's 42704.
var unsupportedTypeNames = map[string]string{
	"interval": "type interval", "timetz": "type time with time zone", "money": "type money",
	"inet": "type inet", "cidr": "type cidr", "macaddr": "type macaddr", "macaddr8": "type macaddr8",
	"xml": "type xml", "point": "type point", "line": "type line", "lseg": "type lseg",
	"box": "type box", "path": "type path", "polygon": "type polygon", "circle": "type circle",
	"bit": "type bit", "varbit": "type bit varying", "tsvector": "type tsvector",
	"tsquery": "type tsquery", "char": `type "char"`, "name": "type name", "oid": "type oid",
	"regclass": "type regclass", "regtype": "type regtype", "regproc": "type regproc",
	"int4range": "range types", "int8range": "range types", "numrange": "range types",
	"tsrange": "range types", "tstzrange": "range types", "daterange": "range types",
	"int4multirange": "multirange types", "int8multirange": "multirange types",
	"nummultirange": "multirange types", "tsmultirange": "multirange types",
	"tstzmultirange": "multirange types", "datemultirange": "multirange types",
	"pg_lsn": "type pg_lsn", "txid_snapshot": "type txid_snapshot",
	"pg_snapshot": "type pg_snapshot", "xid": "type xid", "xid8": "type xid8", "cid": "type cid",
	"tid": "type tid", "jsonpath": "type jsonpath", "record": "type record",
	"anyelement": "pseudo-types", "anyarray": "pseudo-types", "void": "pseudo-types",
}

// serialTypeNames are the SERIAL pseudo-types, valid only as a column's declared type.
var serialTypeNames = map[string]bool{
	"serial": true, "serial4": true, "bigserial": true, "serial8": true,
	"smallserial": true, "serial2": true,
}

// typeName resolves a PostgreSQL TypeName (as pg_query gives it) to the type pgtidb stores:
// the pg_type OID and PostgreSQL's typmod. Types without a faithful TiDB representation are
// refused with 0A000 naming the type; names PostgreSQL does not know get 42704; modifiers
// PostgreSQL would reject get PostgreSQL's error.
func typeName(tn *pg_query.TypeName) (typemap.Type, error) {
	if tn == nil {
		return typemap.Type{}, pgerror.New(pgerrcode.InternalError, "missing type name")
	}
	name, err := typeNameString(tn)
	if err != nil {
		return typemap.Type{}, err
	}
	if tn.PctType {
		return typemap.Type{}, pgerror.Unsupported("%TYPE references")
	}
	if tn.Setof {
		return typemap.Type{}, pgerror.Unsupported("SETOF types")
	}
	if len(tn.ArrayBounds) > 0 {
		return typemap.Type{}, pgerror.Unsupported("array types").
			WithHint("TiDB has no array column type; use a jsonb column holding a JSON array.")
	}
	if serialTypeNames[name] {
		// Only a column's declared type may be SERIAL (columnTypeName).
		return typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedObject, "type %q does not exist", name)
	}
	if construct, ok := unsupportedTypeNames[name]; ok {
		return typemap.Type{}, pgerror.Unsupported(construct)
	}
	oid, ok := typeNameOIDs[name]
	if !ok {
		return typemap.Type{}, pgerror.Newf(pgerrcode.UndefinedObject, "type %q does not exist", displayTypeName(tn))
	}
	mods, err := typmodValues(tn, name)
	if err != nil {
		return typemap.Type{}, err
	}
	return applyTypmods(oid, name, mods)
}

// typeNameString returns the type's name when it is unqualified or qualified with pg_catalog;
// any other schema holds no type pgtidb knows (there is no CREATE TYPE yet), hence 42704.
func typeNameString(tn *pg_query.TypeName) (string, error) {
	var parts []string
	for _, n := range tn.Names {
		s := n.GetString_()
		if s == nil {
			return "", pgerror.New(pgerrcode.SyntaxError, "improper type name")
		}
		parts = append(parts, s.Sval)
	}
	switch len(parts) {
	case 1:
		return parts[0], nil
	case 2:
		if parts[0] == "pg_catalog" {
			return parts[1], nil
		}
	}
	if len(parts) == 0 {
		return "", pgerror.New(pgerrcode.SyntaxError, "improper type name")
	}
	return "", pgerror.Newf(pgerrcode.UndefinedObject, "type %q does not exist", displayTypeName(tn))
}

// displayTypeName is the dotted name as the statement wrote it (for error messages).
func displayTypeName(tn *pg_query.TypeName) string {
	var parts []string
	for _, n := range tn.Names {
		parts = append(parts, n.GetString_().GetSval())
	}
	return strings.Join(parts, ".")
}

// typmodValues returns the integer type modifiers of tn; PostgreSQL accepts only integer
// constants there for the built-in types pgtidb maps.
func typmodValues(tn *pg_query.TypeName, name string) ([]int64, error) {
	var mods []int64
	for _, m := range tn.Typmods {
		c := m.GetAConst()
		if c == nil || c.GetIval() == nil || c.Isnull {
			return nil, pgerror.New(pgerrcode.SyntaxError, "type modifiers must be simple constants or identifiers")
		}
		mods = append(mods, int64(c.GetIval().Ival))
	}
	return mods, nil
}

// applyTypmods validates the modifiers as PostgreSQL's typmodin functions do and encodes them
// as atttypmod.
func applyTypmods(oid typemap.OID, name string, mods []int64) (typemap.Type, error) {
	t := typemap.Of(oid)
	if len(mods) == 0 {
		return t, nil
	}
	switch oid {
	case typemap.Varchar, typemap.BPChar:
		label := "varchar"
		if oid == typemap.BPChar {
			label = "char"
		}
		if len(mods) != 1 {
			return t, pgerror.Newf(pgerrcode.InvalidParameterValue, "invalid type modifier")
		}
		n := mods[0]
		if n < 1 {
			return t, pgerror.Newf(pgerrcode.InvalidParameterValue, "length for type %s must be at least 1", label)
		}
		if n > pgMaxCharLength {
			return t, pgerror.Newf(pgerrcode.InvalidParameterValue, "length for type %s cannot exceed %d", label, pgMaxCharLength)
		}
		t.Typmod = typemap.CharTypmod(int(n))
	case typemap.Numeric:
		if len(mods) > 2 {
			return t, pgerror.New(pgerrcode.InvalidParameterValue, "invalid NUMERIC type modifier")
		}
		p, s := mods[0], int64(0)
		if len(mods) == 2 {
			s = mods[1]
		}
		if p < 1 || p > pgMaxNumericPrecision {
			return t, pgerror.Newf(pgerrcode.InvalidParameterValue, "NUMERIC precision %d must be between 1 and %d", p, pgMaxNumericPrecision)
		}
		if s < -pgMaxNumericPrecision || s > pgMaxNumericPrecision {
			return t, pgerror.Newf(pgerrcode.InvalidParameterValue, "NUMERIC scale %d must be between %d and %d", s, -pgMaxNumericPrecision, pgMaxNumericPrecision)
		}
		if s < 0 || s > p {
			// PostgreSQL 15 allows these (rounding to tens, or values below 1); DECIMAL does not.
			return t, pgerror.Unsupported("numeric with a negative scale or a scale above its precision")
		}
		t.Typmod = typemap.NumericTypmod(int(p), int(s))
	case typemap.Time, typemap.Timestamp, typemap.Timestamptz:
		label := "TIME"
		if oid != typemap.Time {
			label = "TIMESTAMP"
		}
		if len(mods) != 1 {
			return t, pgerror.Newf(pgerrcode.InvalidParameterValue, "invalid type modifier")
		}
		p := mods[0]
		if p < 0 {
			return t, pgerror.Newf(pgerrcode.InvalidParameterValue, "%s(%d) precision must not be negative", label, p)
		}
		if p > pgMaxDatetimePrecision {
			// PostgreSQL warns and reduces the precision to 6.
			p = pgMaxDatetimePrecision
		}
		t.Typmod = int32(p)
	default:
		return t, pgerror.Newf(pgerrcode.SyntaxError, "type modifier is not allowed for type %q", name)
	}
	return t, nil
}

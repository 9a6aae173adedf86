package typemap

import (
	"fmt"

	"github.com/jackc/pgx/v5/pgtype"
)

// OID is a PostgreSQL object identifier; here always the OID of a type in pg_type.
type OID = uint32

// The PostgreSQL type OIDs pgtidb knows. They are PostgreSQL 15's pg_type OIDs.
const (
	Unknown     OID = pgtype.UnknownOID
	Bool        OID = pgtype.BoolOID
	Bytea       OID = pgtype.ByteaOID
	Char        OID = pgtype.QCharOID // "char", one byte
	Name        OID = pgtype.NameOID
	Int8        OID = pgtype.Int8OID
	Int2        OID = pgtype.Int2OID
	Int4        OID = pgtype.Int4OID
	Text        OID = pgtype.TextOID
	Oid         OID = pgtype.OIDOID
	JSON        OID = pgtype.JSONOID
	Float4      OID = pgtype.Float4OID
	Float8      OID = pgtype.Float8OID
	BPChar      OID = pgtype.BPCharOID
	Varchar     OID = pgtype.VarcharOID
	Date        OID = pgtype.DateOID
	Time        OID = pgtype.TimeOID
	Timestamp   OID = pgtype.TimestampOID
	Timestamptz OID = pgtype.TimestamptzOID
	Interval    OID = pgtype.IntervalOID
	Numeric     OID = pgtype.NumericOID
	UUID        OID = pgtype.UUIDOID
	JSONB       OID = pgtype.JSONBOID
	Record      OID = pgtype.RecordOID
	RegType     OID = 2206 // pg_typeof's result; text output is the type's name
	Void        OID = 2278 // pg_sleep's result; text output is empty
)

// Type is a PostgreSQL type as a column or expression has it: the pg_type OID and the type
// modifier (atttypmod; -1 when there is none). For varchar(n) and bpchar(n) the modifier is
// n+4, for numeric(p,s) it is ((p<<16)|s)+4, for time/timestamp(p) it is p — as in PostgreSQL.
type Type struct {
	OID    OID
	Typmod int32
}

// Of returns the type with OID oid and no modifier.
func Of(oid OID) Type { return Type{OID: oid, Typmod: -1} }

// Info describes one PostgreSQL type as pg_type does.
type Info struct {
	OID OID
	// Name is pg_type.typname (int4, varchar, timestamptz…).
	Name string
	// SQLName is the name format_type gives without a modifier (integer, character varying…).
	SQLName string
	// Len is pg_type.typlen: the fixed size in bytes, or -1 for variable-length types.
	Len int16
	// Category is pg_type.typcategory (B boolean, N numeric, S string, D datetime, U user…).
	Category byte
	// Array is the OID of the array type over this one (pg_type.typarray).
	Array OID
}

var infos = []Info{
	{Bool, "bool", "boolean", 1, 'B', 1000},
	{Bytea, "bytea", "bytea", -1, 'U', 1001},
	{Char, "char", "\"char\"", 1, 'Z', 1002},
	{Name, "name", "name", 64, 'S', 1003},
	{Int8, "int8", "bigint", 8, 'N', 1016},
	{Int2, "int2", "smallint", 2, 'N', 1005},
	{Int4, "int4", "integer", 4, 'N', 1007},
	{Text, "text", "text", -1, 'S', 1009},
	{Oid, "oid", "oid", 4, 'N', 1028},
	{JSON, "json", "json", -1, 'U', 199},
	{Float4, "float4", "real", 4, 'N', 1021},
	{Float8, "float8", "double precision", 8, 'N', 1022},
	{Unknown, "unknown", "unknown", -2, 'X', 0},
	{BPChar, "bpchar", "character", -1, 'S', 1014},
	{Varchar, "varchar", "character varying", -1, 'S', 1015},
	{Date, "date", "date", 4, 'D', 1182},
	{Time, "time", "time without time zone", 8, 'D', 1183},
	{Timestamp, "timestamp", "timestamp without time zone", 8, 'D', 1115},
	{Timestamptz, "timestamptz", "timestamp with time zone", 8, 'D', 1185},
	{Interval, "interval", "interval", 16, 'T', 1187},
	{Numeric, "numeric", "numeric", -1, 'N', 1231},
	{UUID, "uuid", "uuid", 16, 'U', 2951},
	{JSONB, "jsonb", "jsonb", -1, 'U', 3807},
	{Record, "record", "record", -1, 'P', 2287},
	{RegType, "regtype", "regtype", 4, 'N', 2211},
	{Void, "void", "void", 4, 'P', 0},
}

var byOID = func() map[OID]*Info {
	m := make(map[OID]*Info, len(infos))
	for i := range infos {
		m[infos[i].OID] = &infos[i]
	}
	return m
}()

// Lookup returns what pgtidb knows of the type with OID oid, or nil.
func Lookup(oid OID) *Info { return byOID[oid] }

// Size is the DataTypeSize a RowDescription carries for the type (pg_type.typlen).
func (t Type) Size() int16 {
	if i := byOID[t.OID]; i != nil {
		return i.Len
	}
	return -1
}

// String formats the type as PostgreSQL's format_type does: integer, character varying(20),
// numeric(10,2), timestamp(3) with time zone.
func (t Type) String() string {
	i := byOID[t.OID]
	if i == nil {
		return fmt.Sprintf("oid %d", t.OID)
	}
	if t.Typmod < 0 {
		return i.SQLName
	}
	switch t.OID {
	case Varchar, BPChar:
		return fmt.Sprintf("%s(%d)", i.SQLName, t.Typmod-4)
	case Numeric:
		m := t.Typmod - 4
		return fmt.Sprintf("numeric(%d,%d)", (m>>16)&0xffff, m&0xffff)
	case Time:
		return fmt.Sprintf("time(%d) without time zone", t.Typmod)
	case Timestamp:
		return fmt.Sprintf("timestamp(%d) without time zone", t.Typmod)
	case Timestamptz:
		return fmt.Sprintf("timestamp(%d) with time zone", t.Typmod)
	}
	return i.SQLName
}

// NumericTypmod encodes numeric(precision, scale) as PostgreSQL's atttypmod.
func NumericTypmod(precision, scale int) int32 { return int32(precision<<16|scale) + 4 }

// NumericPrecisionScale decodes a numeric typmod; ok is false when there is none.
func NumericPrecisionScale(typmod int32) (precision, scale int, ok bool) {
	if typmod < 4 {
		return 0, 0, false
	}
	m := typmod - 4
	return int(m>>16) & 0xffff, int(m) & 0xffff, true
}

// CharTypmod encodes varchar(n)/char(n) as PostgreSQL's atttypmod.
func CharTypmod(n int) int32 { return int32(n) + 4 }

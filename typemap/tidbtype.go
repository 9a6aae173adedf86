package typemap

import (
	"strconv"

	"github.com/pingcap/tidb/pkg/parser/mysql"
	"github.com/pingcap/tidb/pkg/parser/types"

	"github.com/pgtidb/pgtidb/pgerror"
)

// Collations of the TiDB columns pgtidb creates.
const (
	// StringCollation is the collation of text and varchar columns. It compares bytes, which for
	// UTF-8 is code-point order — PostgreSQL's "C" collation — and is NO PAD: 'a' <> 'a '.
	// (utf8mb4_bin, TiDB's default, is PAD SPACE and would make 'a' = 'a ' true.)
	StringCollation = "utf8mb4_0900_bin"
	// BPCharCollation is the collation of character(n) columns: binary and PAD SPACE, because
	// PostgreSQL's bpchar ignores trailing spaces when comparing ('a'::char(3) = 'a  ').
	BPCharCollation = "utf8mb4_bin"
	// UUIDCollation is the collation of uuid columns (CHAR(36) of canonical lower-case text).
	UUIDCollation = "ascii_bin"
)

// TiDB's limits on the column types pgtidb maps to.
const (
	// MaxVarcharChars is the longest VARCHAR TiDB accepts in utf8mb4 (65535 bytes / 4).
	MaxVarcharChars = mysql.MaxFieldVarCharLength / 4
	// MaxCharChars is the longest CHAR TiDB accepts.
	MaxCharChars = mysql.MaxFieldCharLength
	// MaxTimePrecision is TiDB's largest fractional-seconds precision (as PostgreSQL's).
	MaxTimePrecision = 6
)

// TiDBColumnType returns the TiDB column type that stores values of PostgreSQL type t with
// PostgreSQL's meaning, for CREATE TABLE and ALTER TABLE:
//
//	boolean               TINYINT(1)
//	smallint/int/bigint   SMALLINT / INT / BIGINT
//	real / double         FLOAT / DOUBLE
//	numeric(p,s)          DECIMAL(p,s)   (p ≤ 65, s ≤ 30)
//	numeric               DECIMAL(65,30)
//	text, varchar         LONGTEXT  COLLATE utf8mb4_0900_bin
//	varchar(n)            VARCHAR(n) COLLATE utf8mb4_0900_bin   (n ≤ 16383)
//	character(n)          CHAR(n)   COLLATE utf8mb4_bin          (n ≤ 255)
//	bytea                 LONGBLOB
//	date                  DATE
//	time[(p)]             TIME(p), default TIME(6)
//	timestamp[(p)]        DATETIME(p), default DATETIME(6)
//	timestamptz[(p)]      DATETIME(p), default DATETIME(6), holding UTC (the proxy converts)
//	json                  LONGTEXT  COLLATE utf8mb4_0900_bin  (the text verbatim, as PostgreSQL
//	                      keeps it; the translator adds CHECK (JSON_VALID(col)))
//	jsonb                 JSON
//	uuid                  CHAR(36) CHARACTER SET ascii COLLATE ascii_bin (canonical text)
//
// Anything else, and modifiers beyond TiDB's limits, is a *pgerror.Error with SQLSTATE 0A000
// naming the type. Known gaps: bare numeric keeps at most 30 fractional and 35 integer digits
// (PostgreSQL keeps any number); character(n) values come back without their trailing blanks
// (the encoder pads them to n).
func TiDBColumnType(t Type) (*types.FieldType, error) {
	switch t.OID {
	case Bool:
		ft := types.NewFieldType(mysql.TypeTiny)
		ft.SetFlen(1)
		return ft, nil
	case Int2:
		return types.NewFieldType(mysql.TypeShort), nil
	case Int4:
		return types.NewFieldType(mysql.TypeLong), nil
	case Int8:
		return types.NewFieldType(mysql.TypeLonglong), nil
	case Float4:
		return types.NewFieldType(mysql.TypeFloat), nil
	case Float8:
		return types.NewFieldType(mysql.TypeDouble), nil
	case Numeric:
		ft := types.NewFieldType(mysql.TypeNewDecimal)
		p, s, ok := NumericPrecisionScale(t.Typmod)
		if !ok {
			p, s = mysql.MaxDecimalWidth, mysql.MaxDecimalScale
		}
		if p > mysql.MaxDecimalWidth || s > mysql.MaxDecimalScale || s > p {
			return nil, pgerror.Unsupported(t.String()).
				WithDetail("TiDB's DECIMAL holds at most 65 digits, 30 of them after the point.")
		}
		ft.SetFlen(p)
		ft.SetDecimal(s)
		return ft, nil
	case Text, JSON:
		return stringType(mysql.TypeLongBlob, types.UnspecifiedLength, StringCollation), nil
	case Varchar:
		if t.Typmod < 4 {
			return stringType(mysql.TypeLongBlob, types.UnspecifiedLength, StringCollation), nil
		}
		n := int(t.Typmod - 4)
		if n > MaxVarcharChars {
			return nil, pgerror.Unsupported(t.String()).
				WithDetail("TiDB's VARCHAR holds at most 16383 characters; use text for longer strings.")
		}
		return stringType(mysql.TypeVarchar, n, StringCollation), nil
	case BPChar:
		if t.Typmod < 4 {
			return nil, pgerror.Unsupported("type bpchar without a length").
				WithHint("Use character(n), varchar or text.")
		}
		n := int(t.Typmod - 4)
		if n > MaxCharChars {
			return nil, pgerror.Unsupported(t.String()).
				WithDetail("TiDB's CHAR holds at most 255 characters; use varchar(n) or text.")
		}
		return stringType(mysql.TypeString, n, BPCharCollation), nil
	case Bytea:
		ft := types.NewFieldType(mysql.TypeLongBlob)
		ft.SetCharset("binary")
		ft.SetCollate("binary")
		ft.SetFlag(mysql.BinaryFlag)
		return ft, nil
	case Date:
		return types.NewFieldType(mysql.TypeDate), nil
	case Time:
		return timeType(mysql.TypeDuration, t.Typmod), nil
	case Timestamp, Timestamptz:
		return timeType(mysql.TypeDatetime, t.Typmod), nil
	case JSONB:
		return types.NewFieldType(mysql.TypeJSON), nil
	case UUID:
		ft := types.NewFieldType(mysql.TypeString)
		ft.SetFlen(36)
		ft.SetCharset("ascii")
		ft.SetCollate(UUIDCollation)
		return ft, nil
	}
	name := "type with OID " + strconv.FormatUint(uint64(t.OID), 10)
	if i := Lookup(t.OID); i != nil {
		name = "type " + i.SQLName
	}
	return nil, pgerror.Unsupported(name)
}

// stringType is a utf8mb4 string column type with the given collation.
func stringType(tp byte, flen int, collation string) *types.FieldType {
	ft := types.NewFieldType(tp)
	ft.SetFlen(flen)
	ft.SetCharset(mysql.UTF8MB4Charset)
	ft.SetCollate(collation)
	return ft
}

// timeType is TIME/DATETIME with PostgreSQL's precision (typmod), 6 when unspecified.
func timeType(tp byte, typmod int32) *types.FieldType {
	ft := types.NewFieldType(tp)
	p := MaxTimePrecision
	if typmod >= 0 && typmod < MaxTimePrecision {
		p = int(typmod)
	}
	ft.SetDecimal(p)
	return ft
}

// KeyStringType returns the TiDB type for a text, varchar, bytea column (one TiDBColumnType
// maps to LONGTEXT/LONGBLOB) that takes part in a PRIMARY KEY, UNIQUE or FOREIGN KEY
// constraint: TiDB cannot index LONGTEXT without a prefix, which would change what the
// constraint means. maxChars is the length the key budget leaves for the column (see
// translate's key planning). ok is false when t is not such a type.
func KeyStringType(t Type, maxChars int) (ft *types.FieldType, ok bool) {
	switch t.OID {
	case Text:
		return stringType(mysql.TypeVarchar, maxChars, StringCollation), true
	case Varchar:
		if t.Typmod < 4 {
			return stringType(mysql.TypeVarchar, maxChars, StringCollation), true
		}
	case Bytea:
		ft := types.NewFieldType(mysql.TypeVarchar)
		ft.SetFlen(maxChars)
		ft.SetCharset("binary")
		ft.SetCollate("binary")
		ft.SetFlag(mysql.BinaryFlag)
		return ft, true
	}
	return nil, false
}

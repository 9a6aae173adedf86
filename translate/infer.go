package translate

import (
	"github.com/jackc/pgerrcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// This file holds PostgreSQL's type rules the translator needs: categories, the numeric
// promotion ladder, and select_common_type for CASE / COALESCE / UNION / VALUES.

// typname is pg_type.typname of ty (int4, text…).
func typname(ty typemap.Type) string {
	if i := typemap.Lookup(ty.OID); i != nil {
		return i.Name
	}
	return "unknown"
}

// sqlTypeName is the type as PostgreSQL names it in messages (integer, text, unknown…).
func sqlTypeName(ty typemap.Type) string {
	if ty.OID == 0 {
		return "unknown"
	}
	if i := typemap.Lookup(ty.OID); i != nil {
		return i.SQLName
	}
	return ty.String()
}

func of(oid typemap.OID) typemap.Type { return typemap.Of(oid) }

func isUnknown(ty typemap.Type) bool { return ty.OID == 0 || ty.OID == typemap.Unknown }

func isInt(ty typemap.Type) bool {
	return ty.OID == typemap.Int2 || ty.OID == typemap.Int4 || ty.OID == typemap.Int8
}

func isFloat(ty typemap.Type) bool { return ty.OID == typemap.Float4 || ty.OID == typemap.Float8 }

// isNumber is PostgreSQL's numeric category (N) without oid.
func isNumber(ty typemap.Type) bool { return isInt(ty) || isFloat(ty) || ty.OID == typemap.Numeric }

// isString is the string category: text, varchar, bpchar, name.
func isString(ty typemap.Type) bool {
	switch ty.OID {
	case typemap.Text, typemap.Varchar, typemap.BPChar, typemap.Name:
		return true
	}
	return false
}

func isDateTime(ty typemap.Type) bool {
	switch ty.OID {
	case typemap.Date, typemap.Timestamp, typemap.Timestamptz:
		return true
	}
	return false
}

// category is pg_type.typcategory (0 for unknown).
func category(ty typemap.Type) byte {
	if isUnknown(ty) {
		return 0
	}
	if i := typemap.Lookup(ty.OID); i != nil {
		return i.Category
	}
	return 'U'
}

// numberRank orders the numeric types by PostgreSQL's implicit-cast direction.
func numberRank(ty typemap.Type) int {
	switch ty.OID {
	case typemap.Int2:
		return 1
	case typemap.Int4:
		return 2
	case typemap.Int8:
		return 3
	case typemap.Numeric:
		return 4
	case typemap.Float4:
		return 5
	case typemap.Float8:
		return 6
	}
	return 0
}

// arithType is the result type of a binary arithmetic operator over two numbers, as
// PostgreSQL's operator resolution gives it (int2+int4 → int4, int+numeric → numeric,
// float4 with int or numeric → float8, numeric+float → float8).
func arithType(l, r typemap.Type) typemap.Type {
	if l.OID == r.OID {
		if l.OID == typemap.Numeric && l.Typmod != r.Typmod {
			return of(typemap.Numeric)
		}
		if l.OID == typemap.Numeric {
			return of(typemap.Numeric)
		}
		return of(l.OID)
	}
	if isFloat(l) || isFloat(r) {
		return of(typemap.Float8)
	}
	if numberRank(l) > numberRank(r) {
		return of(l.OID)
	}
	return of(r.OID)
}

// commonType is PostgreSQL's select_common_type: unknown inputs take the others' type (text
// when all are unknown); the known inputs must share a category, and the result is the
// preferred type among them. construct names the construct in the error (CASE, COALESCE,
// UNION…), as PostgreSQL's `CASE types integer and text cannot be matched`.
func commonType(construct string, types []typemap.Type) (typemap.Type, error) {
	var res typemap.Type
	found := false
	for _, ty := range types {
		if isUnknown(ty) {
			continue
		}
		if !found {
			res, found = ty, true
			continue
		}
		if ty == res {
			continue
		}
		if category(ty) != category(res) {
			return typemap.Type{}, pgerror.Newf(pgerrcode.DatatypeMismatch,
				"%s types %s and %s cannot be matched", construct, sqlTypeName(res), sqlTypeName(ty))
		}
		switch {
		case isNumber(ty) && isNumber(res):
			if numberRank(ty) > numberRank(res) {
				res = ty
			} else if numberRank(ty) == numberRank(res) {
				res = of(res.OID)
			}
		case isString(ty) && isString(res):
			if ty.OID == res.OID {
				res = of(res.OID)
			} else {
				res = of(typemap.Text)
			}
		case isDateTime(ty) && isDateTime(res):
			if ty.OID == typemap.Timestamptz || res.OID == typemap.Timestamptz {
				res = of(typemap.Timestamptz)
			} else {
				res = of(typemap.Timestamp)
			}
		case ty.OID == res.OID:
			res = of(res.OID)
		case (isOIDType(ty) || isInt(ty)) && (isOIDType(res) || isInt(res)) && !(isOIDType(ty) && isOIDType(res) && ty.OID != typemap.Oid && res.OID != typemap.Oid):
			// Integers are implicitly oid and reg*; oid is the category's preferred type and
			// every reg* type is implicitly oid; two different reg* types do not match.
			if ty.OID == typemap.Oid || res.OID == typemap.Oid {
				res = of(typemap.Oid)
			} else if isOIDType(ty) {
				res = of(ty.OID)
			}
		default:
			return typemap.Type{}, pgerror.Newf(pgerrcode.DatatypeMismatch,
				"%s types %s and %s cannot be matched", construct, sqlTypeName(res), sqlTypeName(ty))
		}
	}
	if !found {
		return of(typemap.Text), nil
	}
	return res, nil
}

// outputType is the type a result column reports: unknown literals are text, as in
// PostgreSQL 10 and later.
func outputType(ty typemap.Type) typemap.Type {
	if isUnknown(ty) {
		return of(typemap.Text)
	}
	return ty
}

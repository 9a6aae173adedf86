// Package typemap owns pgtidb's PostgreSQL type registry and every conversion of a value
// between TiDB's form and PostgreSQL's.
//
// # What it owns
//
//   - types.go: the PostgreSQL types pgtidb speaks (pg_type OIDs, typmods, format_type names).
//   - mysql.go: what TiDB sends. FromMySQL derives the PostgreSQL type of a column pgtidb did
//     not create (information_schema.COLUMNS, or database/sql's DatabaseTypeName for a result
//     column), and readers for the text forms of DATE, DATETIME(6), TIME(6) and DECIMAL.
//   - encode_text.go, encode_binary.go: TiDB value → PostgreSQL output. EncodeText produces
//     exactly what PostgreSQL 15's output functions print (DateStyle ISO, MDY; bytea_output
//     hex; TimeZone and extra_float_digits from Settings); EncodeBinary what its send
//     functions produce.
//   - decode.go: PostgreSQL parameter → TiDB value. DecodeParam reads a Bind parameter in text
//     or binary format as PostgreSQL's input/receive functions do and returns the Go value
//     go-sql-driver interpolates into the statement for TiDB.
//
// # How data enters and leaves
//
// Results: go-sql-driver runs with interpolateParams=true on the text protocol, so every
// non-NULL result value reaches the proxy as TiDB's MySQL text ([]byte). The proxy knows the
// PostgreSQL type of each result column (from the translator, or FromMySQL as the fallback)
// and calls EncodeText or EncodeBinary with it. NULL never reaches typemap. Both functions
// append to the caller's buffer and keep no reference to v.
//
// Parameters: the proxy passes each Bind value with the parameter's PostgreSQL type
// (ParameterDescription's OID; 0 when unspecified) and format code. DecodeParam returns int64,
// float64, string or []byte (always a copy) in the form TiDB stores for that type:
//
//	PostgreSQL type      TiDB column          value from DecodeParam / text TiDB returns
//	bool                 TINYINT(1)           int64 1/0 / "1" "0"
//	int2, int4, int8     SMALLINT/INT/BIGINT  int64
//	float4, float8       FLOAT, DOUBLE        float64 (float4 rounded to float32)
//	numeric(p,s)         DECIMAL(p,s)         "1.50"; bare numeric is DECIMAL(65,30)
//	text, varchar        LONGTEXT, VARCHAR    string
//	bpchar(n)            CHAR(n)              string; TiDB strips trailing spaces, output pads
//	bytea                LONGBLOB             []byte
//	date                 DATE                 "2024-01-31"
//	time                 TIME(6)              "10:00:00.500000"
//	timestamp            DATETIME(6)          "2024-01-31 10:00:00.123000"
//	timestamptz          DATETIME(6), UTC     the UTC wall clock; the session pins time_zone '+00:00'
//	json                 LONGTEXT             the JSON text, verbatim (validated on input)
//	jsonb                JSON                 the JSON text; output re-printed as jsonb_out does
//	uuid                 CHAR(36)             lower-case canonical text
//	oid, reg*            BIGINT (in queries)  the oid; reg* result columns arrive as their names,
//	                                          a computed regclass as [schema, name, visible] (reg.go)
//	arrays, int2vector,  JSON (in queries)    a JSON array: integer/oid elements as numbers, other
//	oidvector                                 elements as strings holding their PostgreSQL text,
//	                                          NULL as null (array.go); printed as array_out does
//
// Settings carries the session GUCs that change values (TimeZone, extra_float_digits); start
// from DefaultSettings. A nil *Settings means the defaults.
//
// # What it must never do
//
//   - Lose precision silently. A TiDB value that the PostgreSQL type cannot hold (an integer
//     out of range, a fraction for an integer type, MySQL's zero date, a TIME beyond 24 hours)
//     is an error (22003, 22008, or XX000 for text that does not parse), never a rounded or
//     clamped value. A parameter TiDB cannot store exactly (NaN, ±infinity, dates before 1 BC
//     or after 9999, numerics beyond DECIMAL(65,30)) is refused with 0A000 or 22008.
//   - Accept input PostgreSQL rejects. Parameters are validated as PostgreSQL's input
//     functions validate them, with PostgreSQL's SQLSTATEs and messages (22P02 `invalid input
//     syntax for type integer: "abc"`, 22003 `value "99999" is out of range for type smallint`,
//     22008, 22021 for invalid UTF-8…), so TiDB's lenient casts ('abc' → 0 with a warning)
//     never see bad input.
//   - Touch SQL. typemap converts values only; quoting is go-sql-driver's and the TiDB AST's.
//
// # Known gaps
//
// Value-level differences from PostgreSQL that typemap cannot close (also listed under
// "typemap" in KNOWN_GAPS.md):
//
//   - Unconstrained numeric: TiDB stores it as DECIMAL(65,30) and does not remember the scale
//     a value was entered with. A value with 30 fraction digits and no typmod is shown with
//     its trailing zeros trimmed ("1.5" where PostgreSQL shows "1.50"); values beyond 65
//     digits or 30 fraction digits cannot be stored.
//   - jsonb numbers: TiDB's JSON type keeps non-integers as doubles and integers in 64 bits, so
//     "2.50" comes back as 2.5, "1.0" as 1, big integers lose digits, -0.0 is 0 (PostgreSQL's
//     jsonb keeps numerics exact). json values computed by TiDB's JSON functions (not stored
//     json columns, which are verbatim text) print in TiDB's layout, not PostgreSQL's.
//   - Dates and timestamps outside TiDB's 0000-01-01 (1 BC) … 9999-12-31 range, infinity and
//     -infinity cannot be stored; time is 00:00:00–24:00:00 as in PostgreSQL, but TiDB TIME
//     values beyond it (from MySQL clients) are refused.
//   - float4/float8 NaN and ±Infinity cannot be stored; TiDB stores -0 as 0.
//   - Date/time input: ISO 8601, YYYYMMDD, Y/M/D, MDY (DateStyle's default) and the special
//     words are read; month names, two-digit years, DMY/YMD DateStyle orders, Julian dates
//     and the rarer abbreviations of PostgreSQL's timezone_abbreviations are refused (22007).
//   - MySQL columns pgtidb did not create: the zero date "0000-00-00" and BIT/GEOMETRY
//     values have no faithful PostgreSQL value (error, or raw bytes as bytea).
//   - Binary format covers the types in SupportsBinary; interval, reg* types, records and arrays
//     of other element types than bool, integers, oid, text, name, numeric and date are text
//     only (array_wire.go). Array parameters are read in both formats into the JSON form.
package typemap

package pgerror

import (
	"regexp"
	"strings"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgerrcode"
)

// mysqlSQLSTATE maps MySQL/TiDB error numbers to PostgreSQL SQLSTATEs. Sources: TiDB's
// pkg/errno, its error-codes documentation, and shared/TIDB_GAPS.md. A number not listed is
// XX000 (internal_error).
var mysqlSQLSTATE = map[uint16]string{
	1062: pgerrcode.UniqueViolation,                        // ER_DUP_ENTRY
	1242: pgerrcode.CardinalityViolation,                   // ER_SUBQUERY_NO_1_ROW
	1055: pgerrcode.GroupingError,                          // ER_WRONG_FIELD_WITH_GROUP (only_full_group_by)
	8123: pgerrcode.GroupingError,                          // non-aggregated column without GROUP BY
	1140: pgerrcode.GroupingError,                          // ER_MIX_OF_GROUP_FUNC_AND_FIELDS
	3020: pgerrcode.InvalidArgumentForLogarithm,            // invalid argument for logarithm
	1222: pgerrcode.SyntaxError,                            // ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT
	1241: pgerrcode.SyntaxError,                            // ER_OPERAND_COLUMNS
	1822: pgerrcode.InvalidForeignKey,                      // ER_FK_NO_INDEX_PARENT / missing referenced column
	1824: pgerrcode.UndefinedTable,                         // ER_FK_CANNOT_OPEN_PARENT
	1451: pgerrcode.ForeignKeyViolation,                    // ER_ROW_IS_REFERENCED_2
	1452: pgerrcode.ForeignKeyViolation,                    // ER_NO_REFERENCED_ROW_2
	1216: pgerrcode.ForeignKeyViolation,                    // ER_NO_REFERENCED_ROW
	1217: pgerrcode.ForeignKeyViolation,                    // ER_ROW_IS_REFERENCED
	1048: pgerrcode.NotNullViolation,                       // ER_BAD_NULL_ERROR
	1364: pgerrcode.NotNullViolation,                       // ER_NO_DEFAULT_FOR_FIELD
	3819: pgerrcode.CheckViolation,                         // ER_CHECK_CONSTRAINT_VIOLATED
	1406: pgerrcode.StringDataRightTruncationDataException, // ER_DATA_TOO_LONG
	1264: pgerrcode.NumericValueOutOfRange,                 // ER_WARN_DATA_OUT_OF_RANGE
	1690: pgerrcode.NumericValueOutOfRange,                 // ER_DATA_OUT_OF_RANGE
	1365: pgerrcode.DivisionByZero,                         // ER_DIVISION_BY_ZERO
	1366: pgerrcode.InvalidTextRepresentation,              // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD (22007 for date/time)
	1292: pgerrcode.InvalidTextRepresentation,              // ER_TRUNCATED_WRONG_VALUE (22007 for date/time)
	1146: pgerrcode.UndefinedTable,                         // ER_NO_SUCH_TABLE
	1051: pgerrcode.UndefinedTable,                         // ER_BAD_TABLE_ERROR
	1054: pgerrcode.UndefinedColumn,                        // ER_BAD_FIELD_ERROR
	1049: pgerrcode.InvalidCatalogName,                     // ER_BAD_DB_ERROR
	1007: pgerrcode.DuplicateDatabase,                      // ER_DB_CREATE_EXISTS
	1050: pgerrcode.DuplicateTable,                         // ER_TABLE_EXISTS_ERROR
	1061: pgerrcode.DuplicateTable,                         // ER_DUP_KEYNAME (an index is a relation)
	1060: pgerrcode.DuplicateColumn,                        // ER_DUP_FIELDNAME
	1064: pgerrcode.SyntaxError,                            // ER_PARSE_ERROR
	1044: pgerrcode.InsufficientPrivilege,                  // ER_DBACCESS_DENIED_ERROR
	1142: pgerrcode.InsufficientPrivilege,                  // ER_TABLEACCESS_DENIED_ERROR
	1143: pgerrcode.InsufficientPrivilege,                  // ER_COLUMNACCESS_DENIED_ERROR
	1045: pgerrcode.InvalidPassword,                        // ER_ACCESS_DENIED_ERROR
	1213: pgerrcode.DeadlockDetected,                       // ER_LOCK_DEADLOCK
	9007: pgerrcode.SerializationFailure,                   // write conflict (TiKV)
	8002: pgerrcode.SerializationFailure,                   // SELECT FOR UPDATE cannot be retried
	8005: pgerrcode.SerializationFailure,                   // write conflict in TiDB
	8022: pgerrcode.SerializationFailure,                   // retryable KV error
	8028: pgerrcode.SerializationFailure,                   // information schema changed
	8147: pgerrcode.SerializationFailure,                   // lazy uniqueness check failed
	1205: pgerrcode.LockNotAvailable,                       // ER_LOCK_WAIT_TIMEOUT
	3572: pgerrcode.LockNotAvailable,                       // NOWAIT could not lock
	3024: pgerrcode.QueryCanceled,                          // max_execution_time exceeded
	1317: pgerrcode.QueryCanceled,                          // ER_QUERY_INTERRUPTED
	1305: pgerrcode.InvalidSavepointSpecification,          // ER_SP_DOES_NOT_EXIST (42883 for functions)
	8048: pgerrcode.FeatureNotSupported,                    // unsupported isolation level
	1235: pgerrcode.FeatureNotSupported,                    // ER_NOT_SUPPORTED_YET
	8200: pgerrcode.FeatureNotSupported,                    // unsupported DDL operation
	8004: pgerrcode.ProgramLimitExceeded,                   // transaction too large
	9500: pgerrcode.ProgramLimitExceeded,                   // transaction too large (TiKV)
	8025: pgerrcode.ProgramLimitExceeded,                   // entry too large
	8001: pgerrcode.OutOfMemory,                            // memory quota exceeded
	8175: pgerrcode.OutOfMemory,                            // query memory limit exceeded
	8176: pgerrcode.OutOfMemory,                            // instance memory limit exceeded
	4135: pgerrcode.SequenceGeneratorLimitExceeded,         // sequence has run out
	4139: pgerrcode.UndefinedTable,                         // unknown sequence (DROP SEQUENCE)
	1347: pgerrcode.WrongObjectType,                        // 'db.t' is not SEQUENCE / VIEW / BASE TABLE
	9001: pgerrcode.ConnectionFailure,                      // PD server timeout
	9002: pgerrcode.ConnectionFailure,                      // TiKV server timeout
	9005: pgerrcode.ConnectionFailure,                      // region unavailable
	3730: pgerrcode.DependentObjectsStillExist,             // table referenced by a foreign key
	1105: pgerrcode.InternalError,                          // ER_UNKNOWN_ERROR
}

// FromMySQLCode returns the PostgreSQL SQLSTATE for a MySQL/TiDB error number: the table above,
// XX000 for numbers it does not list. FromMySQL may refine it from the message (22007 for a
// date/time value, 42883 for a missing function).
func FromMySQLCode(number uint16) string {
	if code, ok := mysqlSQLSTATE[number]; ok {
		return code
	}
	return pgerrcode.InternalError
}

// FromMySQL converts an error TiDB returned into the PostgreSQL error a client would have
// seen: the SQLSTATE of FromMySQLCode and, where TiDB's message can be read, PostgreSQL's
// wording ("Duplicate entry '1' for key 't.PRIMARY'" → `duplicate key value violates unique
// constraint "t_pkey"`). A message that cannot be read is kept as TiDB wrote it. nil gives nil.
//
// TiDB's messages do not carry everything PostgreSQL's do: the relation of a not-null or check
// violation, the key values of a foreign-key violation, the type of an out-of-range column.
// Those parts are left out rather than guessed. For a unique violation, the caller that knows
// the index's columns can add PostgreSQL's detail with DuplicateEntry and KeyExistsDetail.
func FromMySQL(err *mysql.MySQLError) *Error {
	if err == nil {
		return nil
	}
	e := &Error{Code: FromMySQLCode(err.Number), Message: err.Message}
	if reword := mysqlMessages[err.Number]; reword != nil {
		reword(e, err.Message)
	}
	return e
}

// NullsFound reads TiDB's error of a MODIFY COLUMN … NOT NULL over NULL values (1265 "Data
// truncated for column 'c' at row n"; PostgreSQL's 23502 "column "c" of relation "t" contains
// null values"): the column. Only a DDL statement's 1265 has that meaning.
func NullsFound(err *mysql.MySQLError) (column string, ok bool) {
	if err == nil || err.Number != 1265 {
		return "", false
	}
	if m := reTruncatedAtRow.FindStringSubmatch(err.Message); m != nil {
		return m[1], true
	}
	return "", false
}

// FromMySQLIn is FromMySQL for an error of a statement that writes relation (the PostgreSQL
// name of the table an INSERT or UPDATE targets; "" when there is none). TiDB's not-null and
// check-violation messages do not name the table, PostgreSQL's do:
//
//	null value in column "c" of relation "t" violates not-null constraint   (1048, 1364)
//	new row for relation "t" violates check constraint "t_c_check"          (3819)
//
// PostgreSQL's DETAIL "Failing row contains (…)" needs the whole row as PostgreSQL prints it
// and is left out.
func FromMySQLIn(err *mysql.MySQLError, relation string) *Error {
	e := FromMySQL(err)
	if e == nil || relation == "" {
		return e
	}
	switch err.Number {
	case 1048, 1364:
		re := reBadNull
		if err.Number == 1364 {
			re = reNoDefault
		}
		if m := re.FindStringSubmatch(err.Message); m != nil {
			e.Message = `null value in column "` + m[1] + `" of relation "` + relation + `" violates not-null constraint`
		}
	case 3819:
		if m := reCheck.FindStringSubmatch(err.Message); m != nil {
			e.Message = `new row for relation "` + relation + `" violates check constraint "` + m[1] + `"`
		}
	}
	return e
}

// The readers below rewrite e in place from TiDB's message; when the message does not have the
// expected form they leave it as it is.
var mysqlMessages = map[uint16]func(e *Error, msg string){
	1242: fixed("more than one row returned by a subquery used as an expression"),
	3020: fixed("cannot take logarithm of zero or a negative number"),
	1222: fixed("each set operation query must have the same number of columns"),
	1241: fixed("subquery must return only one column"),
	1062: func(e *Error, msg string) {
		if _, index, _, ok := parseDuplicateEntry(msg); ok {
			e.Message = `duplicate key value violates unique constraint "` + index + `"`
		}
	},
	1048: notNull(reBadNull),
	1364: notNull(reNoDefault),
	3819: func(e *Error, msg string) {
		if m := reCheck.FindStringSubmatch(msg); m != nil {
			e.Message = `new row violates check constraint "` + m[1] + `"`
		}
	},
	1452: func(e *Error, msg string) {
		if m := reForeignKey.FindStringSubmatch(msg); m != nil {
			e.Message = `insert or update on table "` + m[1] + `" violates foreign key constraint "` + m[2] + `"`
		}
	},
	1451: func(e *Error, msg string) {
		if m := reForeignKey.FindStringSubmatch(msg); m != nil {
			e.Message = `update or delete on table "` + m[4] + `" violates foreign key constraint "` + m[2] +
				`" on table "` + m[1] + `"`
		}
	},
	1216: fixed("insert or update violates a foreign key constraint"),
	1217: fixed("update or delete violates a foreign key constraint"),
	1406: func(e *Error, msg string) {
		if m := reColumnAtRow.FindStringSubmatch(msg); m != nil {
			e.Message = `value too long for column "` + m[1] + `"`
		}
	},
	// ALTER COLUMN … TYPE varchar(n) (MODIFY COLUMN) over a longer value; other 1265 stay XX000.
	1265: func(e *Error, msg string) {
		if m := reTruncatedColumn.FindStringSubmatch(msg); m != nil {
			e.Code = pgerrcode.StringDataRightTruncationDataException
			e.Message = `value too long for column "` + m[1] + `"`
		}
	},
	1264: func(e *Error, msg string) {
		if m := reColumnAtRow.FindStringSubmatch(msg); m != nil {
			e.Message = `value out of range for column "` + m[1] + `"`
		}
	},
	1690: func(e *Error, msg string) {
		m := reOutOfRange.FindStringSubmatch(msg)
		if m == nil {
			return
		}
		switch typ := m[1]; {
		case strings.HasPrefix(typ, "BIGINT"):
			e.Message = "bigint out of range"
		case typ == "DOUBLE":
			e.Message = "value out of range: overflow"
		case typ == "DECIMAL":
			e.Message = "numeric field overflow"
		default:
			e.Message = "value out of range"
		}
	},
	1365: fixed("division by zero"),
	1366: badValue(reIncorrectValue),
	1292: badValue(reIncorrectValue, reTruncatedValue),
	1146: func(e *Error, msg string) {
		if m := reNoSuchTable.FindStringSubmatch(msg); m != nil {
			e.Message = `relation "` + m[2] + `" does not exist`
		}
	},
	1051: func(e *Error, msg string) {
		if m := reUnknownTable.FindStringSubmatch(msg); m != nil {
			first, _, _ := strings.Cut(m[1], ",")
			e.Message = `table "` + unqualified(first) + `" does not exist`
		}
	},
	1054: func(e *Error, msg string) {
		if m := reUnknownColumn.FindStringSubmatch(msg); m != nil {
			parts := strings.Split(m[1], ".")
			if len(parts) == 1 {
				e.Message = `column "` + parts[0] + `" does not exist`
			} else {
				// PostgreSQL names a qualified column as relation.column, unquoted.
				e.Message = "column " + strings.Join(parts[len(parts)-2:], ".") + " does not exist"
			}
		}
	},
	1049: func(e *Error, msg string) {
		if m := reUnknownDatabase.FindStringSubmatch(msg); m != nil {
			e.Message = `database "` + m[1] + `" does not exist`
		}
	},
	1007: func(e *Error, msg string) {
		if m := reDatabaseExists.FindStringSubmatch(msg); m != nil {
			e.Message = `database "` + m[1] + `" already exists`
		}
	},
	1050: func(e *Error, msg string) {
		if m := reTableExists.FindStringSubmatch(msg); m != nil {
			e.Message = `relation "` + unqualified(m[1]) + `" already exists`
		}
	},
	1061: func(e *Error, msg string) {
		if m := reDupKeyName.FindStringSubmatch(msg); m != nil {
			e.Message = `relation "` + m[1] + `" already exists`
		}
	},
	1060: func(e *Error, msg string) {
		if m := reDupColumn.FindStringSubmatch(msg); m != nil {
			e.Message = `column "` + m[1] + `" specified more than once`
		}
	},
	1064: func(e *Error, msg string) {
		if m := reSyntaxNear.FindStringSubmatch(msg); m != nil {
			e.Message = syntaxErrorAt(m[1])
		}
	},
	1044: func(e *Error, msg string) {
		if m := reDBAccess.FindStringSubmatch(msg); m != nil {
			e.Message = "permission denied for schema " + m[1]
		}
	},
	1142: func(e *Error, msg string) {
		if m := reTableAccess.FindStringSubmatch(msg); m != nil {
			e.Message = "permission denied for table " + m[1]
		}
	},
	1143: func(e *Error, msg string) {
		if m := reColumnAccess.FindStringSubmatch(msg); m != nil {
			e.Message = "permission denied for table " + m[2]
		}
	},
	1045: func(e *Error, msg string) {
		if m := reAccessDenied.FindStringSubmatch(msg); m != nil {
			e.Message = `password authentication failed for user "` + m[1] + `"`
		}
	},
	1213: fixed("deadlock detected"),
	9007: serialization("could not serialize access due to concurrent update"),
	8002: serialization("could not serialize access due to concurrent update"),
	8005: serialization("could not serialize access due to concurrent update"),
	8022: serialization("could not serialize access due to concurrent update"),
	8028: serialization("could not serialize access due to concurrent schema change"),
	8147: serialization("could not serialize access due to a deferred uniqueness check"),
	1205: fixed("canceling statement due to lock timeout"),
	3572: fixed("could not obtain lock on row"),
	3024: fixed("canceling statement due to statement timeout"),
	1317: fixed("canceling statement due to user request"),
	1305: func(e *Error, msg string) {
		m := reDoesNotExist.FindStringSubmatch(msg)
		if m == nil {
			return
		}
		switch m[1] {
		case "SAVEPOINT":
			e.Message = `savepoint "` + m[2] + `" does not exist`
		case "FUNCTION", "PROCEDURE":
			e.Code = pgerrcode.UndefinedFunction
			e.Message = strings.ToLower(m[1]) + " " + unqualified(m[2]) + " does not exist"
		}
	},
	8048: func(e *Error, msg string) {
		if m := reIsolation.FindStringSubmatch(msg); m != nil {
			e.Message = "transaction isolation level " + m[1] + " is not supported by pgtidb"
		}
	},
	8004: detailed("transaction is too large"),
	9500: detailed("transaction is too large"),
	8025: func(e *Error, msg string) {
		if m := reEntryTooLarge.FindStringSubmatch(msg); m != nil {
			e.Message = "row is too big: size " + m[2] + ", maximum size " + m[1]
		}
	},
	8001: detailed("out of memory"),
	8175: detailed("out of memory"),
	8176: detailed("out of memory"),
	4135: func(e *Error, msg string) {
		if m := reSequenceRunOut.FindStringSubmatch(msg); m != nil {
			e.Message = `nextval: reached the limit of sequence "` + m[2] + `"`
		}
	},
	4139: func(e *Error, msg string) {
		if m := reUnknownSequence.FindStringSubmatch(msg); m != nil {
			first, _, _ := strings.Cut(m[1], ",")
			e.Message = `sequence "` + unqualified(first) + `" does not exist`
		}
	},
	1347: func(e *Error, msg string) {
		if m := reWrongObject.FindStringSubmatch(msg); m != nil {
			kind := map[string]string{"SEQUENCE": "a sequence", "VIEW": "a view", "BASE TABLE": "a table"}[m[2]]
			if kind != "" {
				e.Message = `"` + unqualified(m[1]) + `" is not ` + kind
			}
		}
	},
	3730: func(e *Error, msg string) {
		if m := reDropReferenced.FindStringSubmatch(msg); m != nil {
			e.Message = "cannot drop table " + m[1] + " because other objects depend on it"
			e.Detail = "constraint " + m[2] + " on table " + m[3] + " depends on table " + m[1]
		}
	},
}

// TiDB's message formats (pkg/errno/errname.go), as the pinned TiDB prints them.
var (
	reDuplicateEntry  = regexp.MustCompile(`^Duplicate entry '(.*)' for key '([^']*)'$`)
	reBadNull         = regexp.MustCompile(`^Column '([^']*)' cannot be null$`)
	reNoDefault       = regexp.MustCompile(`^Field '([^']*)' doesn't have a default value$`)
	reCheck           = regexp.MustCompile(`^Check constraint '([^']*)' is violated\.?$`)
	reForeignKey      = regexp.MustCompile("a foreign key constraint fails \\(`[^`]*`\\.`([^`]*)`, CONSTRAINT `([^`]*)` FOREIGN KEY \\(([^)]*)\\) REFERENCES (?:`[^`]*`\\.)?`([^`]*)` \\(([^)]*)\\)")
	reColumnAtRow     = regexp.MustCompile(`for column '([^']*)' at row \d+$`)
	reTruncatedAtRow  = regexp.MustCompile(`^Data truncated for column '([^']*)' at row \d+$`)
	reTruncatedColumn = regexp.MustCompile(`^Data truncated for column '([^']*)', value is '.*'$`)
	reOutOfRange      = regexp.MustCompile(`^([A-Z ]+) value is out of range in `)
	reIncorrectValue  = regexp.MustCompile(`^Incorrect ([A-Za-z ]+) value: '(.*)' for column '[^']*' at row \d+$`)
	reTruncatedValue  = regexp.MustCompile(`^Truncated incorrect ([A-Za-z ]+) value: '(.*)'$`)
	reNoSuchTable     = regexp.MustCompile(`^Table '([^.']*)\.([^']*)' doesn't exist$`)
	reUnknownTable    = regexp.MustCompile(`^Unknown table '([^']*)'$`)
	reUnknownColumn   = regexp.MustCompile(`^Unknown column '([^']*)' in `)
	reUnknownDatabase = regexp.MustCompile(`^Unknown database '([^']*)'$`)
	reTableExists     = regexp.MustCompile(`^Table '([^']*)' already exists$`)
	reDatabaseExists  = regexp.MustCompile(`^Can't create database '([^']*)'; database exists$`)
	reDupKeyName      = regexp.MustCompile(`^Duplicate key name '([^']*)'$`)
	reDupColumn       = regexp.MustCompile(`^Duplicate column name '([^']*)'$`)
	reSyntaxNear      = regexp.MustCompile(`(?s)near "(.*)"\s*$`)
	reDBAccess        = regexp.MustCompile(`^Access denied for user '[^']*'@'[^']*' to database '([^']*)'$`)
	reTableAccess     = regexp.MustCompile(`^\w+ command denied to user '[^']*'@'[^']*' for table '([^']*)'$`)
	reColumnAccess    = regexp.MustCompile(`^\w+ command denied to user '[^']*'@'[^']*' for column '([^']*)' in table '([^']*)'$`)
	reAccessDenied    = regexp.MustCompile(`^Access denied for user '([^']*)'@`)
	reDoesNotExist    = regexp.MustCompile(`^(\w+) (\S+) does not exist$`)
	reIsolation       = regexp.MustCompile(`^The isolation level '([^']*)' is not supported`)
	reEntryTooLarge   = regexp.MustCompile(`max entry size is (\d+), the size of data is (\d+)`)
	reSequenceRunOut  = regexp.MustCompile(`^Sequence '([^'.]*)\.([^']*)' has run out$`)
	reUnknownSequence = regexp.MustCompile(`^Unknown SEQUENCE: '([^']*)'$`)
	reWrongObject     = regexp.MustCompile(`^'([^']*)' is not (SEQUENCE|VIEW|BASE TABLE)$`)
	reDropReferenced  = regexp.MustCompile(`^Cannot drop table '([^']*)' referenced by a foreign key constraint '([^']*)' on table '([^']*)'`)
)

// mysqlTypeNames are PostgreSQL's names for the MySQL types TiDB's conversion errors name.
var mysqlTypeNames = map[string]string{
	"int": "integer", "integer": "integer", "bigint": "bigint", "smallint": "smallint",
	"tinyint": "smallint", "mediumint": "integer", "decimal": "numeric", "double": "double precision",
	"float": "real", "datetime": "timestamp", "timestamp": "timestamp", "date": "date",
	"time": "time", "json": "json", "year": "smallint",
}

func fixed(message string) func(*Error, string) {
	return func(e *Error, _ string) { e.Message = message }
}

// detailed uses PostgreSQL's message and keeps TiDB's, which has the sizes, as the detail.
func detailed(message string) func(*Error, string) {
	return func(e *Error, msg string) { e.Message, e.Detail = message, msg }
}

// serialization is a retryable conflict: PostgreSQL's message, and a hint that the
// transaction can be retried (TiDB's message has keys and timestamps that mean nothing to a PG
// client).
func serialization(message string) func(*Error, string) {
	return func(e *Error, _ string) {
		e.Message = message
		e.Hint = "The transaction might succeed if retried."
	}
}

func notNull(re *regexp.Regexp) func(*Error, string) {
	return func(e *Error, msg string) {
		if m := re.FindStringSubmatch(msg); m != nil {
			e.Message = `null value in column "` + m[1] + `" violates not-null constraint`
		}
	}
}

// badValue rewords a conversion error as PostgreSQL's invalid input syntax, 22007 for dates
// and times.
func badValue(res ...*regexp.Regexp) func(*Error, string) {
	return func(e *Error, msg string) {
		for _, re := range res {
			m := re.FindStringSubmatch(msg)
			if m == nil {
				continue
			}
			mysqlType := strings.ToLower(m[1])
			typ, ok := mysqlTypeNames[mysqlType]
			if !ok {
				typ = mysqlType
			}
			switch typ {
			case "timestamp", "date", "time":
				e.Code = pgerrcode.InvalidDatetimeFormat
			}
			e.Message = `invalid input syntax for type ` + typ + `: "` + m[2] + `"`
			return
		}
	}
}

// syntaxErrorAt words a TiDB syntax error as PostgreSQL does: the first token of the text
// TiDB quotes after "near", or the end of input.
func syntaxErrorAt(near string) string {
	near = strings.TrimLeft(near, " \t\r\n")
	if near == "" {
		return "syntax error at end of input"
	}
	end := strings.IndexAny(near, " \t\r\n(),;")
	switch {
	case end == 0:
		end = 1
	case end < 0:
		end = len(near)
	}
	return `syntax error at or near "` + near[:end] + `"`
}

// unqualified drops the database part of "db.name".
func unqualified(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// parseDuplicateEntry reads "Duplicate entry '1-a' for key 't.t_k'": the table, the
// PostgreSQL name of the violated constraint (t.PRIMARY is t_pkey), and the entry as TiDB
// printed it (the key's values joined by '-', cut at 64 characters).
func parseDuplicateEntry(msg string) (table, constraint, entry string, ok bool) {
	m := reDuplicateEntry.FindStringSubmatch(msg)
	if m == nil {
		return "", "", "", false
	}
	entry, key := m[1], m[2]
	table, index, found := strings.Cut(key, ".")
	if !found {
		table, index = "", key
	}
	if index == "PRIMARY" && table != "" {
		return table, table + "_pkey", entry, true
	}
	return table, index, entry, true
}

// DuplicateEntry reads a unique violation (1062): the table, the constraint's PostgreSQL name
// and TiDB's rendering of the duplicate key. ok is false for other errors.
func DuplicateEntry(err *mysql.MySQLError) (table, constraint, entry string, ok bool) {
	if err == nil || err.Number != 1062 {
		return "", "", "", false
	}
	return parseDuplicateEntry(err.Message)
}

// reForeignKeyOwner reads the table (database and name) and the constraint of TiDB's
// foreign-key violations (1451, 1452).
var reForeignKeyOwner = regexp.MustCompile("a foreign key constraint fails \\(`([^`]*)`\\.`([^`]*)`, CONSTRAINT `([^`]*)`")

// ForeignKeyFailure reads a foreign-key violation (1451: a referenced row is deleted or
// updated; 1452: a referencing row is written): the TiDB database and table the key belongs
// to, and its name. ok is false for other errors.
func ForeignKeyFailure(err *mysql.MySQLError) (db, table, constraint string, ok bool) {
	if err == nil || (err.Number != 1451 && err.Number != 1452) {
		return "", "", "", false
	}
	m := reForeignKeyOwner.FindStringSubmatch(err.Message)
	if m == nil {
		return "", "", "", false
	}
	return m[1], m[2], m[3], true
}

// KeyExistsDetail builds PostgreSQL's detail of a unique violation, "Key (a, b)=(1, x) already
// exists.", from the index's columns and the entry DuplicateEntry returned. TiDB joins the
// values of a multi-column key with '-', so the entry is split only when that gives exactly one
// value per column; otherwise ok is false and the detail is better left out.
func KeyExistsDetail(columns []string, entry string) (detail string, ok bool) {
	if len(columns) == 0 || len([]rune(entry)) >= 64 {
		// TiDB cuts the entry at 64 characters: a cut entry would show a wrong key.
		return "", false
	}
	values := []string{entry}
	if len(columns) > 1 {
		values = strings.Split(entry, "-")
		if len(values) != len(columns) {
			return "", false
		}
	}
	return "Key (" + strings.Join(columns, ", ") + ")=(" + strings.Join(values, ", ") + ") already exists.", true
}

// SequenceRunOut reads TiDB's error for a sequence that reached its bound (4135): the
// sequence's TiDB database and name. PostgreSQL's message names the bound, which only the
// sequence's definition tells (SequenceLimit).
func SequenceRunOut(me *mysql.MySQLError) (db, name string, ok bool) {
	if me.Number != 4135 {
		return "", "", false
	}
	m := reSequenceRunOut.FindStringSubmatch(me.Message)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// SequenceLimit is PostgreSQL's error for nextval past a sequence's bound: its maximum when it
// ascends (increment > 0), its minimum when it descends.
func SequenceLimit(name string, increment, bound int64) *Error {
	if increment > 0 {
		return Newf(pgerrcode.SequenceGeneratorLimitExceeded, "nextval: reached maximum value of sequence %q (%d)", name, bound)
	}
	return Newf(pgerrcode.SequenceGeneratorLimitExceeded, "nextval: reached minimum value of sequence %q (%d)", name, bound)
}

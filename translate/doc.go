// Package translate turns one parsed PostgreSQL statement (pg_query_go/v5, PostgreSQL 15
// grammar) into one TiDB statement with PostgreSQL's meaning, plus what the proxy needs to run
// it and answer in PostgreSQL's terms: the result columns with their PostgreSQL names and
// types, the map from TiDB's `?` markers to PostgreSQL's `$n` parameters with their inferred
// types, the command tag, and the shadow-catalog changes a DDL implies.
//
// # Data in and out
//
// In: a *pg_query.RawStmt and a Context (catalog Resolver, database, client-declared parameter
// types). Out: a *Statement, or a *pgerror.Error — 0A000 naming the construct when there is no
// faithful translation, otherwise the error PostgreSQL itself would raise (42P01 undefined
// table, 42703 undefined column, 42883 undefined function or operator, 22P02 invalid input…).
// The package keeps no state between statements and talks to nothing: no TiDB, no network.
//
// # How it works
//
// dispatch.go is the one exhaustive switch over statement nodes. A translator (translator.go)
// lives for one statement and holds the parameters seen so far. Every PostgreSQL node family
// has its file: select.go (query blocks), from.go (FROM items, joins), target.go (select lists,
// result-column names), orderby.go (ORDER BY / GROUP BY), setop.go, values.go, cte.go,
// subquery.go, window.go, expr.go and operators.go (expressions; json.go and json_ops.go the
// jsonb operators, exact for every value or refused by operand shape), literal.go and coerce.go
// (constants, PostgreSQL's input functions), cast.go, func*.go (functions and aggregates),
// infer.go (PostgreSQL's type rules), names.go and scope.go (name resolution), params.go.
// DDL and DML live in insert.go, update.go, delete.go, create_table.go, create_index.go,
// alter_table.go, rename.go, view.go, drop.go, schema.go, truncate.go, ctas.go and typename.go.
// DEFERRABLE foreign keys (fk_deferral.go) are TiDB's ordinary ones, checked as each row is
// written; their deferral is kept in the shadow catalog, and the proxy refuses a violation of
// a key deferred at that moment (SET CONSTRAINTS keeps the modes, compat/constraints.go).
// ADD COLUMN … REFERENCES is a DDL plan of two ALTER TABLEs (alter_table.go, addedColumnKeys).
//
// Expressions are translated together with their PostgreSQL type, so the rules that differ
// between the two systems are decided here: untyped literals are read by the target type's
// input function at translation time ('t' for a bool column is TRUE, '1abc' for an integer is
// 22P02 — TiDB would compare loosely), integer division is DIV, `||` is CONCAT, concat() and
// GREATEST/LEAST skip NULLs as in PostgreSQL, ORDER BY adds `(x IS NULL)` keys so NULLs sort as
// PostgreSQL sorts them, USING/NATURAL joins become explicit ON conditions with every merged
// column read from the side PostgreSQL takes it from.
//
// A relation of pg_catalog (schema-qualified, or unqualified: PostgreSQL searches pg_catalog
// first unless search_path lists it later) becomes a derived table whose SELECT package catalog
// builds over TiDB's information_schema (catalog_rel.go); the query around it translates as
// over any table, with the relation's PostgreSQL column types. A relation of information_schema
// (schema-qualified only) becomes PostgreSQL's information_schema view the same way
// (catalog.InfoSchemaEmulation), never TiDB's own information_schema table.
//
// # DDL, DML and the shadow catalog
//
// CREATE TABLE maps every column through typemap.TiDBColumnType (text → LONGTEXT with the NO
// PAD binary collation, timestamptz → DATETIME(6) holding UTC…), gives constraints and indexes
// the names PostgreSQL would choose (t_pkey, t_a_key, t_a_check, t_a_fkey, t_a_idx, numbered on
// collision), fits string key columns into TiDB's 3072-byte index keys, and returns a
// catalog.Change DeclareTable carrying each column's declared PostgreSQL type; DROP TABLE/VIEW
// returns ForgetTable, DROP SCHEMA/DATABASE ForgetDatabase. An unqualified CREATE goes to the
// first existing schema of the session's search_path. ALTER TABLE becomes one TiDB ALTER TABLE
// with one specification per PostgreSQL command (ADD/DROP COLUMN, MODIFY COLUMN for TYPE and
// SET/DROP NOT NULL — with the column's whole definition —, ALTER COLUMN SET/DROP DEFAULT,
// ADD/DROP constraint), refusing what TiDB cannot do in one statement (a second change of the
// same column, a constraint on a column the statement adds or changes, a CHECK change with
// anything else) and what it would do differently (ADD COLUMN NOT NULL without a default fills
// TiDB's zero value; type changes whose conversion differs); it returns DeclareTable with the
// table's whole new column list. RENAME of a table or view is ForgetTable of the old name plus
// DeclareTable of the new. CREATE VIEW translates its query through the SELECT translation,
// names every view column with PostgreSQL's result name and declares the view with the
// query's PostgreSQL column types. Defaults and CHECK constraints carry the text PostgreSQL
// would print for them (deparse.go: the expression analyzed as PostgreSQL's parser would —
// operator resolution, implicit coercions, literal types — and printed as ruleutils prints it,
// plain and pretty; a form outside its subset carries none). COMMENT ON (comment.go) changes
// only the shadow catalog: a catalog-only write the proxy applies in the session's
// transaction. The proxy applies the changes after TiDB ran the statement. Schemas are TiDB databases (catalog.TiDBDatabase). What a statement
// needs beyond catalog.Resolver comes from optional interfaces the resolver may implement:
// KeyResolver (REFERENCES t without columns, DROP NOT NULL on a key column), IndexResolver
// (DROP INDEX, ALTER INDEX RENAME, index names unique per schema), SchemaResolver (DROP SCHEMA
// without CASCADE, CREATE SCHEMA of an existing schema, the search_path's existing schemas) and
// ConstraintResolver (DROP/RENAME CONSTRAINT, ON CONFLICT ON CONSTRAINT of a non-unique
// constraint) and UniqueKeyResolver (ON CONFLICT's arbiter indexes), SequenceOwnerResolver
// (DROP SEQUENCE of a sequence a column owns); without them those forms
// are refused. INSERT and UPDATE assign values with PostgreSQL's assignment rules (42804 where
// no assignment cast exists); RETURNING and INSERT … ON CONFLICT run as plans of several TiDB
// statements (returning.go, returning_nokey.go, upsert.go; expression conflict targets:
// upsert_expr.go).
//
// Sequences (sequence.go, serial.go, currval.go, lastval.go, setval.go, alter_sequence.go,
// seqcache.go): TiDB sequences created NOCACHE; a CACHE n > 1 sequence's values are drawn by the
// proxy from the session's block of n (Statement.SessionValues, bound after the client's
// parameters: nextval() as a whole select-list or VALUES item, an INSERT's defaults per VALUES
// row; per-row forms refused); currval, setval and ALTER SEQUENCE run as plans that check
// TiDB's state first (setval moving forward is TiDB's SETVAL, backwards ALTER SEQUENCE on a
// connection of its own, so that a transaction block goes on). TiDB's START is the anchor of
// the grid TiDB hands values out on, moved with every restart; PostgreSQL's START and
// is_called are recorded in the shadow catalog (seqstate.go); lastval() is a parameter the proxy binds from the sequence the session
// last called nextval on (Statement.Nextvals lists them, Statement.Lastval asks for the value).
// TRUNCATE (truncate.go) and CREATE TABLE AS / SELECT INTO (ctas.go) are DDL plans too.
//
// What a plain pg_dump --schema-only prints is translated in its own forms: ALTER … OWNER TO
// the session user is DO 0 (pgtidb keeps no owners; alter_table.go, schema.go), ALTER SEQUENCE
// s OWNED BY t.c only records the owned sequence in the shadow catalog (sequence.go), after
// which ALTER COLUMN c SET DEFAULT nextval('s'::regclass) makes the column SERIAL; ALTER
// COLUMN … ADD GENERATED … AS IDENTITY (SEQUENCE NAME s …) creates the sequence and the default
// as CREATE TABLE's identity columns do (serial.go). Owning and drawing are apart: the column
// that owns a sequence (catalog.Column.Sequence) takes it along when it is dropped, while what a
// default draws from is read off TiDB's default (catalog.Column.DefaultSequence), so a DEFAULT
// nextval('s') of any sequence works like SERIAL's for INSERT … RETURNING, ON CONFLICT and
// lastval(), and DROP / RENAME of the sequence find every default that names it
// (sequence_drop.go, rename_sequence.go).
//
// # Contract with the session
//
// The SQL assumes the TiDB session runs with: sql_mode without NO_BACKSLASH_ESCAPES (string
// literals are rendered with backslashes doubled, and LIKE's default escape must stay `\`),
// time_zone '+00:00' (timestamptz is stored as UTC in DATETIME(6); now() is NOW(6)),
// group_concat_max_len raised to its maximum (string_agg), collation_connection
// utf8mb4_0900_bin (NO PAD comparisons of literals, as PostgreSQL's C collation),
// div_precision_increment 16 (closest to PostgreSQL's numeric division scale), and
// cte_max_recursion_depth raised. Statements are run with the parameters bound in ParamOrder.
//
// # Never
//
// SQL leaves only through TiDB AST nodes and Restore with RestoreFlags: no string pasting, no
// regular expressions over SQL. A construct without a faithful translation is refused with
// pgerror.Unsupported — never approximated. The translator must not panic on any input that
// pg_query parses (FuzzTranslate); it recovers nothing.
//
// # Arrays, oids and system functions
//
// TiDB has no arrays. An array value travels through TiDB as a JSON array (JSON_ARRAY,
// JSON_ARRAYAGG) whose elements are JSON numbers for integer, oid and reg* element types and JSON
// strings holding PostgreSQL's text output for the other element types (text, name, numeric,
// date, bool as t/f); NULL elements are JSON null. The array's PostgreSQL type (int4[] = 1007,
// name[] = 1003, …) names the element type; typemap prints the JSON as array_out does. Catalog
// emulations that expose array columns (indkey int2vector, conkey int2[], proargtypes
// oidvector, reloptions text[], relacl aclitem[]) produce the same JSON arrays, or NULL.
// Arrays built from known elements — ARRAY[...], '{…}' literals, current_schemas() — also keep
// their element expressions in the translator (array.go), so `x = ANY(ARRAY[…])` is `x IN (…)`
// with PostgreSQL's operator resolution per element, array_to_string is CONCAT_WS and unnest in
// FROM a UNION ALL; arrays known only as JSON (ARRAY(subquery), catalog columns) support = ANY /
// <> ALL over integer and text elements (MEMBER OF, with PostgreSQL's NULL rules), subscripts,
// array_length/cardinality, `||`, unnest and pg_options_to_table (a recursive CTE over the
// positions) and array_remove (one over the elements). ARRAY(SELECT … ORDER BY …) and
// array_agg(x ORDER BY …) join the elements' JSON texts in order with GROUP_CONCAT (TiDB's
// JSON_ARRAYAGG has no order), array_to_string of an ARRAY(subquery) is GROUP_CONCAT of the
// subquery (array_sublink.go, pgdump_arrayagg.go). int2vector and oidvector are JSON arrays
// too, subscripted from 0; a name is subscripted as PostgreSQL's array of 64 bytes (array_name.go).
// Set-returning functions in a select list — unnest of an array or vector, generate_subscripts,
// generate_series over integers — run in lockstep over each row of the rest of the query, as in
// PostgreSQL 10+, through a recursive WITH query over the positions; DISTINCT, ORDER BY and
// LIMIT sort and cut the expanded rows (srf_select_list.go). The same machinery runs these
// functions in FROM when their arguments name FROM items to their left (PostgreSQL's implicit
// LATERAL, which TiDB lacks), for unnest of several arrays and ROWS FROM: the function takes the
// items to its left into one derived table, and their relations stay in the scope with each
// column redirected to the derived table's (from_function.go).
// Array parameters ($1 in `= ANY($1)`, `$1::int[]`) take the array type and are bound as the JSON
// text typemap.DecodeParam makes of the client's array (text or binary), read with
// CAST(? AS JSON). Multidimensional arrays are refused.
//
// oid and the reg* types (regclass, regtype, regnamespace) travel as integers, so catalog joins
// and `c.oid = 't'::regclass` compare numbers. Constants are resolved when the statement is
// translated (relation oids from catalog.RelationOID, PostgreSQL's fixed oids for types and
// pg_catalog/public) and remember their name; a reg* result column of the top-level SELECT is
// printed as that name (regclass qualified when the search path does not find it), a computed
// regtype through a FIELD/ELT table of the known types, a computed regclass as the JSON
// [schema, name, visible] of an uncorrelated lookup over the pg_class emulation, which typemap
// formats as regclassout does (func_catalog_reg.go, func_catalog_more.go). ORDER BY such a
// column sorts on the oid, as PostgreSQL does.
//
// System functions whose value the session knows become constants (func_session.go,
// func_catalog.go): version(), current_schemas(), pg_backend_pid() (Context.BackendPID),
// format_type, has_*_privilege (true for objects that exist: the session user is a superuser),
// pg_encoding_to_char, pg_size_pretty, to_regclass. Relation sizes are scalar subqueries over
// TiDB's information_schema.TABLES. set_config is the one function with a side effect: its
// statement carries Statement.SetConfig, which the proxy applies as SET / SET LOCAL after the
// statement succeeded, and it is accepted only in a SELECT list without FROM (or anything
// else that could evaluate it other than exactly once).
//
// Known gaps are listed in KNOWN_GAPS.md at the repository root.
package translate

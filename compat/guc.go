package compat

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // TimeZone names resolve without the host's zoneinfo

	"github.com/jackc/pgerrcode"

	"github.com/pgtidb/pgtidb/pgerror"
	"github.com/pgtidb/pgtidb/typemap"
)

// ServerVersion is what pgtidb reports as server_version: the PostgreSQL release whose
// behaviour it reproduces.
const (
	ServerVersion    = "15.0 (pgtidb)"
	ServerVersionNum = "150000"
)

// GUC describes one configuration parameter.
type GUC struct {
	// Name is PostgreSQL's canonical spelling (TimeZone, DateStyle, search_path…).
	Name    string
	Default string
	// Report marks GUC_REPORT parameters: the server sends ParameterStatus when they change.
	Report bool
	// ReadOnly parameters cannot be SET (55P02).
	ReadOnly bool
	// Normalize validates a new value and returns the form SHOW displays.
	Normalize   func(v string) (string, error)
	Description string
}

var gucs = map[string]*GUC{}

func define(g *GUC) { gucs[strings.ToLower(g.Name)] = g }

func init() {
	any := func(v string) (string, error) { return v, nil }
	define(&GUC{Name: "application_name", Default: "", Report: true, Normalize: func(v string) (string, error) {
		if len(v) > 63 {
			v = v[:63]
		}
		return v, nil
	}, Description: "Sets the application name to be reported in statistics and logs."})
	define(&GUC{Name: "client_encoding", Default: "UTF8", Report: true, Normalize: normalizeEncoding, Description: "Sets the client's character set encoding."})
	define(&GUC{Name: "server_encoding", Default: "UTF8", Report: true, ReadOnly: true, Description: "Shows the server (database) character set encoding."})
	define(&GUC{Name: "DateStyle", Default: "ISO, MDY", Report: true, Normalize: normalizeDateStyle, Description: "Sets the display format for date and time values."})
	define(&GUC{Name: "IntervalStyle", Default: "postgres", Report: true, Normalize: oneOf("postgres"), Description: "Sets the display format for interval values."})
	define(&GUC{Name: "TimeZone", Default: "UTC", Report: true, Normalize: normalizeTimeZone, Description: "Sets the time zone for displaying and interpreting time stamps."})
	define(&GUC{Name: "integer_datetimes", Default: "on", Report: true, ReadOnly: true, Description: "Shows whether datetimes are integer based."})
	define(&GUC{Name: "standard_conforming_strings", Default: "on", Report: true, Normalize: oneOf("on"), Description: "Causes '...' strings to treat backslashes literally."})
	define(&GUC{Name: "is_superuser", Default: "on", Report: true, ReadOnly: true, Description: "Shows whether the current user is a superuser."})
	define(&GUC{Name: "session_authorization", Default: "postgres", Report: true, ReadOnly: true, Description: "Sets the session user name."})
	define(&GUC{Name: "server_version", Default: ServerVersion, Report: true, ReadOnly: true, Description: "Shows the server version."})
	define(&GUC{Name: "server_version_num", Default: ServerVersionNum, ReadOnly: true, Description: "Shows the server version as an integer."})
	define(&GUC{Name: "default_transaction_read_only", Default: "off", Report: true, Normalize: normalizeBool, Description: "Sets the default read-only status of new transactions."})
	define(&GUC{Name: "in_hot_standby", Default: "off", Report: true, ReadOnly: true, Description: "Shows whether hot standby is currently active."})
	define(&GUC{Name: "search_path", Default: `"$user", public`, Normalize: any, Description: "Sets the schema search order for names that are not schema-qualified."})
	define(&GUC{Name: "statement_timeout", Default: "0", Normalize: normalizeMillis, Description: "Sets the maximum allowed duration of any statement."})
	define(&GUC{Name: "lock_timeout", Default: "0", Normalize: normalizeMillis, Description: "Sets the maximum allowed duration of any wait for a lock."})
	define(&GUC{Name: "idle_in_transaction_session_timeout", Default: "0", Normalize: normalizeMillis, Description: "Sets the maximum allowed idle time between queries, when in a transaction."})
	define(&GUC{Name: "client_min_messages", Default: "notice", Normalize: oneOf("debug5", "debug4", "debug3", "debug2", "debug1", "debug", "log", "notice", "warning", "error"), Description: "Sets the message levels that are sent to the client."})
	define(&GUC{Name: "extra_float_digits", Default: "1", Normalize: intRange(-15, 3), Description: "Sets the number of digits displayed for floating-point values."})
	define(&GUC{Name: "default_transaction_isolation", Default: "read committed", Normalize: normalizeIsolation, Description: "Sets the transaction isolation level of each new transaction."})
	define(&GUC{Name: "bytea_output", Default: "hex", Normalize: oneOf("hex"), Description: "Sets the output format for bytea."})
	define(&GUC{Name: "max_identifier_length", Default: "63", ReadOnly: true, Description: "Shows the maximum identifier length."})
	define(&GUC{Name: "lc_collate", Default: "C", ReadOnly: true, Description: "Shows the collation order locale."})
	define(&GUC{Name: "lc_ctype", Default: "C", ReadOnly: true, Description: "Shows the character classification and case conversion locale."})
	define(&GUC{Name: "block_size", Default: "8192", ReadOnly: true, Description: "Shows the size of a disk block."})
	// Settings pg_dump's output begins with. Each has its PostgreSQL meaning in pgtidb:
	// check_function_bodies and xmloption govern CREATE FUNCTION and xml values, which pgtidb
	// refuses whatever they say; row_security = off only turns queries that row-level security
	// would filter into errors, and pgtidb has no policies (CREATE POLICY is refused); the
	// default tablespace and table access method are the only ones pgtidb has.
	define(&GUC{Name: "check_function_bodies", Default: "on", Normalize: normalizeBool, Description: "Check routine bodies during CREATE FUNCTION and CREATE PROCEDURE."})
	define(&GUC{Name: "xmloption", Default: "content", Normalize: namedOneOf("xmloption", "content", "document"), Description: "Sets whether XML data in implicit parsing and serialization operations is to be considered as documents or content fragments."})
	define(&GUC{Name: "row_security", Default: "on", Normalize: normalizeBool, Description: "Enable row security."})
	define(&GUC{Name: "default_tablespace", Default: "", Normalize: existingName("default_tablespace", "Tablespace", "", "pg_default"), Description: "Sets the default tablespace to create tables and indexes in."})
	define(&GUC{Name: "default_table_access_method", Default: "heap", Normalize: existingName("default_table_access_method", "Table access method", "heap"), Description: "Sets the default table access method for new tables."})
	// Planner and resource knobs: accepted and shown as PostgreSQL does; they change how
	// PostgreSQL plans, never what a query returns, and TiDB has its own planner.
	for _, g := range []struct{ name, def, desc string }{
		{"work_mem", "4MB", "Sets the maximum memory to be used for query workspaces."},
		{"maintenance_work_mem", "64MB", "Sets the maximum memory to be used for maintenance operations."},
		{"jit", "on", "Allow JIT compilation."},
		{"synchronous_commit", "on", "Sets the current transaction's synchronization level."},
		{"enable_seqscan", "on", "Enables the planner's use of sequential-scan plans."},
		{"random_page_cost", "4", "Sets the planner's estimate of the cost of a nonsequentially fetched disk page."},
		{"max_parallel_workers_per_gather", "2", "Sets the maximum number of parallel processes per executor node."},
		{"lc_messages", "C", "Sets the language in which messages are displayed."},
		{"escape_string_warning", "on", "Warn about backslash escapes in ordinary string literals."},
	} {
		define(&GUC{Name: g.name, Default: g.def, Normalize: any, Description: g.desc})
	}
}

// LookupGUC returns the definition of a parameter (case-insensitive), or nil.
func LookupGUC(name string) *GUC { return gucs[strings.ToLower(name)] }

// GUCs is the session's view of the configuration parameters. The zero value is not usable;
// use NewGUCs.
type GUCs struct {
	values map[string]string // lower-case name → value, only for values that differ from default
	// local holds the values SET LOCAL replaced, restored at transaction end.
	reported map[string]string // last value sent in ParameterStatus
	// locName and loc cache the *time.Location of the TimeZone value locName.
	locName string
	loc     *time.Location
}

// NewGUCs returns the parameters at their defaults, with startup-packet options applied.
func NewGUCs() *GUCs {
	return &GUCs{values: map[string]string{}, reported: map[string]string{}}
}

// Get returns a parameter's current value and whether the parameter exists.
func (s *GUCs) Get(name string) (string, bool) {
	key := strings.ToLower(name)
	if v, ok := s.values[key]; ok {
		return v, true
	}
	if g := gucs[key]; g != nil {
		return g.Default, true
	}
	return "", false
}

// Set validates and stores a value. Custom parameters (with a dot, like myapp.user_id) are
// accepted as PostgreSQL accepts placeholders.
func (s *GUCs) Set(name, value string) error {
	key := strings.ToLower(name)
	g := gucs[key]
	if g == nil {
		if strings.Contains(key, ".") {
			s.values[key] = value
			return nil
		}
		return pgerror.Newf(pgerrcode.UndefinedObject, "unrecognized configuration parameter %q", name)
	}
	if g.ReadOnly {
		return pgerror.Newf(pgerrcode.CantChangeRuntimeParam, "parameter %q cannot be changed", g.Name)
	}
	v, err := g.Normalize(value)
	if err != nil {
		return err
	}
	s.values[key] = v
	return nil
}

// SetStartup applies a startup-packet parameter; unknown names are ignored as options the
// server cannot honour are reported by PostgreSQL only for real GUCs.
func (s *GUCs) SetStartup(name, value string) error {
	if g := LookupGUC(name); g == nil || g.ReadOnly {
		if g == nil && !strings.Contains(name, ".") {
			return pgerror.Newf(pgerrcode.UndefinedObject, "unrecognized configuration parameter %q", name)
		}
		return nil
	}
	return s.Set(name, value)
}

// Reset returns a parameter to its default.
func (s *GUCs) Reset(name string) error {
	key := strings.ToLower(name)
	if g := gucs[key]; g == nil && !strings.Contains(key, ".") {
		return pgerror.Newf(pgerrcode.UndefinedObject, "unrecognized configuration parameter %q", name)
	} else if g != nil && g.ReadOnly {
		return pgerror.Newf(pgerrcode.CantChangeRuntimeParam, "parameter %q cannot be changed", g.Name)
	}
	delete(s.values, key)
	return nil
}

// ResetAll returns every settable parameter to its default.
func (s *GUCs) ResetAll() {
	for k := range s.values {
		delete(s.values, k)
	}
}

// Snapshot returns a copy of the current values, to Restore when a transaction or savepoint
// rolls back.
func (s *GUCs) Snapshot() map[string]string {
	m := make(map[string]string, len(s.values))
	for k, v := range s.values {
		m[k] = v
	}
	return m
}

// Restore puts back a Snapshot.
func (s *GUCs) Restore(snap map[string]string) {
	s.values = make(map[string]string, len(snap))
	for k, v := range snap {
		s.values[k] = v
	}
}

// CanonicalName returns PostgreSQL's spelling of a parameter name (SHOW's column name).
func CanonicalName(name string) string {
	if g := LookupGUC(name); g != nil {
		return g.Name
	}
	return strings.ToLower(name)
}

// Changed returns the GUC_REPORT parameters whose value differs from what was last reported,
// and marks them reported. At startup every reported parameter is returned.
func (s *GUCs) Changed() [][2]string {
	var out [][2]string
	for key, g := range gucs {
		if !g.Report {
			continue
		}
		v, _ := s.Get(key)
		if last, ok := s.reported[key]; ok && last == v {
			continue
		}
		s.reported[key] = v
		out = append(out, [2]string{g.Name, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// All lists every defined parameter with its current value, for SHOW ALL.
func (s *GUCs) All() []*GUC {
	out := make([]*GUC, 0, len(gucs))
	for _, g := range gucs {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// Location returns the session TimeZone as a *time.Location.
// The zone is loaded once per TimeZone value (LoadLocation reads the tz database), not once
// per statement.
func (s *GUCs) Location() *time.Location {
	v, _ := s.Get("TimeZone")
	if s.loc != nil && s.locName == v {
		return s.loc
	}
	loc, err := typemap.LoadZone(v)
	if err != nil {
		loc = time.UTC
	}
	s.locName, s.loc = v, loc
	return loc
}

// Millis returns a duration-valued parameter (statement_timeout…) in milliseconds.
func (s *GUCs) Millis(name string) int64 {
	v, _ := s.Get(name)
	ms, _ := parseMillis(v)
	return ms
}

// Int returns an integer-valued parameter.
func (s *GUCs) Int(name string) int {
	v, _ := s.Get(name)
	n, _ := strconv.Atoi(v)
	return n
}

func invalidValue(name, v string) *pgerror.Error {
	return pgerror.Newf(pgerrcode.InvalidParameterValue, "invalid value for parameter %q: %q", name, v)
}

func oneOf(allowed ...string) func(string) (string, error) {
	return func(v string) (string, error) {
		lv := strings.ToLower(strings.TrimSpace(v))
		for _, a := range allowed {
			if lv == a {
				return a, nil
			}
		}
		return "", invalidValue("", v).WithHint("Available values: " + strings.Join(allowed, ", ") + ".")
	}
}

// namedOneOf is oneOf with the parameter's name in the error, as PostgreSQL words it.
func namedOneOf(name string, allowed ...string) func(string) (string, error) {
	return func(v string) (string, error) {
		lv := strings.ToLower(strings.TrimSpace(v))
		for _, a := range allowed {
			if lv == a {
				return a, nil
			}
		}
		return "", invalidValue(name, v).WithHint("Available values: " + strings.Join(allowed, ", ") + ".")
	}
}

// existingName accepts the names of the objects of one kind that pgtidb has (PostgreSQL's
// built-in tablespaces and access methods that mean "the default"); any other name is an
// object that does not exist, PostgreSQL's 22023 with its detail.
func existingName(param, kind string, existing ...string) func(string) (string, error) {
	return func(v string) (string, error) {
		for _, e := range existing {
			if v == e {
				return v, nil
			}
		}
		return "", invalidValue(param, v).WithDetail(fmt.Sprintf("%s %q does not exist.", kind, v))
	}
}

func normalizeBool(v string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "on", "true", "yes", "1", "t", "y":
		return "on", nil
	case "off", "false", "no", "0", "f", "n":
		return "off", nil
	}
	return "", pgerror.Newf(pgerrcode.InvalidParameterValue, "parameter requires a Boolean value")
}

func normalizeEncoding(v string) (string, error) {
	switch strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(v), "-", "")) {
	case "UTF8", "UNICODE":
		return "UTF8", nil
	}
	return "", pgerror.Newf(pgerrcode.FeatureNotSupported, "client_encoding %q is not supported by pgtidb", v).WithHint("pgtidb speaks UTF8 only.")
}

func normalizeDateStyle(v string) (string, error) {
	parts := strings.Split(strings.ToUpper(strings.ReplaceAll(v, " ", "")), ",")
	style, order := "ISO", "MDY"
	for _, p := range parts {
		switch p {
		case "ISO":
		case "MDY", "US", "NONEURO", "NONEUROPEAN", "DEFAULT":
		case "":
		case "DMY", "YMD", "EURO", "EUROPEAN", "SQL", "POSTGRES", "GERMAN":
			return "", pgerror.Newf(pgerrcode.FeatureNotSupported, "DateStyle %q is not supported by pgtidb", v).WithHint("pgtidb formats dates as ISO, MDY.")
		default:
			return "", pgerror.Newf(pgerrcode.InvalidParameterValue, "invalid value for parameter \"DateStyle\": %q", v)
		}
	}
	return style + ", " + order, nil
}

func normalizeTimeZone(v string) (string, error) {
	name := strings.TrimSpace(v)
	switch strings.ToLower(name) {
	case "utc", "gmt", "zulu", "universal":
		if strings.ToLower(name) == "utc" || strings.ToLower(name) == "gmt" {
			return strings.ToUpper(name), nil
		}
		return titleZone(name), nil
	}
	// A number is an offset in hours east of Greenwich (ISO's sign, not POSIX's), stored as
	// the POSIX zone PostgreSQL makes of it.
	if h, err := strconv.ParseFloat(name, 64); err == nil && !strings.ContainsAny(name, "eEnNxX") {
		return fixedZone(int(math.Round(h * 3600)))
	}
	if !strings.Contains(name, "/") && strings.ContainsAny(name, "+-0123456789") {
		// A POSIX offset zone ("<+05:30>-05:30", "UTC+3"), kept as written (PostgreSQL spells
		// the bracketed abbreviation in upper case).
		if i := strings.IndexByte(name, '>'); strings.HasPrefix(name, "<") && i > 0 {
			name = strings.ToUpper(name[:i]) + name[i:]
		}
		if _, err := typemap.LoadZone(name); err == nil {
			return name, nil
		} else if errors.Is(err, typemap.ErrZoneOffsetRange) {
			return "", errZoneOffsetRange()
		}
	}
	// PostgreSQL matches zone names case-insensitively and shows the canonical spelling.
	for _, candidate := range []string{name, titleZone(name), strings.ToUpper(name)} {
		if _, err := time.LoadLocation(candidate); err == nil {
			return candidate, nil
		}
	}
	return "", pgerror.Newf(pgerrcode.InvalidParameterValue, "invalid value for parameter \"TimeZone\": %q", v)
}

// fixedZone is the TimeZone value of a fixed offset east of Greenwich, as PostgreSQL stores
// SET TIME ZONE 5 or SET TIME ZONE INTERVAL '+05:30' HOUR TO MINUTE ("<+05:30>-05:30").
func fixedZone(east int) (string, error) {
	if typemap.CheckZoneOffset(east) != nil {
		return "", errZoneOffsetRange()
	}
	return typemap.FixedZoneName(east), nil
}

// errZoneOffsetRange refuses a fixed zone TiDB cannot convert to (typemap.ErrZoneOffsetRange).
func errZoneOffsetRange() error { return pgerror.Unsupported("a time zone offset beyond ±14:00") }

// titleZone spells a zone name the way the tz database does: america/new_york → America/New_York.
func titleZone(name string) string {
	b := []byte(strings.ToLower(name))
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == '/' || c == '_' || c == '-'
	}
	return string(b)
}

func normalizeIsolation(v string) (string, error) {
	switch strings.ToLower(strings.Join(strings.Fields(v), " ")) {
	case "read committed", "read uncommitted":
		return strings.ToLower(v), nil
	case "repeatable read":
		return "repeatable read", nil
	case "serializable":
		return "", ErrSerializable
	}
	return "", pgerror.Newf(pgerrcode.InvalidParameterValue, "invalid value for parameter \"default_transaction_isolation\": %q", v)
}

func intRange(lo, hi int) func(string) (string, error) {
	return func(v string) (string, error) {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			return "", pgerror.Newf(pgerrcode.InvalidParameterValue, "invalid value for parameter: %q", v)
		}
		if n < lo || n > hi {
			return "", pgerror.Newf(pgerrcode.InvalidParameterValue, "%d is outside the valid range for parameter (%d .. %d)", n, lo, hi)
		}
		return strconv.Itoa(n), nil
	}
}

var millisUnits = []struct {
	suffix string
	ms     int64
}{{"ms", 1}, {"s", 1000}, {"min", 60000}, {"h", 3600000}, {"d", 86400000}}

func parseMillis(v string) (int64, error) {
	v = strings.TrimSpace(v)
	for i := len(millisUnits) - 1; i >= 0; i-- {
		u := millisUnits[i]
		if strings.HasSuffix(v, u.suffix) {
			num := strings.TrimSpace(strings.TrimSuffix(v, u.suffix))
			// "ms" also ends in "s": only accept a clean number.
			n, err := strconv.ParseFloat(num, 64)
			if err == nil {
				return int64(n * float64(u.ms)), nil
			}
		}
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0, err
	}
	return int64(n), nil
}

// normalizeMillis parses a duration (bare number = milliseconds) and displays it as PostgreSQL
// does: in the largest unit that divides it exactly.
func normalizeMillis(v string) (string, error) {
	ms, err := parseMillis(v)
	if err != nil || ms < 0 || ms > 2147483647 {
		return "", pgerror.Newf(pgerrcode.InvalidParameterValue, "invalid value for parameter: %q", v)
	}
	if ms == 0 {
		return "0", nil
	}
	for i := len(millisUnits) - 1; i >= 0; i-- {
		if ms%millisUnits[i].ms == 0 {
			return fmt.Sprintf("%d%s", ms/millisUnits[i].ms, millisUnits[i].suffix), nil
		}
	}
	return fmt.Sprintf("%dms", ms), nil
}

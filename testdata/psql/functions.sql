-- psql's function and extension listings (issue 4): pgtidb has no user functions, and its
-- pg_proc holds PostgreSQL 15's rows of the built-in functions it translates (names whose
-- every overload it lists: lower, max… have overloads over types pgtidb lacks).
\df
\df abs
\df round
\df split_part|sqrt
\dfa count
\dfa string_agg
\df no_such_function
\df public.*

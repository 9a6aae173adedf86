"""Schema reflection by SQLAlchemy's inspect() (e2e/sqlalchemy_test.go).

Usage: reflect.py URL

Creates a reference schema with plain SQL (two schemas, several column types, PK, UNIQUE,
CHECK and FK constraints, defaults, serial and identity columns, unique and multi-column
indexes, views, a sequence), then prints one JSON line per inspector call. The Go
test runs it against PostgreSQL 15 and against pgtidb and compares the lines. Nothing is
masked: inspect() returns names, not OIDs. A call that raises prints its exception class and
the SQLSTATE (pgcode), so that a refusal shows up as a difference rather than a crash.
"""
import json
import sys

import sqlalchemy
from sqlalchemy import create_engine, inspect, text

SCHEMA = [
    "CREATE SCHEMA app",
    """CREATE TABLE people (
        id serial PRIMARY KEY,
        name varchar(50) NOT NULL,
        born date,
        score numeric(5,2) CHECK (score >= 0),
        active boolean DEFAULT true,
        note varchar(20) UNIQUE,
        bio text,
        ratio double precision,
        small smallint DEFAULT 7,
        created timestamp DEFAULT CURRENT_TIMESTAMP,
        ch char(3))""",
    """CREATE TABLE app.orders (
        id bigint PRIMARY KEY,
        person_id int REFERENCES people (id) ON DELETE CASCADE,
        total numeric(10,2) DEFAULT 0,
        placed timestamptz,
        code varchar(12) NOT NULL,
        CONSTRAINT orders_code_key UNIQUE (code),
        CONSTRAINT orders_total_check CHECK (total >= 0))""",
    """CREATE TABLE app.lines (
        order_id bigint NOT NULL,
        line int NOT NULL,
        qty int DEFAULT 1,
        payload jsonb,
        ident uuid,
        PRIMARY KEY (order_id, line),
        FOREIGN KEY (order_id) REFERENCES app.orders (id) ON UPDATE CASCADE ON DELETE RESTRICT)""",
    "CREATE TABLE tagged (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tag text, big bigserial)",
    "CREATE INDEX orders_person_idx ON app.orders (person_id, placed)",
    "CREATE UNIQUE INDEX people_name_born ON people (name, born)",
    "CREATE INDEX people_score_idx ON people (score)",
    "CREATE VIEW adults AS SELECT id, name FROM people WHERE born < '2000-01-01'",
    "CREATE VIEW app.big_orders AS SELECT id, total FROM app.orders WHERE total > 100",
    "CREATE SEQUENCE app.counter START 10",
]

TABLES = [(None, "people"), (None, "tagged"), ("app", "orders"), ("app", "lines")]


def out(call, fn):
    try:
        result = fn()
    except Exception as e:  # reported, compared with the other server's result
        orig = getattr(e, "orig", None)
        result = {"error": type(e).__name__, "pgcode": getattr(orig, "pgcode", None),
                  "message": str(orig if orig is not None else e).split("\n")[0]}
    print(json.dumps({"call": call, "result": result}, sort_keys=True, default=str))
    sys.stdout.flush()


def columns(insp, table, schema):
    cols = insp.get_columns(table, schema=schema)
    for c in cols:
        c["type"] = repr(c["type"])
    return cols


def main():
    # SQLAlchemy names the dialect postgresql://; the Go test's DSNs say postgres://.
    url = sys.argv[1]
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    engine = create_engine(url)
    with engine.begin() as conn:
        for stmt in SCHEMA:
            conn.execute(text(stmt))
    insp = inspect(engine)
    out("sqlalchemy", lambda: sqlalchemy.__version__.split(".")[0])
    out("default_schema_name", lambda: insp.default_schema_name)
    out("get_schema_names", lambda: sorted(insp.get_schema_names()))
    for schema in (None, "app"):
        out("get_table_names %s" % schema, lambda: sorted(insp.get_table_names(schema=schema)))
        out("get_view_names %s" % schema, lambda: sorted(insp.get_view_names(schema=schema)))
        out("get_sequence_names %s" % schema, lambda: sorted(insp.get_sequence_names(schema=schema)))
    for schema, table in TABLES:
        name = "%s.%s" % (schema, table)
        out("has_table " + name, lambda: insp.has_table(table, schema=schema))
        out("get_columns " + name, lambda: columns(insp, table, schema))
        out("get_pk_constraint " + name, lambda: insp.get_pk_constraint(table, schema=schema))
        out("get_foreign_keys " + name, lambda: insp.get_foreign_keys(table, schema=schema))
        out("get_indexes " + name,
            lambda: sorted(insp.get_indexes(table, schema=schema), key=lambda i: i["name"]))
        out("get_unique_constraints " + name,
            lambda: sorted(insp.get_unique_constraints(table, schema=schema), key=lambda u: u["name"]))
        out("get_check_constraints " + name,
            lambda: sorted(insp.get_check_constraints(table, schema=schema), key=lambda c: c["name"]))
        out("get_table_comment " + name, lambda: insp.get_table_comment(table, schema=schema))
    out("has_table missing", lambda: insp.has_table("missing"))
    out("has_table app.people", lambda: insp.has_table("people", schema="app"))
    out("get_view_definition adults",
        lambda: " ".join(insp.get_view_definition("adults").split()))
    out("get_columns adults", lambda: columns(insp, "adults", None))
    out("has_sequence app.counter", lambda: insp.has_sequence("counter", schema="app"))
    out("get_sorted_table_and_fkc_names app",
        lambda: [[t, sorted(map(str, fks))] for t, fks in insp.get_sorted_table_and_fkc_names(schema="app")])


if __name__ == "__main__":
    main()

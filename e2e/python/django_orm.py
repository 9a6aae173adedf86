"""Django's ORM against one server: e2e/django_test.go runs it on PostgreSQL 15 and on pgtidb
and compares what it prints, one JSON line per step.

Usage: django_orm.py postgres://user@host:port/db

The steps are what a Django application does on its first deployment and in its views: the
migrations of django.contrib.contenttypes and django.contrib.auth (tables, foreign keys
DEFERRABLE INITIALLY DEFERRED, varchar_pattern_ops indexes, SET CONSTRAINTS), migrate again
(nothing to do), then the ORM over those models: INSERT … RETURNING, bulk_create, many-to-many
rows, lookups (exact, iexact, icontains, startswith, in, range, isnull), select_related and
prefetch_related, aggregates and annotations, update and delete (Django collects related rows
itself), get_or_create inside atomic() (savepoints), and a transaction rolled back. Then the
schema changes of an application's own migrations (app "shop", models defined here), applied one
schema-editor operation at a time, each printed with its outcome and the introspected tables.
"""
import io
import json
import sys
from urllib.parse import urlparse

import django
from django.conf import settings

u = urlparse(sys.argv[1])
settings.configure(
    DATABASES={"default": {"ENGINE": "django.db.backends.postgresql", "NAME": u.path.lstrip("/"),
                           "USER": u.username, "HOST": u.hostname, "PORT": str(u.port)}},
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
    USE_TZ=True,
    DEFAULT_AUTO_FIELD="django.db.models.AutoField",
)
django.setup()

from django.contrib.auth.models import Group, Permission, User  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import IntegrityError, connection, transaction  # noqa: E402
from django.db.models import Count, F, Max, Q  # noqa: E402


def out(step, result):
    print(json.dumps({"step": step, "result": result}, sort_keys=True, default=str), flush=True)


def attempt(step, fn):
    """Prints fn()'s result, or the SQLSTATE of the error it raised (the transaction is then
    rolled back, as Django's autocommit does)."""
    try:
        out(step, fn())
    except django.db.Error as e:
        cause = e.__cause__
        out(step, "ERROR " + str(getattr(cause, "pgcode", None) or type(e).__name__))


def migrate(step):
    buf = io.StringIO()
    call_command("migrate", verbosity=1, stdout=buf, no_color=True)
    out(step, [line for line in buf.getvalue().splitlines() if line.strip()])


migrate("migrate")
migrate("migrate again")
out("tables", sorted(t for t in connection.introspection.table_names() if not t.startswith("pg_")))
intro = connection.introspection
with connection.cursor() as c:
    attempt("sequences", lambda: sorted(s["table"] + "." + s["column"] for s in intro.sequence_list()))
    attempt("auth_user description", lambda: [(d.name, d.type_code, d.null_ok) for d in intro.get_table_description(c, "auth_user")])
    attempt("auth_user_groups relations", lambda: sorted(intro.get_relations(c, "auth_user_groups").items()))
    attempt("auth_user_groups key columns", lambda: sorted(intro.get_key_columns(c, "auth_user_groups")))
    attempt("auth_user primary key", lambda: intro.get_primary_key_column(c, "auth_user"))
    attempt("auth_user_groups constraints", lambda: sorted((k, v["columns"], v["primary_key"], v["unique"], v["foreign_key"], v["index"])
                                                            for k, v in intro.get_constraints(c, "auth_user_groups").items()))

staff = Group.objects.create(name="staff")
admins = Group.objects.create(name="admins")
out("groups", list(Group.objects.order_by("id").values_list("id", "name")))
ann = User.objects.create_user("ann", "ann@example.org", "pw", first_name="Ann")
bob = User.objects.create_user("bob", "bob@example.org", "pw", first_name="Bob", is_staff=True)
out("users", list(User.objects.order_by("id").values_list("id", "username", "email", "is_staff")))
ann.groups.add(staff, admins)
bob.groups.add(staff)
User.objects.bulk_create([User(username="u%d" % i, email="u%d@example.org" % i, is_active=i % 2 == 0) for i in range(5)])
out("bulk ids", list(User.objects.filter(username__startswith="u").order_by("id").values_list("id", flat=True)))
ct = ContentType.objects.get_for_model(User)
out("content type", [ct.app_label, ct.model])
out("permissions", Permission.objects.filter(content_type=ct).count())
perm = Permission.objects.get(codename="change_user")
staff.permissions.add(perm)
out("has perm", [User.objects.get(username="ann").has_perm("auth.change_user"),
                 User.objects.get(username="u0").has_perm("auth.change_user")])

out("exact", list(User.objects.filter(username="ann").values_list("email", flat=True)))
out("iexact", list(User.objects.filter(username__iexact="BOB").values_list("username", flat=True)))
out("icontains", list(User.objects.filter(email__icontains="EXAMPLE").order_by("username").values_list("username", flat=True)))
out("in", list(User.objects.filter(id__in=[ann.id, bob.id]).order_by("-id").values_list("username", flat=True)))
out("range", User.objects.filter(id__range=(ann.id, ann.id + 3)).count())
out("isnull", User.objects.filter(last_login__isnull=True).count())
out("q", list(User.objects.filter(Q(is_staff=True) | Q(username__endswith="3")).order_by("username").values_list("username", flat=True)))
out("join", list(User.objects.filter(groups__name="staff").order_by("username").values_list("username", flat=True)))
out("annotate", list(Group.objects.annotate(n=Count("user")).order_by("name").values_list("name", "n")))
out("aggregate", User.objects.filter(is_active=True).aggregate(n=Count("id"), top=Max("username")))
out("prefetch", [(u.username, sorted(g.name for g in u.groups.all())) for u in
                 User.objects.filter(username__in=["ann", "bob"]).order_by("username").prefetch_related("groups")])
out("select_related", [(p.codename, p.content_type.model) for p in
                       Permission.objects.select_related("content_type").filter(codename__startswith="add_").order_by("codename")[:3]])
out("update", User.objects.filter(username__startswith="u").update(first_name=F("username")))
out("after update", list(User.objects.filter(username__startswith="u").order_by("id").values_list("first_name", flat=True)))
out("values distinct", list(User.objects.values_list("is_active", flat=True).distinct().order_by("is_active")))
out("exists", [User.objects.filter(username="ann").exists(), User.objects.filter(username="zed").exists()])
out("slice", list(User.objects.order_by("username").values_list("username", flat=True)[2:4]))

g, created = Group.objects.get_or_create(name="staff")
out("get_or_create existing", [g.name, created])
g, created = Group.objects.get_or_create(name="ops")
out("get_or_create new", [g.name, created])
try:
    with transaction.atomic():
        Group.objects.create(name="staff")
    out("duplicate", "no error")
except IntegrityError as e:
    out("duplicate", type(e).__name__)
with transaction.atomic():
    Group.objects.create(name="temp")
    try:
        with transaction.atomic():
            User.objects.create(username="ann")
    except IntegrityError as e:
        out("savepoint rollback", type(e).__name__)
    out("after savepoint", Group.objects.filter(name="temp").count())
try:
    with transaction.atomic():
        User.objects.create(username="gone")
        raise RuntimeError("roll back")
except RuntimeError:
    pass
out("rolled back", User.objects.filter(username="gone").count())

out("delete group", Group.objects.filter(name="admins").delete())
out("delete user", User.objects.filter(username="bob").delete())
out("remaining", list(User.objects.order_by("username").values_list("username", flat=True)))
out("memberships", list(User.groups.through.objects.order_by("user__username", "group__name").values_list("user__username", "group__name")))

# Schema evolution: the migrations of an application of our own ("shop"), applied one operation
# at a time through the schema editor, as `migrate` applies them. After each step: "ok" or the
# SQLSTATE, then the introspected tables (columns and constraints, as the migration autodetector
# and inspectdb see them) and their rows.
from decimal import Decimal  # noqa: E402

from django.db import models  # noqa: E402


def describe(table):
    with connection.cursor() as c:
        if table not in connection.introspection.table_names(c):
            return None
        cols = [(d.name, d.type_code, d.display_size, d.precision, d.scale, d.null_ok, d.default)
                for d in intro.get_table_description(c, table)]
        cons = sorted((k, v["columns"], v["primary_key"], v["unique"], v["foreign_key"], v["check"],
                       v["index"], v.get("type"), v.get("orders"))
                      for k, v in intro.get_constraints(c, table).items())
        c.execute('SELECT * FROM "%s" ORDER BY 1' % table)
        rows = [list(r) for r in c.fetchall()]
    return {"columns": cols, "constraints": cons, "rows": rows}


def schema_step(step, fn, *tables):
    try:
        with connection.schema_editor() as ed:
            fn(ed)
        outcome = "ok"
    except django.db.Error as e:
        outcome = "ERROR " + str(getattr(e.__cause__, "pgcode", None) or type(e).__name__)
    out("shop " + step, {"outcome": outcome, "tables": {t: describe(t) for t in tables}})


def sql(*stmts):
    with connection.cursor() as c:
        for s in stmts:
            c.execute(s)


def field(model, name):
    return model._meta.get_field(name)


def clone(model, name, new_name=None, **changes):
    """A copy of model's field name with the given constructor arguments changed (what the
    next migration's AlterField/RenameField declares)."""
    f = field(model, name)
    _, _, args, kwargs = f.deconstruct()
    kwargs.update(changes)
    nf = type(f)(*args, **kwargs)
    nf.set_attributes_from_name(new_name or name)
    nf.model = model
    return nf


class Category(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = "shop"


class Product(models.Model):
    name = models.CharField(max_length=100, db_index=True)
    price = models.DecimalField(max_digits=8, decimal_places=2)

    class Meta:
        app_label = "shop"


class Tag(models.Model):
    label = models.SlugField(max_length=30, unique=True)

    class Meta:
        app_label = "shop"


P, C, T = "shop_product", "shop_category", "shop_tag"
schema_step("create category", lambda ed: ed.create_model(Category), C)
schema_step("create product", lambda ed: ed.create_model(Product), P)
sql("INSERT INTO shop_category (name) VALUES ('tools'), ('toys')",
    "INSERT INTO shop_product (name, price) VALUES ('hammer', 9.5), ('saw', 12), ('kite', 7.25)")

stock = models.IntegerField(null=True)
stock.set_attributes_from_name("stock")
schema_step("add nullable field", lambda ed: ed.add_field(Product, stock), P)
Product.add_to_class("stock", stock)
sql("UPDATE shop_product SET stock = 3 WHERE name = 'saw'")

sku = models.CharField(max_length=20, default="none")
sku.set_attributes_from_name("sku")
schema_step("add field with default", lambda ed: ed.add_field(Product, sku), P)
Product.add_to_class("sku", sku)

new = clone(Product, "name", max_length=200)
schema_step("longer varchar", lambda ed: ed.alter_field(Product, field(Product, "name"), new), P)
new = clone(Product, "name", max_length=4)
schema_step("varchar too short", lambda ed: ed.alter_field(Product, field(Product, "name"), new), P)
new = clone(Product, "name", max_length=150)
schema_step("shorter varchar", lambda ed: ed.alter_field(Product, clone(Product, "name", max_length=200), new), P)
Product._meta.get_field("name").max_length = 150



class Note(models.Model):
    body = models.TextField()
    rank = models.IntegerField(null=True)

    class Meta:
        app_label = "shop"


N = "shop_note"
schema_step("create note", lambda ed: ed.create_model(Note), N)
sql("INSERT INTO shop_note (body, rank) VALUES ('a', NULL), ('b', 2)")
schema_step("null to not null over nulls without default", lambda ed: ed.alter_field(Note, field(Note, "rank"), clone(Note, "rank", null=False)), N)
# Django fills the NULLs (UPDATE) and then sets NOT NULL, in one transaction (gap
# transactional-ddl: pgtidb refuses DDL after writes in a transaction block).
schema_step("null to not null over nulls", lambda ed: ed.alter_field(Note, field(Note, "rank"), clone(Note, "rank", null=False, default=0)), N)
schema_step("delete note", lambda ed: ed.delete_model(Note), N)
# A data migration fills the NULLs first: the UPDATE of the schema change then writes no row.
sql("UPDATE shop_product SET stock = 0 WHERE stock IS NULL")
new = clone(Product, "stock", null=False, default=0)
schema_step("null to not null with default", lambda ed: ed.alter_field(Product, field(Product, "stock"), new), P)
# A default set outside Django (a database default): ALTER COLUMN … DROP NOT NULL and TYPE keep it.
schema_step("set a default", lambda ed: ed.execute('ALTER TABLE "shop_product" ALTER COLUMN "stock" SET DEFAULT 5'), P)
schema_step("not null to null keeping a default", lambda ed: ed.alter_field(Product, new, clone(Product, "stock", null=True, default=0)), P)
new_stock = new
new = clone(Product, "stock", null=False, default=0, db_index=True)
schema_step("add db_index", lambda ed: ed.alter_field(Product, new_stock, new), P)
indexed_stock = new
new = models.BigIntegerField(default=0)
new.set_attributes_from_name("stock")
new.model = Product
schema_step("integer to bigint", lambda ed: ed.alter_field(Product, indexed_stock, new), P)
big_stock = new
new = models.BigIntegerField(default=0)
new.set_attributes_from_name("stock")
new.model = Product
schema_step("remove db_index", lambda ed: ed.alter_field(Product, big_stock, new), P)

sql("INSERT INTO shop_product (name, price, sku) VALUES ('nail', 0.1, 'n')", "DELETE FROM shop_product WHERE name = 'nail'")
schema_step("drop the default", lambda ed: ed.execute('ALTER TABLE "shop_product" ALTER COLUMN "stock" DROP DEFAULT'), P)
schema_step("unique on duplicates", lambda ed: ed.alter_field(Product, field(Product, "sku"), clone(Product, "sku", unique=True)), P)
schema_step("rename field", lambda ed: ed.alter_field(Product, field(Product, "sku"), clone(Product, "sku", "code")), P)
sql("UPDATE shop_product SET code = name")
code = clone(Product, "sku", "code")
schema_step("unique field", lambda ed: ed.alter_field(Product, code, clone(Product, "sku", "code", unique=True)), P)
unique_code = clone(Product, "sku", "code", unique=True)
schema_step("drop unique", lambda ed: ed.alter_field(Product, unique_code, code), P)

category = models.ForeignKey(Category, null=True, on_delete=models.CASCADE)
category.set_attributes_from_name("category")
schema_step("add foreign key", lambda ed: ed.add_field(Product, category), P, C)
Product.add_to_class("category", category)
sql("UPDATE shop_product SET category_id = 1 WHERE name <> 'kite'", "UPDATE shop_product SET category_id = 2 WHERE name = 'kite'")
attempt("shop bad category", lambda: sql("UPDATE shop_product SET category_id = 99 WHERE name = 'kite'"))

schema_step("unique together", lambda ed: ed.alter_unique_together(Product, [], [("name", "category")]), P)
schema_step("add index", lambda ed: ed.add_index(Product, models.Index(fields=["price", "-name"], name="shop_price_name_idx")), P)
schema_step("remove index", lambda ed: ed.remove_index(Product, models.Index(fields=["price", "-name"], name="shop_price_name_idx")), P)
schema_step("unique together removed", lambda ed: ed.alter_unique_together(Product, [("name", "category")], []), P)

schema_step("create tag", lambda ed: ed.create_model(Tag), T)
tags = models.ManyToManyField(Tag)
Product.add_to_class("tags", tags)
schema_step("add many-to-many", lambda ed: ed.add_field(Product, tags), P, T, "shop_product_tags")
sql("INSERT INTO shop_tag (label) VALUES ('sale')", "INSERT INTO shop_product_tags (product_id, tag_id) VALUES (1, 1), (3, 1)")
attempt("shop duplicate membership", lambda: sql("INSERT INTO shop_product_tags (product_id, tag_id) VALUES (1, 1)"))
schema_step("remove many-to-many", lambda ed: ed.remove_field(Product, tags), P, "shop_product_tags")
Product._meta.local_many_to_many.remove(tags)
Product._meta._expire_cache()

schema_step("remove field", lambda ed: ed.remove_field(Product, field(Product, "stock")), P)
# PostgreSQL keeps the primary key's name (shop_product_pkey) (gap renamed-pkey).
schema_step("rename table", lambda ed: ed.alter_db_table(Product, P, "shop_goods"), P, "shop_goods")
sql("INSERT INTO shop_goods (name, price, code) VALUES ('glue', 2, 'g')")
with connection.cursor() as c:
    out("shop sequences", intro.get_sequences(c, "shop_goods"))
attempt("shop delete referenced", lambda: sql("DELETE FROM shop_category WHERE id = 1"))
schema_step("rename table back", lambda ed: ed.alter_db_table(Product, "shop_goods", P), P, "shop_goods")
# DROP TABLE … CASCADE of a referenced table drops the foreign key (gap drop-cascade-fk).
schema_step("delete referenced model", lambda ed: ed.delete_model(Category), C, P)
schema_step("delete product", lambda ed: ed.delete_model(Product), P)
sql("DROP TABLE IF EXISTS shop_category")
schema_step("delete tag", lambda ed: ed.delete_model(Tag), C, T)
out("shop tables", sorted(t for t in intro.table_names() if t.startswith("shop_")))

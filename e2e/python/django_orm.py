"""Django's ORM against one server: e2e/django_test.go runs it on PostgreSQL 15 and on pgtidb
and compares what it prints, one JSON line per step.

Usage: django_orm.py postgres://user@host:port/db

The steps are what a Django application does on its first deployment and in its views: the
migrations of django.contrib.contenttypes and django.contrib.auth (tables, foreign keys
DEFERRABLE INITIALLY DEFERRED, varchar_pattern_ops indexes, SET CONSTRAINTS), migrate again
(nothing to do), then the ORM over those models: INSERT … RETURNING, bulk_create, many-to-many
rows, lookups (exact, iexact, icontains, startswith, in, range, isnull), select_related and
prefetch_related, aggregates and annotations, update and delete (Django collects related rows
itself), get_or_create inside atomic() (savepoints), and a transaction rolled back.
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

from django.core.management.base import BaseCommand
from django.db.models import Count, Q

from lawdb.laws.models import Jurisdiction, Law, Resource, Verification


class Command(BaseCommand):
    help = "Count laws and resources by verification state, overall and per jurisdiction."

    def add_arguments(self, parser):
        parser.add_argument("--prefix", default="", help="only jurisdictions starting with this")
        parser.add_argument(
            "--incomplete", action="store_true", help="list jurisdictions not fully verified"
        )

    def handle(self, *args, prefix, incomplete, **options):
        laws = Law.objects.filter(jurisdiction__code__startswith=prefix)
        total = laws.count()
        self.stdout.write(
            f"jurisdictions: {Jurisdiction.objects.filter(code__startswith=prefix).count()}"
        )
        self.stdout.write(f"laws: {total}")
        for state in Verification.values:
            n = laws.filter(verification=state).count()
            share = f"{100 * n / total:.1f}%" if total else "-"
            self.stdout.write(f"  {state:<11} {n:>5}  {share}")
        resources = Resource.objects.filter(Q(home__code__startswith=prefix) | Q(home__isnull=True))
        self.stdout.write(f"resources: {resources.count()}")
        for state in Verification.values:
            self.stdout.write(f"  {state:<11} {resources.filter(verification=state).count():>5}")
        if incomplete:
            rows = (
                Jurisdiction.objects.filter(code__startswith=prefix)
                .annotate(
                    n=Count("laws"),
                    ok=Count("laws", filter=Q(laws__verification=Verification.VERIFIED)),
                )
                .order_by("code")
            )
            self.stdout.write("not fully verified:")
            for j in rows:
                if j.ok < j.n or j.n == 0:
                    self.stdout.write(f"  {j.code}: {j.ok}/{j.n} verified")

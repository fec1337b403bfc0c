from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class Term(models.Model):
    """A word the data knows (from titles, summaries, places and the field's vocabulary), for
    correcting typos with trigram similarity. Rebuilt whenever the data loads."""

    word = models.CharField(max_length=60, unique=True, help_text="Lower-case, unaccented word.")
    frequency = models.PositiveIntegerField(default=1, help_text="How often it occurs.")
    place = models.BooleanField(default=False, help_text="Part of a jurisdiction's name.")

    class Meta:
        indexes = [GinIndex(OpClass("word", name="gin_trgm_ops"), name="term_word_trgm_idx")]
        constraints = [
            models.CheckConstraint(condition=~models.Q(word=""), name="term_word_not_empty")
        ]

    def __str__(self):
        return self.word


class Entry(models.Model):
    """What the first phase of a search reads of one law, in a narrow table: the columns that
    score and count it, its concepts, and its document stored out of line, so that a scan past
    hundreds of laws reads a few pages instead of their texts. Rebuilt from the laws by the
    loader's index refresh, and for one law when it is saved."""

    law = models.OneToOneField(
        "laws.Law", on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    key = models.CharField(max_length=160)
    jurisdiction_id = models.CharField(max_length=8)
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=16)
    status = models.CharField(max_length=16)
    specific = models.BooleanField()
    covers_authentic = models.BooleanField()
    covers_synthetic = models.BooleanField()
    covers_threats = models.BooleanField()
    covers_creation = models.BooleanField()
    covers_minors = models.BooleanField()
    enacted = models.DateField(null=True)
    base = models.FloatField(help_text="The score every query gives it: specific, in force.")
    child = models.BooleanField(help_text="Its title is about children's images.")
    countrywide = models.BooleanField(help_text="A national or supranational law.")
    concepts = ArrayField(models.CharField(max_length=20), default=list)
    document = SearchVectorField()

    class Meta:
        indexes = [
            models.Index(fields=["jurisdiction_id", "position"], name="entry_place_pos_idx"),
            GinIndex(fields=["concepts"], name="entry_concepts_idx"),
            GinIndex(fields=["document"], name="entry_document_idx"),
            GinIndex(OpClass("key", name="gin_trgm_ops"), name="entry_key_trgm_idx"),
        ]

    def __str__(self):
        return self.key

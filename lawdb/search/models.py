from django.contrib.postgres.indexes import GinIndex, OpClass
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

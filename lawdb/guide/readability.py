"""Reading level of plain English text: Flesch-Kincaid grade and reading age (grade + 5)."""

import re

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SENTENCE_RE = re.compile(r"[.!?]+(?:\s|$)|\n{2,}")


def syllables(word: str) -> int:
    word = word.lower().strip("'’-")
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


def grade(text: str) -> float:
    words = WORD_RE.findall(text)
    sentences = [s for s in SENTENCE_RE.split(text) if WORD_RE.search(s)]
    if not words or not sentences:
        return 0.0
    syllable_count = sum(syllables(w) for w in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * syllable_count / len(words) - 15.59


def reading_age(text: str) -> float:
    return grade(text) + 5

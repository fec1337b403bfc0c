"""Reads a query the way a person means it: places, citations, the field's concepts, and the
words left over. Pure Python: the database is asked only for typo corrections and places."""

import re
import unicodedata
from dataclasses import dataclass, field

from .vocabulary import AMBIGUOUS_ABBREVIATIONS, CONCEPTS, FILLER, Concept

TOKEN_RE = re.compile(r"[A-Za-z0-9§][A-Za-z0-9.()\-:/'’]*")
YEAR_RE = re.compile(r"^(19|20)\d\d$")
OPERATOR_RE = re.compile(r'"|(^|\s)or(\s|$)|(^|\s)-\w', re.IGNORECASE)
SECTION_PREFIX_RE = re.compile(r"^(?:ss?|sec|secs|section|sections|art|article|§+)\.?", re.I)


def fold(text: str) -> str:
    """Lower case without accents: 'Québec' -> 'quebec'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def citation_fragment(token: str) -> str | None:
    """'§18.2-386.2' -> '18-2-386-2'; '647(j)(4)' -> '647-j-4'; 's.66B' -> '66b'; else None."""
    token = SECTION_PREFIX_RE.sub("", token.strip("§ ").replace("§", ""))
    if not any(ch.isdigit() for ch in token) or YEAR_RE.match(token):
        return None
    fragment = re.sub(r"[^a-z0-9]+", "-", fold(token)).strip("-")
    if len(fragment.replace("-", "")) < 2 or fragment.isdigit() and len(fragment) < 3:
        return None
    return fragment


@dataclass
class Place:
    code: str
    name: str
    level: str
    parent: str | None


@dataclass
class ParsedQuery:
    raw: str
    text: str = ""  # the query after typo corrections
    corrections: dict[str, str] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    websearch: str = ""  # leftover text, when the person used quotes, "or" or "-"

    @property
    def corrected(self) -> str | None:
        return self.text if self.corrections else None

    @property
    def has_text(self) -> bool:
        return bool(self.concepts or self.words or self.websearch)

    @property
    def is_empty(self) -> bool:
        return not (self.places or self.citations or self.has_text)


def tokens(text: str) -> list[str]:
    return [t.rstrip(".,;:?!)'’").lstrip("('’") or t for t in TOKEN_RE.findall(text)]


def typo_candidates(raw: str) -> list[str]:
    """Words worth checking against the vocabulary: alphabetic, not filler, 4+ letters."""
    out = []
    for token in tokens(raw):
        word = fold(token)
        if word.isalpha() and len(word) >= 4 and word not in FILLER and word not in out:
            out.append(word)
    return out


class PlaceIndex:
    """Names, codes and aliases of every jurisdiction, as token tuples."""

    def __init__(self, rows):
        self.by_tokens: dict[tuple[str, ...], Place] = {}
        self.longest = 1
        rows = list(rows)
        self.parents: dict[str, str | None] = {code: parent for code, _, _, parent, _ in rows}
        self.names: dict[str, str] = {code: name for code, name, _, _, _ in rows}
        self.levels: dict[str, str] = {code: level for code, _, level, _, _ in rows}
        # A place's own name and code win over another place's alias ("Washington" is the
        # state, whatever alias another place carries).
        for round_ in ("names", "aliases"):
            for code, name, level, parent, aliases in rows:
                place = Place(code, name, level, parent)
                if round_ == "names":
                    names = [name, code]
                else:
                    names = [*aliases, *([code.split("-", 1)[1]] if "-" in code else [])]
                for alias in names:
                    key = self.key(alias)
                    if key and key not in self.by_tokens:
                        self.by_tokens[key] = place
                        self.longest = max(self.longest, len(key))

    @staticmethod
    def key(text: str) -> tuple[str, ...]:
        return tuple(fold(t).replace(".", "") for t in tokens(text.replace("-", " ")) if t)


def parse(raw: str, places: PlaceIndex, corrections: dict[str, str] | None = None) -> ParsedQuery:
    raw = (raw or "").strip()[:300]
    result = ParsedQuery(raw=raw)
    corrections = corrections or {}
    original = tokens(raw)
    words = [corrections.get(fold(t), t) for t in original]
    result.corrections = {fold(t): corrections[fold(t)] for t in original if fold(t) in corrections}
    result.text = " ".join(words) if result.corrections else raw
    operators = bool(OPERATOR_RE.search(raw))

    # 1. places (longest match first); two-letter abbreviations that are words only in capitals
    used = [False] * len(words)
    keys = [fold(w).replace(".", "") for w in words]
    for size in range(min(places.longest, 4), 0, -1):
        for start in range(len(words) - size + 1):
            if any(used[start : start + size]):
                continue
            place = places.by_tokens.get(tuple(keys[start : start + size]))
            if place is None:
                continue
            if size == 1 and keys[start] in AMBIGUOUS_ABBREVIATIONS:
                token = words[start].replace(".", "")
                if not (token.isupper() or "." in words[start]):
                    continue
            if all(p.code != place.code for p in result.places):
                result.places.append(place)
            used[start : start + size] = [True] * size

    # 2. citations: section numbers in any spacing or punctuation
    for index, word in enumerate(words):
        if used[index]:
            continue
        fragment = citation_fragment(word)
        if fragment:
            result.citations.append(fragment)
            used[index] = True

    leftover = [w for w, u in zip(words, used, strict=True) if not u]
    if operators:
        # keep the person's quotes, "or" and "-" as typed; blank out places and citations
        text = result.text
        spans = [m.span() for m in TOKEN_RE.finditer(text)]
        for (start, end), was_used in zip(spans, used, strict=False):
            if was_used:
                text = text[:start] + " " * (end - start) + text[end:]
        result.websearch = " ".join(text.split())
        return result

    # 3. concepts: the field's phrases, longest first
    text = " " + " ".join(fold(w) for w in leftover) + " "
    for concept in CONCEPTS:
        for phrase in sorted(concept.phrases, key=len, reverse=True):
            pattern = f" {phrase} "
            if pattern in text:
                text = text.replace(pattern, " ")
                if concept not in result.concepts:
                    result.concepts.append(concept)
    # 4. what is left, less filler
    result.words = [w for w in text.split() if w not in FILLER and len(w) > 1]
    return result

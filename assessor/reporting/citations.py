"""Citations in a report: `[id]` in a source becomes `[n]`, numbered as the reference list is."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from assessor.domain.content import Content, citations, cited_references
from assessor.domain.schema import CITATION, Reference
from assessor.domain.text import DEFAULT_LANGUAGE, tr


@dataclass(frozen=True)
class Citations:
    """The references a content cites, numbered by first citation, and how to cite them."""

    entries: list[Reference]
    numbers: Mapping[str, int]

    @classmethod
    def of(cls, content: Content) -> Citations:
        """The content's citations: entry i of `cited_references` is number i + 1."""
        entries = cited_references(content)
        return cls(entries, {ref.id: n for n, ref in enumerate(entries, start=1)})

    def cite(self, source: str | dict[str, str] | None, lang: str) -> str:
        """A source text in the language, each `[id]` replaced by its number `[n]`.

        A source written in English only is cited by its numbers alone in a report in another
        language: the numbered reference list says who, and no English sentence is printed.
        """
        if lang != DEFAULT_LANGUAGE and not (isinstance(source, dict) and source.get(lang)):
            numbers = [self._number(ref) for ref in dict.fromkeys(citations(source))]
            return ", ".join(n for n in numbers if n)
        text = tr(source, lang)
        cited = re.sub(CITATION, lambda m: self._number(m.group(1)), text)
        return re.sub(r"\s+([.,;])", r"\1", re.sub(r"\s{2,}", " ", cited)).strip()

    def _number(self, ref: str) -> str:
        number = self.numbers.get(ref)
        return f"[{number}]" if number is not None else ""

    def listed(self, lang: str) -> list[str]:
        """The reference list, in citation order, one entry a line (the number is the list's)."""
        return [reference_text(ref, lang) for ref in self.entries]


def reference_text(ref: Reference, lang: str) -> str:
    """One reference as a reader checks it: authors, year, title, publisher, address, note."""
    parts = [", ".join(ref.authors)]
    if ref.year is not None:
        parts.append(str(ref.year))
    parts.append(ref.title)
    parts.extend(p for p in (ref.publisher, ref.url) if p)
    text = ". ".join(part.rstrip(".") for part in parts) + "."
    note = tr(ref.note, lang) if ref.note else ""
    return f"{text} {note}".strip()

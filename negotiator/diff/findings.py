"""What salience finds, as every face reads it: a category and the words that
left and came. Kept apart from the lexicons and the word diff, so reading a
stored comparison loads neither."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# French sets a no-break space inside guillemets and before a colon.
NBSP = "\u00a0"
# Holds two characters on one line, invisibly (U+2060).
WORD_JOINER = "\u2060"


def _guillemets(text: str) -> str:
    return f"«{NBSP}{text}{NBSP}»"


class Category(StrEnum):
    MODAL = "modal"
    OPERATIVE = "operative"
    NEGATION = "negation"
    POLARITY = "polarity"
    NUMBER = "number"


@dataclass(frozen=True)
class Salient:
    """One high-salience change within a paragraph: the salient words of one
    category that left (``removed``) and came (``added``)."""

    category: Category
    removed: tuple[str, ...]
    added: tuple[str, ...]

    def describe(self, language: str = "en") -> str:
        """The change as a reader says it, in English ("shall → should",
        "negation removed: 'not'", "'31 May 2026' added") or French
        (« négation supprimée : « not » »). The brief and the window both show this."""
        # "ne ... pas" reads as one negation; other terms are listed, each once
        # ("requests" gone from two places is "'requests' removed").
        if self.category is Category.NEGATION:
            sep, removed, added = " ", self.removed, self.added
        else:
            sep, removed, added = ", ", tuple(dict.fromkeys(self.removed)), tuple(dict.fromkeys(self.added))
        old, new = sep.join(removed), sep.join(added)
        if old and new:
            return f"{old} → {new}"
        terms = added or removed
        if language == "fr":
            if self.category is Category.NEGATION:
                said = f"négation ajoutée{NBSP}: {_guillemets(new)}" if new \
                    else f"négation supprimée{NBSP}: {_guillemets(old)}"
                return said.replace("'", "\u2019")
            words = ", ".join(_guillemets(t) for t in terms)
            if len(terms) > 1:
                return f"{words} {'ajoutés' if new else 'supprimés'}"
            return f"{words} {'ajouté' if new else 'supprimé'}"
        if self.category is Category.NEGATION:
            return f"negation added: '{new}'" if new else f"negation removed: '{old}'"
        words = ", ".join(f"'{t}'" for t in terms)
        return f"{words} added" if new else f"{words} removed"

    @property
    def description(self) -> str:
        return self.describe()

    def as_dict(self) -> dict[str, object]:
        return {
            "category": self.category.value,
            "from": ", ".join(self.removed),
            "to": ", ".join(self.added),
            "description": self.describe(),
        }

"""Compare language detectors on real news text: accuracy per set and articles per second.

    .venv/bin/python bench/language_detect.py [--realtext ../realtext] [--detectors py3langid,lingua-high]

The real-text articles (``../realtext/en``, ``../realtext/es``, assembled outside the repository,
see ``bench/realworld/README.md``) are read through ``iter_articles`` as ingest reads them, and so
is the sample corpus (``examples/corpus``). Each article is detected whole, then by its first
line (a headline or dateline, as short as a title) and by its first sentence. The figures that
chose the detector are in the README ("Languages"). The detectors are imported only when asked
for, so the one not chosen need not be installed.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from strikeledger.ingest import iter_articles  # noqa: E402
from strikeledger.records import Article  # noqa: E402

_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def _py3langid(min_confidence: float | None = None) -> Callable[[str], str]:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True,
                                                    min_confidence=min_confidence)
    return lambda text: identifier.classify(text)[0]


def _lingua(low_accuracy: bool, distance: float = 0.0) -> Callable[[str], str]:
    from lingua import LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_all_languages().with_minimum_relative_distance(distance)
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    detector = builder.build()

    def detect(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else "und"
    return detect


DETECTORS: dict[str, Callable[[], Callable[[str], str]]] = {
    "py3langid": _py3langid,
    # abstaining ("und") below a confidence: an abstention is read, not lost (README, "Languages")
    "py3langid-0.9": lambda: _py3langid(0.9),
    "lingua-high": lambda: _lingua(False),
    "lingua-high-0.1": lambda: _lingua(False, 0.1),
    "lingua-low": lambda: _lingua(True),
}


def _views(article: Article) -> dict[str, str]:
    """The whole text, its first line and its first sentence: what a detector may be given."""
    first_line = next((line for line in article.text.split("\n") if line.strip()), "")
    return {"article": article.text, "first line": first_line,
            "first sentence": _SENTENCE_END.split(article.text, maxsplit=1)[0]}


def _read(folder: Path, pattern: str) -> list[Article]:
    paths = sorted(folder.glob(pattern))
    return [a for a in iter_articles(paths) if isinstance(a, Article)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realtext", type=Path, default=ROOT.parent / "realtext")
    parser.add_argument("--detectors", default=",".join(DETECTORS))
    args = parser.parse_args()
    sets = {"real English": ("en", _read(args.realtext / "en", "*.txt")),
            "real Spanish": ("es", _read(args.realtext / "es", "*.txt")),
            "sample corpus": ("en", [a for a in iter_articles([ROOT / "examples" / "corpus"])
                                     if isinstance(a, Article)])}
    for name in args.detectors.split(","):
        started = time.perf_counter()
        detect = DETECTORS[name]()
        detect("The strike killed three people aboard the boat.")  # lazy models load on first use
        loaded = time.perf_counter() - started
        print(f"{name}: model loaded in {loaded:.2f} s")
        for label, (expected, articles) in sets.items():
            for view in ("article", "first line", "first sentence"):
                texts = [_views(a)[view] for a in articles]
                started = time.perf_counter()
                found = [detect(text) for text in texts]
                elapsed = time.perf_counter() - started
                right = sum(f == expected for f in found)
                unsure = sum(f == "und" for f in found)
                wrong = sorted({f for f in found if f not in (expected, "und")})
                share = right / max(len(texts), 1)
                print(f"  {label:14} {view:15} {right:3}/{len(texts):3} = {share:.3f} und {unsure:2}"
                      f"  {len(texts) / elapsed:7.0f} texts/s  misread as: {', '.join(wrong) or '-'}")


if __name__ == "__main__":
    main()

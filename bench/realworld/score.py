"""Score the ledger on the real-text development set: a folder of real articles assembled from the recipe.

    python bench/realworld/score.py [--folder ../realtext] [--language en] [--split dev|holdout|all]
                                    [--per-article] [--verbose] [--json]

The folder holds ``<language>/<id>.txt`` and ``<id>.json`` for the recipe's rows (see README.md
beside this file for how to assemble it). For each split the articles present are ingested
together into a scratch ledger, whose incidents are scored against the gold strikes derived from
``expected.csv``. ``--per-article`` also ingests every article alone and scores it against its
own rows, which is where a miss is easiest to trace.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from strikeledger import service
from strikeledger.evaluate import Evaluation, GoldStrike, evaluate
from strikeledger.evaluate.devset import (
    ExpectedRow, RecipeRow, article_path, disagreements, gold_strikes, load_expected, load_recipe, text_hash,
)
from strikeledger.store import Ledger

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_FOLDER = Path(os.environ.get("STRIKELEDGER_REALTEXT", ROOT.parent / "realtext"))
METRICS = (
    "precision", "recall", "f1", "date_exact", "killed_exact", "survivors_exact", "vessels_exact", "region_exact",
)


@dataclass
class Scored:
    name: str
    articles: int
    result: Evaluation
    extras: list[str]


def present_articles(folder: Path, recipe: list[RecipeRow]) -> tuple[list[RecipeRow], list[str]]:
    """The recipe rows whose article is in ``folder`` with the recorded hash, and why the others are not."""
    present, problems = [], []
    for row in recipe:
        path = article_path(folder, row)
        if not path.exists():
            problems.append(f"{row.id}: missing ({path})")
        elif row.sha16 and text_hash(path) != row.sha16:
            problems.append(f"{row.id}: text differs from the recipe's (re-pull it)")
        else:
            present.append(row)
    return present, problems


def _ledger_of(paths: list[Path], scratch: Path) -> tuple[Ledger, dict[str, str]]:
    ledger = Ledger.open(f"sqlite:///{scratch / 'realworld.db'}")
    service.ingest(ledger, paths)
    names = {a.id: Path(a.source).stem for a in ledger.articles(with_text=False).values()}
    return ledger, names


def _describe_extra(ledger: Ledger, incident_id: str, names: dict[str, str]) -> str:
    incident = ledger.incident(incident_id)
    sources = ",".join(sorted(names.get(a, a[:8]) for a in incident.article_ids))
    return (f"{incident.strike_date} {incident.region} killed={incident.killed_best} "
            f"vessels={incident.vessels} [{sources}]")


def score(name: str, rows: list[RecipeRow], expected: list[ExpectedRow], folder: Path) -> Scored:
    """Ingest ``rows``' articles together and score the ledger against their gold strikes."""
    ids = {r.id for r in rows}
    gold = gold_strikes([e for e in expected if e.article_id in ids], rows)
    with tempfile.TemporaryDirectory() as scratch:
        ledger, names = _ledger_of([article_path(folder, r) for r in rows], Path(scratch))
        try:
            result = evaluate(ledger.incidents(), gold)
            extras = [_describe_extra(ledger, i, names) for i in result.unmatched_incidents]
        finally:
            ledger.close()
    return Scored(name, len(rows), result, extras)


def per_article(rows: list[RecipeRow], expected: list[ExpectedRow], folder: Path) -> tuple[list[str], str]:
    """Each article alone against its own rows: one line per article that misses or adds anything,
    and the summed figures (every article's rows and incidents counted, none merged away)."""
    lines = []
    sums = dict(incidents=0, gold=0, matched=0)
    for row in rows:
        own = [e for e in expected if e.article_id == row.id]
        gold = [
            GoldStrike(n, e.strike_date, e.region, e.killed, e.survivors, e.vessels, label=f"{e.strike_date} "
                       f"{e.region} killed={e.killed}")
            for n, e in enumerate(own, start=1) if e.strike_date
        ]
        with tempfile.TemporaryDirectory() as scratch:
            ledger, names = _ledger_of([article_path(folder, row)], Path(scratch))
            try:
                result = evaluate(ledger.incidents(), gold)
                extras = [_describe_extra(ledger, i, names) for i in result.unmatched_incidents]
            finally:
                ledger.close()
        wrong = list(result.unmatched_gold) + [f"extra {x}" for x in extras] + list(result.wrong_killed)
        if wrong:
            lines.append(f"{row.id} ({row.outlet}, {row.kind}): " + "; ".join(wrong))
        for name in sums:
            sums[name] += getattr(result, name)
    precision = sums["matched"] / sums["incidents"] if sums["incidents"] else 1.0
    recall = sums["matched"] / sums["gold"] if sums["gold"] else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    summary = (f"each article alone: {sums['gold']} rows, {sums['incidents']} incidents, precision {precision:.2f} "
               f"recall {recall:.2f} F1 {f1:.2f}")
    return lines, summary


def _table(scored: list[Scored]) -> str:
    head = f"{'part':<22}{'articles':>9}{'gold':>6}{'incid.':>7}" + "".join(f"{m[:9]:>10}" for m in METRICS)
    lines = [head]
    for s in scored:
        r = s.result
        lines.append(f"{s.name:<22}{s.articles:>9}{r.gold:>6}{r.incidents:>7}"
                     + "".join(f"{getattr(r, m):>10.2f}" for m in METRICS))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--language", default="en", help="en, es or all")
    parser.add_argument("--split", default="both", choices=("dev", "holdout", "all", "both"))
    parser.add_argument("--per-article", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="list every miss, extra and wrong toll")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    recipe = [r for r in load_recipe(HERE / "recipe.csv") if args.language in ("all", r.language)]
    expected = load_expected(HERE / "expected.csv")
    present, problems = present_articles(args.folder, recipe)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if not present:
        print(f"Error: {args.folder}: no article of the recipe is there; assemble it first (bench/realworld/README.md)",
              file=sys.stderr)
        return 1
    splits = {"both": ("dev", "holdout", "all")}.get(args.split, (args.split,))
    scored = [
        score(f"{args.language} {split}", [r for r in present if split == "all" or r.split == split], expected, args.folder)
        for split in splits
    ]
    if args.json:
        print(json.dumps({s.name: {"articles": s.articles, **s.result.as_dict(), "extras": s.extras} for s in scored},
                         indent=2, default=str))
        return 0
    print(_table(scored))
    if args.verbose:
        for s in scored:
            if s.name.endswith("all") or len(scored) == 1:
                for title, items in (("missed", s.result.unmatched_gold), ("extra", s.extras),
                                     ("wrong toll", s.result.wrong_killed)):
                    print(f"\n{s.name}: {title} ({len(items)})")
                    for item in items:
                        print(f"  {item}")
        ids = {r.id for r in present}
        for key, fields in disagreements([e for e in expected if e.article_id in ids]).items():
            print(f"gold rows disagree on {key}: {fields}")
    if args.per_article:
        print("\nper article:")
        chosen = [r for r in present if args.split in ("all", "both") or r.split == args.split]
        lines, summary = per_article(chosen, expected, args.folder)
        for line in lines:
            print(f"  {line}")
        print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())

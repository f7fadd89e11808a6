"""A synthetic mixed news archive, deterministic, written for the benchmarks of this project.

About one article in a hundred is about the campaign: a copy of an article of the sample corpora
(``examples/corpus``, ``examples/corpus-es``), with a line of its own so that it is a new
article. The rest is ordinary news of many kinds, built from sentences written here; some open
with one of the traps of ``tests/fixtures/traps`` (hurricanes, capsized boats, labour strikes,
strikeouts, other wars, crime), the news that looks most like a strike on a boat. The same seed
gives the same archive, byte for byte.
"""

from __future__ import annotations

import html
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITIES = ("Springfield", "Riverton", "Lakeside", "Port Alder", "Greenvale", "Millbrook", "Ashford",
          "Cedar Falls", "Northgate", "Bayview", "Kingsbridge", "Fairhaven", "Oakridge", "Westmere",
          "Highcliff")
NAMES = ("Maria Lopez", "James Carter", "Aisha Bello", "Tomas Novak", "Linh Tran", "Grace Okafor",
         "Henrik Dahl", "Priya Raman", "Samuel Adeyemi", "Clara Jensen", "Diego Herrera", "Ruth Mensah")
TEAMS = ("Harbor Hawks", "Valley Rams", "River Otters", "Summit Bears", "Coast Gulls", "Prairie Foxes")
# Sentences of ordinary news, by kind. {c} a city, {p} a person, {t} {u} teams, {n} {m} numbers.
KINDS: dict[str, tuple[str, ...]] = {
    "weather": (
        "Heavy rain fell across {c} overnight; forecasters said {n} millimetres more could come by Friday.",
        "The storm knocked out power to {n},000 homes in and around {c}, the utility said.",
        "Temperatures are expected to climb to {n} degrees by the weekend, the weather service said.",
        "Officials in {c} opened shelters and urged residents of low-lying streets to leave.",
        "Crews worked through the night to clear fallen trees from the main roads.",
        "The river crested at {m} metres above its normal level on Tuesday afternoon."),
    "sport": (
        "The {t} beat the {u} {n}-{m} on Saturday, their third win in a row.",
        "{p} scored twice in the second half as the {t} came from behind.",
        "The coach said the team had played its best football of the season.",
        "The {u} have lost {m} of their last {n} games and sit near the bottom of the table.",
        "A crowd of {n},000 filled the stadium in {c} for the final.",
        "The pitcher struck out {m} batters in six innings before leaving with a sore shoulder."),
    "labour": (
        "Workers at the plant in {c} voted to strike after talks over pay broke down.",
        "The union said {n},000 members would walk out on Monday unless a deal was reached.",
        "Management said its offer of a {m} percent raise over three years was fair.",
        "The strike has halted production at two factories and delayed shipments to customers.",
        "{p}, a union steward, said members wanted safer schedules as much as higher pay."),
    "politics": (
        "The city council of {c} approved a budget of {n} million after a long debate.",
        "{p} announced a run for mayor, promising to fix the roads and build more housing.",
        "Lawmakers passed the bill by {n} votes to {m}, sending it to the governor.",
        "Opposition members said the plan would raise taxes on small businesses.",
        "A spokesperson for the governor said the measure would be signed next week."),
    "business": (
        "Shares of the retailer rose {m} percent after it reported higher sales than expected.",
        "The company said it would open {n} new stores and hire {m},000 workers next year.",
        "Analysts said rising interest rates could slow home sales through the spring.",
        "{p}, the chief executive, said the merger would save {n} million a year.",
        "The central bank held its main rate steady, citing cooling inflation."),
    "crime": (
        "Police in {c} arrested a man suspected of a string of burglaries, officials said.",
        "A judge sentenced {p} to {m} years in prison for fraud on Thursday.",
        "Detectives said the stolen car was found abandoned near the highway.",
        "The department said violent crime had fallen {m} percent from a year earlier.",
        "Two people were hurt in a collision at a busy crossing in {c}, police said."),
    "health": (
        "The hospital in {c} said it had treated {n} people for heat exhaustion this week.",
        "Health officials urged residents to get a flu shot before the winter.",
        "A study of {n},000 adults found that walking daily lowered blood pressure.",
        "{p}, a nurse, said staff shortages had stretched the emergency room.",
        "The clinic will offer free screenings every Saturday through March."),
    "culture": (
        "The festival in {c} drew {n},000 visitors over three days.",
        "{p}'s new novel follows three sisters through a summer on the coast.",
        "The museum will reopen its east wing after a {m}-year renovation.",
        "Critics praised the orchestra's performance of the symphony on Friday night.",
        "The film took in {n} million in its opening weekend."),
    "war": (
        "Fighting in the east of the country displaced {n},000 people, the United Nations said.",
        "The ceasefire talks were adjourned without an agreement on Thursday.",
        "Artillery fire hit a village near the front line, local officials said.",
        "Aid groups said convoys carrying food had been blocked for {m} days.",
        "The defence ministry said it had shot down {m} drones overnight."),
}
TRAP_KINDS = {"weather": "weather", "fishing": "weather", "labour": "labour", "baseball": "sport",
              "sport": "sport", "war": "war", "crime": "crime", "es": "weather"}


@dataclass(frozen=True)
class NewsItem:
    """One article of the archive and whether it is about the campaign."""

    url: str
    outlet: str
    title: str
    published: date
    text: str
    campaign: bool

    def json_line(self) -> str:
        return json.dumps({"url": self.url, "outlet": self.outlet, "title": self.title,
                           "published": self.published.isoformat(), "text": self.text}) + "\n"

    def page(self) -> str:
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in self.text.split("\n\n"))
        return (f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(self.title)}</title>'
                f'<meta property="article:published_time" content="{self.published.isoformat()}">'
                f'<meta property="og:site_name" content="{html.escape(self.outlet)}"></head><body>'
                f'<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
                f'<article><h1>{html.escape(self.title)}</h1>{paragraphs}</article>'
                f'<footer>&copy; {html.escape(self.outlet)}. All rights reserved.</footer></body></html>')


# Articles of the Spanish sample that are not about the campaign (its README says so): ordinary news.
NOT_ABOUT_THE_CAMPAIGN = ("es25", "es33")


def _texts(folder: Path) -> list[tuple[str, dict]]:
    items = []
    for path in sorted(folder.glob("*.txt")):
        if path.stem in NOT_ABOUT_THE_CAMPAIGN:
            continue
        sidecar = path.with_suffix(".json")
        meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
        items.append((path.read_text(encoding="utf-8").strip(), meta))
    return items


def generate(count: int, seed: int = 2025, campaign_share: float = 0.01) -> Iterator[NewsItem]:
    """``count`` articles, deterministic for a seed; about ``campaign_share`` of them about the campaign."""
    rng = random.Random(seed)
    campaign = _texts(ROOT / "examples" / "corpus") + _texts(ROOT / "examples" / "corpus-es")
    traps = [(path.read_text(encoding="utf-8").strip(), path.stem.split("-")[0])
             for path in sorted((ROOT / "tests" / "fixtures" / "traps").glob("*.txt"))]
    start = date(2025, 9, 1)
    for n in range(count):
        published = start + timedelta(days=rng.randrange(300))
        if rng.random() < campaign_share:
            text, meta = campaign[rng.randrange(len(campaign))]
            title = text.split("\n", 1)[0][:120]
            # its own publication date: the day its "Tuesday" and "yesterday" are counted from
            own = date.fromisoformat(meta["published"][:10]) if meta.get("published") else published
            yield NewsItem(f"https://archive.example/{n}", meta.get("outlet") or "Sample Wire", title,
                           own, f"[archive copy {n}]\n\n{text}", True)
            continue
        lead = ""
        kind = rng.choice(sorted(KINDS))
        if rng.random() < 0.15:
            lead, trap_kind = traps[rng.randrange(len(traps))]
            kind = TRAP_KINDS.get(trap_kind, kind)
        paragraphs = [lead] if lead else []
        for _ in range(rng.randint(7, 13)):
            sentences = [rng.choice(KINDS[kind]).format(
                c=rng.choice(CITIES), p=rng.choice(NAMES), t=rng.choice(TEAMS), u=rng.choice(TEAMS),
                n=rng.randint(2, 90), m=rng.randint(2, 12)) for _ in range(rng.randint(2, 4))]
            paragraphs.append(" ".join(sentences))
        title = f"{kind.title()} news from {rng.choice(CITIES)} ({n})"
        yield NewsItem(f"https://news.example/{kind}/{n}", "Daily Example", title, published,
                       title + "\n\n" + "\n\n".join(paragraphs), False)

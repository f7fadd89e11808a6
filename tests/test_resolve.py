"""Golden cases for merging reports into incidents."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from strikeledger.records import Article, Claim, StrikeReport
from strikeledger.resolve import build_incidents


def article(aid: str, published: date, outlet: str) -> Article:
    return Article(id=aid, text="", outlet=outlet, published=published, url=f"https://{outlet.lower()}.example/{aid}")


def report(aid: str, day: date | None, killed: int | None, region: str = "caribbean", **changes) -> StrikeReport:
    base = StrikeReport(
        article_id=aid, index=0, strike_date=day, date_precision="day" if day else "unknown", date_low=day, date_high=day,
        date_from_announcement=False, region=region, location=None, lat=None, lon=None, place_precision="unknown",
        vessels=1, killed=killed, killed_qualifier="", survivors=None, announced_by="Hegseth", ordinal=None, part=None, start=0, end=10,
    )
    return replace(base, **changes)


ARTICLES = {
    "a": article("a", date(2025, 11, 10), "Alpha"),
    "b": article("b", date(2025, 11, 11), "Bravo"),
    "c": article("c", date(2025, 11, 12), "Charlie"),
    "d": article("d", date(2025, 11, 13), "Delta"),
}


def test_outlets_a_day_apart_with_the_same_toll_merge():
    (incident,) = build_incidents([report("a", date(2025, 11, 9), 6), report("b", date(2025, 11, 10), 6, date_from_announcement=True)], ARTICLES)
    assert incident.strike_date == date(2025, 11, 9)  # the stated strike date beats an announcement date
    assert incident.contradictions == ()  # an announcement day trailing the strike is no disagreement
    assert len(incident.article_ids) == 2
    (stated,) = build_incidents([report("a", date(2025, 11, 9), 6), report("c", date(2025, 11, 10), 6), report("b", date(2025, 11, 9), 6)], ARTICLES)
    assert stated.strike_date == date(2025, 11, 9)
    assert stated.contradictions == ("date: 2025-11-09 / 2025-11-10",)


def test_consecutive_days_same_region_different_tolls_stay_apart():
    incidents = build_incidents([report("a", date(2026, 3, 10), 3, region="eastern_pacific"), report("b", date(2026, 3, 11), 2, region="eastern_pacific")], ARTICLES)
    assert [(i.strike_date.day, i.killed_best) for i in incidents] == [(10, 3), (11, 2)]


def test_two_reports_of_one_article_are_two_strikes():
    first, second = report("a", date(2025, 11, 9), 3), replace(report("a", date(2025, 11, 9), 3), index=1)
    assert len(build_incidents([first, second], ARTICLES)) == 2


def test_regions_must_agree_unless_one_is_unknown():
    assert len(build_incidents([report("a", date(2025, 11, 9), 3), report("b", date(2025, 11, 9), 3, region="eastern_pacific")], ARTICLES)) == 2
    assert len(build_incidents([report("a", date(2025, 11, 9), 3), report("b", date(2025, 11, 9), 3, region="unknown")], ARTICLES)) == 1


def test_disagreeing_tolls_make_a_range_and_the_latest_revision_is_best():
    reports = [
        report("a", date(2026, 1, 27), 3, region="eastern_pacific"),
        report("b", date(2026, 1, 27), 4, region="eastern_pacific", killed_qualifier="revised_from:3"),
        report("c", date(2026, 1, 27), 3, region="eastern_pacific"),
    ]
    (incident,) = build_incidents(reports, ARTICLES)
    assert (incident.killed_low, incident.killed_best, incident.killed_high) == (3, 4, 4)
    assert incident.contradictions == ("killed (revised): 3 / 4",)
    assert "revision" in incident.best_reason


def test_without_revision_the_latest_official_figure_is_best():
    reports = [report("a", date(2025, 11, 9), 5), report("b", date(2025, 11, 9), 6, announced_by=None), report("c", date(2025, 11, 9), 6)]
    (incident,) = build_incidents(reports, ARTICLES)
    assert (incident.killed_low, incident.killed_best, incident.killed_high) == (5, 6, 6)


def test_one_announcement_of_several_vessels_is_one_incident_whoever_reports_it():
    # one source read the per-vessel counts (3 and 2) into the event's toll, two give the total
    reports = [
        report("a", date(2025, 12, 18), 5, vessels=2), report("b", date(2025, 12, 18), 5, vessels=2),
        report("c", date(2025, 12, 18), 6, vessels=2),
    ]
    (incident,) = build_incidents(reports, ARTICLES)
    assert (incident.vessels, incident.killed_low, incident.killed_high, len(incident.article_ids)) == (2, 5, 6, 3)
    assert incident.contradictions == ("killed: 5 / 6",)


def test_a_partial_toll_alone_gives_a_lower_bound_only():
    (incident,) = build_incidents([report("a", date(2025, 9, 2), 2, killed_qualifier="partial")], ARTICLES)
    assert (incident.killed_low, incident.killed_best, incident.killed_high) == (2, None, None)


def test_week_dated_report_joins_the_strike_in_its_window_and_undated_reports_join_nothing():
    week = report("b", None, 4, date_precision="week", date_low=date(2025, 11, 3), date_high=date(2025, 11, 9))
    week = replace(week, strike_date=None)
    undated = report("c", None, 4)
    (incident,) = build_incidents([report("a", date(2025, 11, 6), 4), week, undated], ARTICLES)
    assert set(incident.article_ids) == {"a", "b"}


def test_grades():
    official = build_incidents([report("a", date(2025, 11, 9), 3)], ARTICLES)[0]
    single = build_incidents([report("a", date(2025, 11, 9), 3, announced_by=None)], ARTICLES)[0]
    corroborated = build_incidents([report("a", date(2025, 11, 9), 3, announced_by=None), report("b", date(2025, 11, 9), 3, announced_by=None)], ARTICLES)[0]
    dispute = Claim("b", 0, "Petro (Colombia)", "disputes", "", 0, 5, "...")
    disputed = build_incidents([report("a", date(2025, 11, 9), 3), report("b", date(2025, 11, 9), 3)], ARTICLES, [dispute])[0]
    assert [official.grade, single.grade, corroborated.grade, disputed.grade] == ["official", "single_source", "corroborated", "disputed"]


def test_merging_is_deterministic_whatever_the_order():
    reports = [report("a", date(2025, 11, 9), 6), report("b", date(2025, 11, 10), 6, date_from_announcement=True), report("c", date(2025, 11, 10), 4), report("d", date(2025, 11, 11), 4)]
    assert build_incidents(reports, ARTICLES) == build_incidents(list(reversed(reports)), ARTICLES)


def test_presumed_dead_widen_the_high_figure_only():
    (incident,) = build_incidents([report("a", date(2025, 12, 29), 2, survivors=1, presumed_dead=1)], ARTICLES)
    assert (incident.killed_low, incident.killed_best, incident.killed_high, incident.presumed_dead) == (2, 2, 3, 1)
    assert "presumed dead" in incident.best_reason


def test_a_report_dated_only_to_a_week_founds_no_incident():
    week = replace(report("b", None, 11, date_precision="week", date_low=date(2025, 11, 3), date_high=date(2025, 11, 9)), strike_date=None)
    assert build_incidents([week], ARTICLES) == []


def test_an_undated_lede_window_joins_the_strike_it_fits():
    lede = replace(report("b", None, 3, date_precision="week", date_low=date(2026, 2, 21), date_high=date(2026, 2, 24)), strike_date=None)
    (incident,) = build_incidents([report("a", date(2026, 2, 23), 3), lede], ARTICLES)
    assert set(incident.article_ids) == {"a", "b"}


def test_reports_without_a_toll_do_not_bridge_two_strikes_a_day_apart():
    # 29th: two killed; 30th: five killed; toll-less reports of the 30th must not carry the 30th's
    # strike into the 29th's incident, whatever order the reports come in
    reports = [
        report("a", date(2025, 12, 29), 2), report("b", date(2025, 12, 30), None), report("c", date(2025, 12, 30), None),
        report("d", date(2025, 12, 30), 5),
    ]
    for ordered in (reports, list(reversed(reports))):
        incidents = build_incidents(ordered, ARTICLES)
        assert sorted((i.strike_date.day, i.killed_best, sorted(i.article_ids)) for i in incidents) == [
            (29, 2, ["a"]), (30, 5, ["b", "c", "d"])]


def test_a_dated_toll_a_day_off_a_strike_told_only_in_passing_is_its_own_strike():
    passing = report("a", date(2025, 10, 21), None, region="eastern_pacific")  # "Tuesday's strike", no toll
    news = report("b", date(2025, 10, 22), 3, region="eastern_pacific")
    incidents = build_incidents([passing, news], ARTICLES)
    assert sorted((i.strike_date.day, i.killed_best) for i in incidents) == [(21, None), (22, 3)]
    announced = replace(news, date_from_announcement=True, date_low=date(2025, 10, 21))
    (joined,) = build_incidents([passing, announced], ARTICLES)  # announced the day after: the same strike
    assert joined.killed_best == 3


def test_survivors_killed_by_a_follow_on_strike_are_no_survivors():
    first = report("a", date(2025, 9, 2), 11, survivors=2)  # "left two survivors" in one source
    follow_on = report("b", date(2025, 9, 2), 2, killed_qualifier="partial")  # "a second strike killed the two"
    (incident,) = build_incidents([first, follow_on], ARTICLES)
    assert (incident.killed_best, incident.survivors) == (11, None)
    (alone,) = build_incidents([first], ARTICLES)
    assert alone.survivors == 2

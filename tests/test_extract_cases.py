"""Golden cases for the extractors: how an analyst reads each pattern of strike reporting.

Every text here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from strikeledger.extract import extract_article
from strikeledger.ingest import content_id, normalise_text
from strikeledger.records import Article


def read(text: str, published: date | None = date(2025, 11, 12), outlet: str | None = "Test Wire"):
    text = normalise_text(text)
    return extract_article(Article(id=content_id(text), text=text, outlet=outlet, published=published))


def only_report(text: str, **kwargs):
    extraction = read(text, **kwargs)
    assert len(extraction.reports) == 1, extraction.reports
    return extraction.reports[0]


# --- 1. running lists -------------------------------------------------------------------------

RUNNING_LIST = """Here is every strike the administration has announced.

OCTOBER
Oct. 3: Hegseth said four people were killed when the military struck a boat off the coast of Venezuela.
Oct. 14: Trump posted that six men died in a strike on a vessel in the Caribbean.
Oct. 21: The first strike in the eastern Pacific killed two people, Hegseth said.

NOVEMBER
Nov. 4: A vessel in the eastern Pacific was hit, leaving two dead, according to Hegseth.
"""


def test_running_list_items_are_separate_reports_with_their_own_figures():
    reports = read(RUNNING_LIST).reports
    assert [(r.strike_date.isoformat(), r.killed, r.region) for r in reports] == [
        ("2025-10-03", 4, "caribbean"), ("2025-10-14", 6, "caribbean"),
        ("2025-10-21", 2, "eastern_pacific"), ("2025-11-04", 2, "eastern_pacific"),
    ]
    assert [r.announced_by for r in reports] == ["Hegseth", "Trump", "Hegseth", "Hegseth"]


def test_list_items_in_caps_with_dashes():
    text = "SEPTEMBER 2 – Eleven people were killed in the first strike, on a boat in the Caribbean.\nSEPTEMBER 15 – Three were killed aboard a boat in the Caribbean Sea."
    reports = read(text, published=date(2025, 10, 1)).reports
    assert [(r.strike_date, r.killed) for r in reports] == [(date(2025, 9, 2), 11), (date(2025, 9, 15), 3)]


# --- 2. dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, published, expected, precision",
    [
        ("The military struck a boat in the Caribbean on Tuesday, killing three.", date(2025, 10, 16), date(2025, 10, 14), "day"),
        ("Monday's strike on a vessel in the Caribbean killed four people.", date(2025, 11, 12), date(2025, 11, 10), "day"),
        ("A boat was struck in the Caribbean on Sept. 15, killing three.", date(2026, 1, 5), date(2025, 9, 15), "day"),
        ("The U.S. struck a boat in the eastern Pacific yesterday, killing two.", date(2025, 10, 22), date(2025, 10, 21), "day"),
    ],
)
def test_dates_resolve_against_the_publication_date(sentence, published, expected, precision):
    report = only_report(sentence, published=published)
    assert (report.strike_date, report.date_precision) == (expected, precision)


def test_a_day_earlier_counts_back_from_the_announcement():
    report = only_report(
        "Hegseth announced Monday that, a day earlier, the military had struck two vessels in the eastern Pacific, killing six.",
        published=date(2025, 11, 11),
    )
    assert report.strike_date == date(2025, 11, 9) and not report.date_from_announcement


def test_announcement_date_is_used_only_when_no_strike_date_is_given():
    report = only_report("Southern Command said on Thursday it had struck a vessel in the eastern Pacific, killing four.", published=date(2025, 12, 5))
    assert report.strike_date == date(2025, 12, 4) and report.date_from_announcement


def test_last_week_gives_a_week_window():
    report = only_report("A strike on a boat in the Caribbean last week killed three people.", published=date(2025, 11, 12))
    assert report.date_precision == "week"
    assert (report.date_low, report.date_high) == (date(2025, 11, 3), date(2025, 11, 9))


def test_without_a_publication_date_relative_dates_stay_unresolved():
    extraction = read("The military struck a boat in the Caribbean on Tuesday, killing three.", published=None)
    assert all(r.strike_date is None and r.date_precision == "unknown" for r in extraction.reports)


# --- 3. numbers -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, killed, survivors",
    [
        ("The strike on a boat in the Caribbean on Tuesday killed all 11 aboard.", 11, None),
        ("Six male narco-terrorists aboard the vessel were killed in the strike on Tuesday in the Caribbean.", 6, None),
        ("A strike on a semi-submersible in the Caribbean on Tuesday killed two and left two survivors.", 2, 2),
        ("The military struck a boat in the Caribbean on Tuesday, killing at least three people; there were no survivors.", 3, 0),
    ],
)
def test_killed_and_survivors(sentence, killed, survivors):
    report = only_report(sentence)
    assert (report.killed, report.survivors) == (killed, survivors)


def test_people_aboard_and_us_forces_are_not_deaths():
    report = only_report(
        "The U.S. struck a boat carrying 11 people in the Caribbean on Tuesday. Three of them were killed. No U.S. forces were harmed."
    )
    assert report.killed == 3


# --- 4. per-strike versus cumulative ----------------------------------------------------------

def test_trailing_toll_is_a_reported_total_not_the_strike():
    extraction = read("The strike on a boat in the eastern Pacific on Tuesday killed three people, bringing the death toll of the campaign to at least 76.")
    (report,) = extraction.reports
    (total,) = extraction.totals
    assert report.killed == 3
    assert (total.killed, total.killed_qualifier, total.as_of) == (76, "at_least", date(2025, 11, 12))


def test_campaign_totals_are_never_incidents():
    extraction = read("Since September, the strikes have killed more than 60 people in 15 strikes on boats in the Caribbean and the Pacific.")
    assert extraction.reports == ()
    (total,) = extraction.totals
    assert (total.killed, total.strikes) == (60, 15)


def test_ordinal_strike_number_is_kept():
    report = only_report("Tuesday's attack on a boat in the Caribbean, the sixth strike of the campaign, killed three people.")
    assert report.ordinal == 6


# --- 5. several vessels, follow-on strikes ----------------------------------------------------

def _event(report):
    parts = sorted((f.qualifier, int(f.value)) for f in report.facts if f.kind == "killed" and f.qualifier.startswith("part:"))
    return report.killed, report.vessels, report.region, parts


def test_per_vessel_counts_are_parts_of_one_strike_event():
    reports = read(
        "Southern Command said it struck two vessels in the eastern Pacific on Thursday. "
        "A total of five male narco-terrorists were killed, three in the first vessel and two in the second vessel.",
        published=date(2025, 12, 19),
    ).reports
    assert [_event(r) for r in reports] == [(5, 2, "eastern_pacific", [("part:1", 3), ("part:2", 2)])]
    assert {r.strike_date for r in reports} == {date(2025, 12, 18)}


def test_without_per_vessel_counts_one_report_with_its_vessel_count():
    report = only_report("Hegseth said three strikes on four vessels in the eastern Pacific on Monday killed 14 people and left one survivor.", published=date(2025, 10, 28))
    assert (report.vessels, report.killed, report.survivors, report.part) == (4, 14, 1, None)


def test_a_follow_on_strike_on_the_same_boat_is_a_partial_toll_of_the_first():
    extraction = read(
        "The first strike, on Sept. 2, hit a boat in the Caribbean. "
        "A second strike on the same boat killed two survivors of the first.",
        published=date(2025, 12, 1),
    )
    (report,) = extraction.reports
    assert report.strike_date == date(2025, 9, 2)
    assert (report.killed, report.killed_qualifier) == (2, "partial")


# --- 6. revisions -----------------------------------------------------------------------------

def test_a_revised_toll_replaces_the_first_and_says_so():
    report = only_report("Southern Command raised the toll from Tuesday's strike on a vessel in the eastern Pacific from three to four.", published=date(2026, 1, 28))
    assert (report.killed, report.killed_qualifier) == (4, "revised_from:3")


# --- 7. place ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "phrase, region, precision",
    [
        ("off the coast of Venezuela", "caribbean", "near_place"),
        ("in the eastern Pacific", "eastern_pacific", "water_area"),
        ("near Trinidad and Tobago", "caribbean", "near_place"),
        ("off Colombia's Pacific coast", "eastern_pacific", "near_place"),
    ],
)
def test_places_give_region_coordinates_and_precision(phrase, region, precision):
    report = only_report(f"The military struck a boat {phrase} on Tuesday, killing three.")
    assert (report.region, report.place_precision) == (region, precision)
    assert report.lat is not None and report.lon is not None


def test_a_two_coast_country_takes_the_sea_the_report_names():
    report = only_report("The boat was struck off the coast of Colombia on Tuesday, killing two. It was the first strike in the eastern Pacific.")
    assert report.region == "eastern_pacific" and report.lon < -77


def test_international_waters_alone_leave_the_region_unknown():
    report = only_report("The military struck a boat in international waters on Tuesday, killing three.", outlet=None)
    assert report.region == "unknown"


# --- 8. who said what -------------------------------------------------------------------------

def test_announcer_disputes_and_evidence_are_attributed_claims():
    extraction = read(
        "The military struck a boat in the Caribbean on Tuesday, killing three people, Hegseth said in a post on X, without providing evidence. "
        "Colombia's President Gustavo Petro said the man killed was a fisherman."
    )
    (report,) = extraction.reports
    assert report.announced_by == "Hegseth"
    stances = {(c.speaker, c.stance) for c in extraction.claims}
    assert ("Hegseth", "announces") in stances and ("Petro (Colombia)", "disputes") in stances
    assert any(c.evidence == "no_evidence_provided" for c in extraction.claims)


# --- 9. not strikes ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Trump refused to rule out strikes inside Venezuela, saying the military could hit targets on land.",
        "The president signed a directive authorizing the Pentagon to strike drug cartels at sea and on land.",
        "If the boats keep coming, we will blow them out of the water, Hegseth warned.",
        "The 1989 invasion of Panama killed hundreds of people, and the U.S. struck boats off Panama then too.",
        "The strikes have drawn criticism from lawmakers of both parties.",
        "Sirens sounded in Caracas on Saturday as U.S. forces struck Venezuela, leaving 40 dead, the government said.",
        "On Saturday the military launched a large strike on Venezuela, hitting air bases and a military complex near the capital.",
    ],
)
def test_threats_plans_hypotheticals_history_and_generalities_are_not_strikes(text):
    assert read(text).reports == ()


# --- regressions from the wording of official posts and wire copy ---------------------------

@pytest.mark.parametrize(
    "text, killed",
    [
        ("Southern Command said it struck a vessel in the eastern Pacific on Tuesday. Three men described as “narco-terrorists” were killed.", 3),
        ("The command struck a low-profile vessel in the eastern Pacific on Tuesday. One male narco-terrorist was confirmed killed.", 1),
        ("On Tuesday U.S. forces killed two suspected smugglers in a strike on a vessel in the Caribbean.", 2),
        ("Hegseth said Tuesday the military hit another boat in the Caribbean. He said five men were on the boat and all of them were killed.", 5),
    ],
)
def test_official_wording_of_tolls(text, killed):
    assert only_report(text).killed == killed


def test_a_qualified_toll_clause_is_still_a_running_total():
    extraction = read("The strike on a boat in the eastern Pacific on Tuesday killed two people, bringing the campaign's grim overall death toll to at least 150.")
    assert [r.killed for r in extraction.reports] == [2]
    assert [(t.killed, t.killed_qualifier) for t in extraction.totals] == [(150, "at_least")]


def test_per_vessel_counts_after_a_dash_and_across_sentences():
    dashed = read(
        "Southern Command said it struck two boats in the eastern Pacific on Thursday. "
        "A total of five men were killed during these actions -- three in the first vessel and two in the second vessel.",
        published=date(2025, 12, 19),
    ).reports
    assert [_event(r) for r in dashed] == [(5, 2, "eastern_pacific", [("part:1", 3), ("part:2", 2)])]
    across = read(
        "The strikes were carried out against two boats in the eastern Pacific on Saturday, Southern Command said. "
        "Two men were killed, and one man survived the first strike. Three men were killed during the second strike.",
        published=date(2026, 4, 12),
    ).reports
    assert [(*_event(r), r.survivors) for r in across] == [(5, 2, "eastern_pacific", [("part:1", 2), ("part:2", 3)], 1)]
    (total,) = [f for f in across[0].facts if f.qualifier == "sum_of_parts"]
    assert (total.kind, total.value, total.surface) == ("killed", "5", "Two men were killed")  # the parts lie in two sentences


def test_a_wire_dateline_does_not_date_the_strike():
    report = only_report(
        "MIAMI, Nov. 3 (Tidewater Wire) — The military struck a boat in the Caribbean on Saturday, killing three, according to the U.S. Southern Command.",
        published=date(2025, 11, 3),
    )
    assert report.strike_date == date(2025, 11, 1)
    assert report.announced_by == "SOUTHCOM"


def test_an_administration_is_not_an_announcer():
    report = only_report("The military struck a boat in the Caribbean on Tuesday, killing three, as part of what the Trump administration says is a war on cartels.", outlet=None)
    assert report.announced_by is None


def test_said_friday_with_this_week_dates_the_strike_to_the_announcement_day():
    report = only_report("Hegseth said Friday that the military hit a boat in the Caribbean, killing six. It was the third strike this week.", published=date(2025, 10, 25))
    assert (report.strike_date, report.date_precision, report.date_from_announcement) == (date(2025, 10, 24), "day", True)


@pytest.mark.parametrize(
    "sentence, killed, strikes",
    [
        ("The strike brings to 14 the number of people killed in the two attacks this month.", 14, 2),
        ("At least 17 people have now been killed in the three strikes.", 17, 3),
        ("The death toll from the U.S. military's strikes on boats stands at 114, after Southern Command raised the number killed in Tuesday's attack from three to four.", 114, None),
        ("The two announcements pushed the number of strikes since Sept. 2 to 17 and the death toll to at least 79.", 79, 17),
    ],
)
def test_running_totals_as_reported(sentence, killed, strikes):
    totals = read(sentence).totals
    assert [(t.killed, t.strikes) for t in totals] == [(killed, strikes)]


def test_a_strike_then_the_campaign_toll_in_a_later_clause():
    extraction = read(
        "U.S. forces struck two boats in the eastern Pacific on Thursday, killing five people, Southern Command said, "
        "in the latest of a string of strikes that have killed nearly 100 people since September.",
        published=date(2025, 12, 19),
    )
    assert [r.killed for r in extraction.reports] == [5]
    assert [(t.killed, t.killed_qualifier) for t in extraction.totals] == [(100, "about")]


def test_a_day_before_strikes_is_not_a_count_and_an_ordinal_overall_is_not_a_total():
    extraction = read("Two survivors of the Oct. 27 strikes in the eastern Pacific were still missing on Tuesday.", published=date(2025, 10, 29))
    assert all(t.strikes != 27 for t in extraction.totals)
    ordinal = read("Tuesday's strike on a boat in the Caribbean killed four people and was the 33rd overall.", published=date(2026, 3, 4))
    assert [r.killed for r in ordinal.reports] == [4] and ordinal.totals == ()


def test_a_strike_on_a_different_vessel_the_day_before_is_another_strike():
    reports = read(
        "Southern Command said on Wednesday it had struck a suspected drug boat in the eastern Pacific, killing two people. "
        "On Tuesday, the command had announced a strike on a different vessel in the eastern Pacific in which three men were killed.",
        published=date(2026, 3, 12),
    ).reports
    assert sorted((r.strike_date, r.killed) for r in reports) == [(date(2026, 3, 10), 3), (date(2026, 3, 11), 2)]


def test_revision_of_a_strike_with_the_day_of_the_revision_in_the_sentence():
    report = only_report("Southern Command on Wednesday raised the toll from three to four in Tuesday's strike on a vessel in the eastern Pacific.", published=date(2026, 1, 28))
    assert (report.strike_date, report.killed, report.killed_qualifier) == (date(2026, 1, 27), 4, "revised_from:3")


def test_a_revision_told_in_prose():
    report = only_report("Jan. 27 — Southern Command said it struck a vessel in the eastern Pacific. It initially reported three people killed and said the next day that four had died.", published=date(2026, 1, 29))
    assert (report.killed, report.killed_qualifier) == (4, "revised_from:3")


def test_a_strike_named_by_its_date_after_said():
    report = only_report("Colombia's navy said Thursday it had rescued a survivor. Southern Command said the Feb. 3 strike killed five people aboard two vessels.", published=date(2026, 2, 6))
    assert (report.strike_date, report.date_from_announcement, report.killed) == (date(2026, 2, 3), False, 5)


def test_strikes_in_a_vote_story_are_not_a_strike():
    text = "The House on Wednesday rejected a resolution that would have required congressional approval before continuing military strikes on boats suspected of carrying drugs."
    assert read(text, published=date(2026, 2, 5)).reports == ()


def test_per_vessel_counts_after_the_attribution():
    reports = read("U.S. forces struck two boats in the eastern Pacific on Thursday, killing five people, U.S. Southern Command said — three in the first vessel and two in the second.", published=date(2025, 12, 19)).reports
    assert [_event(r) for r in reports] == [(5, 2, "eastern_pacific", [("part:1", 3), ("part:2", 2)])]


def test_survivors_presumed_dead_are_kept_apart_from_the_toll():
    report = only_report(
        "The strike on a boat in the eastern Pacific on Monday killed two people and left one survivor. "
        "The Coast Guard suspended its search on Thursday, and the survivor is now presumed dead.",
        published=date(2026, 1, 2),
    )
    assert (report.killed, report.survivors, report.presumed_dead) == (2, 1, 1)


@pytest.mark.parametrize("phrase, count", [("a dozen people", 12), ("half a dozen men", 6), ("all eleven people aboard", 11)])
def test_number_words(phrase, count):
    assert only_report(f"The strike on a boat in the Caribbean on Tuesday killed {phrase}.").killed == count


def test_missing_and_wounded_are_not_deaths():
    report = only_report("A strike on a boat in the Caribbean on Tuesday killed three people; two others were wounded and one remains missing.")
    assert report.killed == 3


def test_a_timeline_of_headings_over_paragraphs():
    text = (
        "Here is the timeline of the attacks:\n"
        "September 2, first attack\n"
        "The first strike on a vessel in the Caribbean took place on September 2.\n"
        "The president said on social media that eleven people were killed.\n"
        "September 15, second attack\n"
        "The president said the military struck another boat in the Caribbean, killing three people."
    )
    reports = read(text, published=date(2025, 11, 2)).reports
    assert [(r.strike_date, r.killed) for r in reports] == [(date(2025, 9, 2), 11), (date(2025, 9, 15), 3)]


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("September 2 – Attack 1: the U.S. destroys a speedboat in the Caribbean; all 11 die in the attack.", 11),
        ("September 15 – Attack 2: a second vessel is hit in the Caribbean, with 3 confirmed deaths.", 3),
    ],
)
def test_list_items_in_the_present_tense(sentence, killed):
    assert only_report(sentence, published=date(2025, 12, 6)).killed == killed


def test_announcer_named_after_a_post_and_a_vessel_with_any_adjective():
    report = only_report(
        "Nov. 4: The military launched a strike on an alleged drug-carrying vessel in the eastern Pacific, killing two, "
        "according to an X post from Defense Secretary Pete Hegseth.",
        published=date(2025, 11, 6),
    )
    assert (report.announced_by, report.vessels) == ("Hegseth", 1)


def test_a_part_that_names_its_own_sea_is_another_event():
    reports = read(
        "Three attacks on boats left eleven people dead, Southern Command said on Tuesday. The attacks took place on Monday and left "
        "four dead on the first vessel in the eastern Pacific, four on the second vessel in the eastern Pacific, and three on the third vessel in the Caribbean.",
        published=date(2026, 2, 17),
    ).reports
    assert [_event(r) for r in reports] == [
        (8, 2, "eastern_pacific", [("part:1", 4), ("part:2", 4)]), (3, 1, "caribbean", [("part:3", 3)]),
    ]


def test_the_same_toll_on_each_boat():
    reports = read("Hegseth said Sunday's dual strikes in the eastern Pacific hit two boats, with three men killed on each boat.", published=date(2025, 11, 10)).reports
    assert [(r.killed, r.vessels) for r in reports] == [(6, 2)]


def test_a_convoy_with_deaths_on_one_boat_and_a_week_of_strikes_summed():
    extraction = read(
        "The military said on Tuesday it struck a convoy of three boats in the eastern Pacific, killing three people aboard one boat "
        "while those on the other two abandoned their vessels. The military conducted strikes on other boats on Monday and Wednesday as well. "
        "At least 10 people were killed in the three days of strikes this week. "
        "At least 115 people have been killed since the administration's campaign against alleged drug boats began in September.",
        published=date(2026, 1, 2),
    )
    (report,) = extraction.reports
    assert (report.strike_date, report.vessels, report.killed) == (date(2025, 12, 30), 3, 3)
    assert sorted(t.killed for t in extraction.totals) == [10, 115]


@pytest.mark.parametrize(
    "text, killed, qualifier",
    [
        ("On Friday, U.S. forces struck an alleged drug boat in the eastern Pacific, resulting in the deaths of two men.", 2, ""),
        ("On Wednesday, Southern Command said five people were killed in a strike on two vessels, revised down from an earlier count of six.", 5, "revised_from:6"),
    ],
)
def test_deaths_of_and_revised_from_an_earlier_count(text, killed, qualifier):
    report = only_report(text, published=date(2026, 1, 2))
    assert (report.killed, report.killed_qualifier) == (killed, qualifier)


def test_a_strike_weeks_earlier_and_another_announced_on_friday():
    reports = read(
        "It was three weeks ago that the president first boasted of a military strike on a boat in international waters, which killed 11 people. "
        "For the third time this month, the military attacked a boat in the south Caribbean and killed suspected smugglers, the president announced on Friday. "
        "The attack killed three people aboard the vessel, he said.",
        published=date(2025, 9, 20),
    ).reports
    assert [(r.date_precision, r.killed) for r in reports] == [("week", 11), ("day", 3)]
    assert reports[0].date_low <= date(2025, 8, 30) <= reports[0].date_high
    assert (reports[1].strike_date, reports[1].region) == (date(2025, 9, 19), "caribbean")


def test_overnight_is_the_night_before_the_story():
    report = only_report("Dec. 19 (Harbor Wire) -- Warplanes struck two boats in the eastern Pacific overnight, killing five people, Southern Command said Friday.", published=date(2025, 12, 19))
    assert report.strike_date == date(2025, 12, 18)


def test_since_the_country_began_striking_is_a_running_total():
    extraction = read("In the half year since the United States began blowing up boats it says carry drugs, the military has announced the deaths of at least 136 people.", published=date(2026, 3, 15))
    assert extraction.reports == ()
    assert [(t.killed, t.killed_qualifier) for t in extraction.totals] == [(136, "at_least")]


def test_an_undated_lede_and_a_dated_strike_told_as_background():
    reports = read(
        "Southern Command said three men were killed in a strike on a vessel in the Caribbean Sea.\n"
        "A raid in that country on Jan. 3 led to the capture of its president.\n"
        "On February 13, the military carried out a strike against another vessel in the Caribbean, killing three people.",
        published=date(2026, 2, 24),
    ).reports
    lede, background = reports
    assert (lede.date_precision, lede.date_low, lede.date_high, lede.killed) == ("week", date(2026, 2, 21), date(2026, 2, 24), 3)
    assert (background.strike_date, background.killed) == (date(2026, 2, 13), 3)


def test_a_headline_then_its_lede_and_a_related_headline_in_capitals():
    (report,) = read(
        "Military says it struck a vessel in Caribbean, killing three\n"
        "The military said it had struck a vessel in the Caribbean on Friday, killing three people.\n"
        "US MILITARY STRIKES VESSEL IN THE PACIFIC, LEAVING 2 DEAD AND 1 SURVIVOR\n"
        'Three more suspected "narco-terrorists" were killed, the command said.',
        published=date(2026, 2, 14),
    ).reports
    assert (report.strike_date, report.killed, report.survivors) == (date(2026, 2, 13), 3, None)


@pytest.mark.parametrize(
    "line",
    [
        "A" * 100_000 + " b",
        "STRIKE " * 15_000 + "boat",
        "1 " * 30_000 + "people were killed",
        "killed " * 15_000,
        "the " * 20_000 + "toll rose to",
        ", " * 40_000 + "since",
        "Oct. 3: " * 10_000,
    ],
)
def test_hostile_lines_are_read_to_the_end(line):
    # Termination, not speed: a pattern that backtracks without end would hang every batch.
    import threading

    done = []
    worker = threading.Thread(target=lambda: done.append(read(f"Hostile text.\n{line}\nThe end."), ), daemon=True)
    worker.start()
    worker.join(120)
    assert done, "extraction did not finish on a hostile line"


def test_a_strike_in_another_war_is_not_part_of_the_campaign():
    assert read("On Tuesday a drone strike hit a cargo ship in the Red Sea, killing three sailors.").reports == ()
    mixed = read("On Tuesday the military struck a boat in the eastern Pacific, killing three; officials compared it to raids in Yemen and Somalia.").reports
    assert [(r.region, r.killed) for r in mixed] == [("eastern_pacific", 3)]

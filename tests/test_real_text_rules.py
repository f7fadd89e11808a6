"""Rules found on the real-text development set, each with a regression case in our own words."""

from __future__ import annotations

import json
from datetime import date

from strikeledger.extract import extract_article
from strikeledger.extract.english import ENGLISH
from strikeledger.extract.undated import undated_reference
from strikeledger.ingest.jsonpage import read_json_page
from strikeledger.ingest.normalise import content_id, normalise_text
from strikeledger.ingest.sources import build_article
from strikeledger.records import Article
from strikeledger.urlpaths import url_date


def read(text: str, published: date | None = None, url: str | None = None):
    text = normalise_text(text)
    return extract_article(Article(id=content_id(text), text=text, url=url, outlet="Test Wire", published=published))


def test_a_url_path_dates_the_page():
    assert url_date("https://news.example/world/2025/11/06/boat-strike") == (date(2025, 11, 6), "day")
    assert url_date("https://news.example/a-20260214-strike.html") == (date(2026, 2, 14), "day")
    assert url_date("https://blog.example/2026/02/strike-timeline.html") == (date(2026, 2, 1), "month")
    assert url_date("https://news.example/story/202511061234") is None  # a story id, not a day
    assert url_date("https://news.example/2025/13/01/x") is None
    article = build_article("A strike on a boat killed two people on Monday.", {"url": "https://w.example/2025/11/12/x"}, "t")
    assert (article.published, article.published_precision) == (date(2025, 11, 12), "estimated")


def test_year_less_dates_of_an_undated_page_take_the_year_the_page_tells():
    by_url = read("Southern Command said the Dec. 30 strike killed three people in the eastern Pacific.",
                  url="https://blog.example/2026/01/strike-tally.html")
    assert [(r.strike_date, r.killed) for r in by_url.reports] == [(date(2025, 12, 30), 3)]
    # "Tuesday" and "Dec. 30" agree only in 2025 among the campaign's years
    by_weekday = read("Three people died when U.S. forces hit a boat in the eastern Pacific on Tuesday. "
                      "The command said the strike on Dec. 30 targeted a convoy.")
    assert {r.strike_date for r in by_weekday.reports} == {date(2025, 12, 30)}
    # a full date the page names ("Oct. 9, 2025") never pushes a later month into the year before
    text = "Updated Oct. 9, 2025. Nov. 9: the military killed six people on two boats in the eastern Pacific."
    assert undated_reference(Article("x", text), ENGLISH.words) == date(2025, 10, 9)
    assert [r.strike_date for r in read(text).reports] == [date(2025, 11, 9)]
    assert undated_reference(Article("y", "A strike on Dec. 30 killed three."), ENGLISH.words) is None  # nothing tells the year


def test_a_quoted_posts_this_morning_is_not_the_articles_day():
    text = ("President Trump said U.S. forces struck a boat carrying drugs in the Caribbean on Tuesday, killing 11 people.\n"
            "\"Earlier this morning, on my orders, U.S. forces conducted a kinetic strike,\" Trump wrote in a post.")
    reports = read(text, published=date(2025, 9, 4)).reports
    assert [(r.strike_date, r.killed) for r in reports] == [(date(2025, 9, 2), 11)]
    opened = ("The secretary posted a video of the strike on Thursday. \u201cThe vessel was carrying drugs.\n"
              "Today, on the president's orders, we struck a boat in the Caribbean,\u201d Hegseth wrote, adding that three died.")
    assert [r.strike_date for r in read(opened, published=date(2025, 11, 8)).reports] == [date(2025, 11, 6)]


def test_a_page_time_stamp_is_no_strike():
    text = ("2 Killed in Eastern Pacific Strike on Suspected Drug Boat\n"
            "November 5, 2025 10:26 AM - Updated: November 7, 2025 11:16 AM\n"
            "The U.S. struck a boat in the eastern Pacific, killing two people, Hegseth announced Tuesday.")
    reports = read(text, published=date(2025, 11, 5)).reports
    assert [(r.strike_date, r.killed) for r in reports] == [(date(2025, 11, 4), 2)]


def test_two_mentions_of_one_day_without_a_toll_are_one_strike():
    text = ("The administration has said it is at war with cartels since its first strike on September 2.\n"
            "September 2: The first strike on a boat in the Caribbean came on September 2, Trump said.")
    reports = read(text, published=date(2025, 11, 2)).reports
    assert [r.strike_date for r in reports] == [date(2025, 9, 2)]


def test_an_undated_toll_is_dated_by_the_next_sentence_when_it_has_no_toll_of_its_own():
    text = ("Two men were killed in a U.S. military strike on a boat in the eastern Pacific Ocean.\n"
            "Southern Command said the attack was carried out on Monday at the direction of the secretary.")
    reports = read(text, published=date(2025, 12, 30)).reports
    assert [(r.strike_date, r.killed) for r in reports] == [(date(2025, 12, 29), 2)]


def test_the_campaign_against_boats_has_killed_is_a_running_total():
    extraction = read("The military's campaign against suspected drug boats has now killed at least 144 people.",
                      published=date(2026, 4, 16))
    assert extraction.reports == ()
    assert [(t.killed, t.killed_qualifier) for t in extraction.totals] == [(144, "at_least")]


def test_a_json_page_gives_its_title_body_and_date():
    post = {"id": 7, "date": "2026-05-05T09:55:58", "link": "https://site.example/?p=7",
            "title": {"rendered": "Strike on boat kills 2 in Caribbean, military says"},
            "content": {"rendered": "<div><script>ads()</script><p>The military struck a boat on Monday.</p></div>"}}
    page = read_json_page(json.dumps(post))
    assert (page.title, page.published, page.url) == (post["title"]["rendered"], "2026-05-05T09:55:58", post["link"])
    assert page.text == "Strike on boat kills 2 in Caribbean, military says\n\nThe military struck a boat on Monday."
    whole = json.dumps(post)
    cut = read_json_page(whole[: whole.index('"content"') + 30])  # a page cut short keeps what came before the cut
    assert (cut.title, cut.published, cut.text) == (post["title"]["rendered"], post["date"], post["title"]["rendered"])
    assert read_json_page('{"name": "not a post"}') is None and read_json_page("plain text") is None
    article = build_article(json.dumps(post), {}, "post.txt")
    assert (article.published, article.title) == (date(2026, 5, 5), post["title"]["rendered"])


def test_an_undated_brief_announcing_another_strike_is_dated_by_its_announcement():
    brief = ("The U.S. military has carried out another attack on a boat suspected of carrying drugs in the eastern "
             "Pacific. Two people died in the attack, the command said.")
    (report,) = read(brief, published=date(2026, 6, 22)).reports
    assert (report.strike_date, report.date_low, report.date_from_announcement, report.killed) == (
        date(2026, 6, 22), date(2026, 6, 21), True, 2)
    (fact,) = [f for f in report.facts if f.kind == "strike_date"]
    assert fact.qualifier == "publication_day"
    older = "Relatives of two men killed in a U.S. strike off the coast of Colombia say the men were fishermen."
    (report,) = read(older, published=date(2025, 10, 25)).reports
    assert (report.strike_date, report.date_precision) == (None, "week")  # joins a strike, founds none


def test_an_undated_headline_is_the_strike_its_dated_lede_reports():
    text = ("Second U.S. strike in two days kills two in eastern Pacific\n"
            "U.S. forces struck a boat in the eastern Pacific on Wednesday, Southern Command said.")
    reports = read(text, published=date(2026, 3, 12)).reports
    assert [(r.strike_date, r.killed) for r in reports] == [(date(2026, 3, 11), 2)]


def test_people_killed_in_several_words_of_strikes_is_a_running_total():
    extraction = read("At least 99 people have been killed in U.S. military strikes on boats in the Caribbean Sea.",
                      published=date(2025, 12, 20))
    assert extraction.reports == () and [t.killed for t in extraction.totals] == [99]


def test_a_table_of_strikes_flattened_into_lines():
    text = ("Strike statistics\n\nDate Death Toll Theater Target\n"
            "November 10, 2025 4 Caribbean Narcoterrorists\n"
            "November 4, 2025 2 Pacific Ocean Unspecified group\n"
            "November 9, 2025 6 Both Unspecified groups\n\n"
            "Lawmakers have questioned the strikes, which began on September 2.")
    reports = read(text, published=date(2025, 11, 20)).reports
    assert [(r.strike_date, r.killed, r.region) for r in reports] == [
        (date(2025, 11, 10), 4, "caribbean"), (date(2025, 11, 4), 2, "eastern_pacific"), (date(2025, 11, 9), 6, "unknown"),
    ]
    # the same lines without a header are no table: a bare number is no toll
    bare = read("November 10, 2025 4 Caribbean Narcoterrorists\n", published=date(2025, 11, 20)).reports
    assert all(r.killed is None for r in bare)


def test_a_summary_and_the_list_item_of_one_day_are_the_list_items_strike():
    text = ("After the first strike on 2 September, the administration told Congress it was at war with cartels.\n\n"
            "2 September: The first strike hit a boat that left Venezuela. All 11 people on the boat were killed.")
    (report,) = read(text, published=date(2026, 1, 4)).reports
    assert (report.strike_date, report.killed) == (date(2025, 9, 2), 11)


def test_a_pages_own_time_stamp_dates_it_when_nothing_else_does():
    from strikeledger.ingest.published import page_stamp_date

    assert page_stamp_date("3 killed in strike, Trump says\nSeptember 15, 2025, 6:19 PM ET\nPresident Trump said") == date(2025, 9, 15)
    assert page_stamp_date("Strike kills three, Trump says  Published: 9/20/2025 Trump announced") == date(2025, 9, 20)
    assert page_stamp_date("The strike on Sept. 3, 2025 killed three.") is None  # a date in prose is no stamp
    article = build_article("Trump says strike killed 3\nSeptember 15, 2025, 6:19 PM ET\nTrump said Monday a strike "
                            "on a boat killed three people.", {}, "stamp.txt")
    assert (article.published, article.published_precision) == (date(2025, 9, 15), "estimated")


def test_the_dead_of_one_country_are_part_of_the_toll():
    text = ("Two Trinidadians killed in US boat strike\n"
            "The strike off the coast of Venezuela on Tuesday left six killed, the president said.")
    (report,) = read(text, published=date(2025, 10, 16)).reports
    assert report.killed == 6
    (alone,) = read("Two Colombians were killed in a U.S. strike on a boat in the Caribbean on Tuesday.",
                    published=date(2025, 10, 16)).reports
    assert (alone.killed, alone.killed_qualifier) == (2, "partial")  # a lower bound of that strike's toll


def test_yesterday_in_a_quoted_post_with_nothing_else_to_date_it_is_the_articles_yesterday():
    text = ("The United States carried out two strikes on vessels in the eastern Pacific, killing six people.\n"
            "\u201cYesterday, at the direction of the president, two strikes were conducted,\u201d the secretary wrote.")
    (report,) = read(text, published=date(2025, 11, 11)).reports
    assert (report.strike_date, report.killed) == (date(2025, 11, 10), 6)


def test_a_strike_on_a_dock_that_loads_boats_is_no_boat_strike():
    text = "Trump confirmed U.S. forces struck a facility on the coast used to load boats with drugs on December 27."
    assert read(text, published=date(2025, 12, 31)).reports == ()


def test_people_have_been_killed_with_no_strike_of_its_own_is_a_running_total():
    text = ("The strike on a boat in the eastern Pacific on Friday killed two people. "
            "Rights groups estimate that at least 125 people have been killed.")
    extraction = read(text, published=date(2026, 1, 24))
    assert [r.killed for r in extraction.reports] == [2]
    assert [t.killed for t in extraction.totals] == [125]
    (own,) = read("Three people have been killed in the strike on a boat in the Caribbean on Friday.",
                  published=date(2026, 1, 24)).reports
    assert own.killed == 3


def test_a_follow_on_strike_that_killed_the_survivors_completes_the_toll_of_all_aboard():
    text = ("On September 2, the Navy struck a small boat off the coast of Trinidad, killing nine of the eleven people "
            "on board. Follow-on strikes a little later killed the two apparent survivors and sank the wreckage.")
    (report,) = read(text, published=date(2026, 1, 2)).reports
    assert (report.killed, report.survivors) == (11, None)
    assert [(f.value, f.qualifier, f.surface) for f in report.facts if f.qualifier == "all_aboard"] == [
        ("11", "all_aboard", "eleven people on board")]


def test_a_new_strike_confirmed_is_one_that_happened():
    text = ("The United States has confirmed a new military strike on a vessel in the eastern Pacific, leaving two "
            "people dead and one survivor unaccounted for, Southern Command said.")
    (report,) = read(text, published=date(2026, 1, 24)).reports
    assert (report.killed, report.survivors) == (2, 1)
    assert read("Hegseth said new strikes on boats would follow.", published=date(2026, 1, 24)).reports == ()


def test_the_total_number_of_such_strikes_is_a_count_of_strikes_not_of_dead():
    extraction = read("The strike on Friday brings the total number of such strikes since September to at least 36.",
                      published=date(2026, 1, 24))
    assert [(t.killed, t.strikes) for t in extraction.totals] == [(None, 36)]


def test_dead_of_strikes_that_no_number_counts_are_a_running_total():
    extraction = read("83 killed in US boat strikes: a chronological timeline", published=date(2025, 12, 1))
    assert extraction.reports == () and [t.killed for t in extraction.totals] == [83]
    (event,) = read("Six killed in two strikes on boats in the eastern Pacific on Sunday, Hegseth says",
                    published=date(2025, 11, 10)).reports
    assert (event.strike_date, event.killed) == (date(2025, 11, 9), 6)


def test_two_strikes_told_in_one_sentence_are_two_strikes():
    text = ("Three people were killed in the strike on the convoy Tuesday, and five were killed on the two vessels "
            "in Wednesday's strike, Southern Command said.")
    reports = read(text, published=date(2026, 1, 1)).reports
    assert [(r.strike_date, r.killed) for r in reports] == [(date(2025, 12, 30), 3), (date(2025, 12, 31), 5)]
    assert reports[1].facts[0].surface == "five were killed"  # each figure points into its own clause
    recap = ("It followed a Feb. 3 attack that killed five people, and strikes on Feb. 10 in the Caribbean and "
             "Feb. 17 off Ecuador that each killed three.")
    # a clause over two days is a recap: the sentence is not cut, so no strike of Feb. 10 or 17 comes of it
    assert {r.strike_date for r in read(recap, published=date(2026, 2, 25)).reports} <= {date(2026, 2, 3)}


def test_a_strike_on_an_unreadable_weekday_does_not_take_a_later_strikes_date():
    text = ("Asked about another strike in the eastern Pacific that killed two men on Monday, a spokesperson "
            "declined to comment.\n"
            "During the first boat strike of the campaign on Sept. 2, two people survived an initial strike but "
            "were killed in a follow-on attack.")
    reports = read(text, url="https://w.example/news/2025/12/strikes").reports  # no day to count Monday from
    assert [(r.strike_date, r.killed) for r in reports] == [(None, 2), (date(2025, 9, 2), 2)]


def test_killed_in_strikes_on_three_vessels_is_one_announcements_toll():
    (report,) = read("Dec. 15 — Eight people were killed in strikes on three vessels in the eastern Pacific.",
                     published=date(2025, 12, 20)).reports
    assert (report.strike_date, report.killed, report.vessels) == (date(2025, 12, 15), 8, 3)


def test_one_hundred_is_a_hundred():
    extraction = read("One hundred people have been killed since the campaign began.", published=date(2025, 12, 20))
    assert [t.killed for t in extraction.totals] == [100]


def test_tolls_told_in_other_words():
    from strikeledger.extract.casualties import find_figures

    cases = {
        "three male narco-terrorists - who were aboard the vessel - were killed.": [("killed", 3), ("vessels", 1)],
        "Two of the terrorists were killed, he said.": [("killed", 2)],
        "A similar strike resulted in one fatality and left two survivors.": [("killed", 1), ("survivors", 2)],
        "The two surviving terrorists are being returned to their countries.": [("survivors", 2)],
    }
    for text, figures in cases.items():
        assert [(f.kind, f.value) for f in find_figures(text)] == figures, text


def test_a_headline_with_a_subheads_month_folds_into_its_dated_lede():
    text = ("3 killed in US strike on 2nd alleged drug boat, Trump says A first strike killed 11 people earlier "
            "this month\nBy Two Reporters\n"
            "President Trump said Monday that he ordered another military strike against a boat, telling "
            "reporters the operation left three people dead.")
    reports = read(text, published=date(2025, 9, 15)).reports
    assert [(r.strike_date, r.killed) for r in reports] == [(date(2025, 9, 15), 3)]


def test_one_announcement_told_sea_by_sea_is_an_event_in_each_sea():
    text = ("U.S. forces blew up three boats overnight, killing 11 men in strikes in both the eastern Pacific and "
            "the Caribbean, the military announced on Tuesday. Of the 11 men killed, eight were on the two boats "
            "in the Pacific and the other three were in the Caribbean, the military said.")
    reports = read(text, published=date(2026, 2, 17)).reports
    assert [(r.strike_date, r.region, r.vessels, r.killed) for r in reports] == [
        (date(2026, 2, 16), "eastern_pacific", 2, 8), (date(2026, 2, 16), "caribbean", 1, 3)]
    assert [f.value for f in reports[1].facts if f.kind == "region"] == ["caribbean"]


def test_an_undated_page_counting_from_september_dates_its_list_in_the_campaigns_first_year():
    text = ("Officials have confirmed 20 strikes on suspected drug boats since the campaign launched in September.\n"
            "Nov. 6. The military struck a boat in the Caribbean, killing three.\n"
            "Jan. 23. A strike on a boat in the eastern Pacific killed two.")
    reports = read(text).reports
    assert [(r.strike_date, r.killed) for r in reports] == [(date(2025, 11, 6), 3), (date(2026, 1, 23), 2)]
    assert read("Nov. 6. The military struck a boat in the Caribbean, killing three.").reports[0].strike_date is None


def test_the_far_end_of_a_span_of_dates_dates_no_strike():
    text = ("This grid of images shows 10 of the incidents in which the US military has targeted boats, "
            "from September 2 to October 29.")
    assert read(text, published=date(2025, 11, 20)).reports == ()


def test_a_sentence_about_a_strike_reports_none():
    text = "Strike timeline\n\nSep 10 2025 Senators criticize lack of legal justification for strike.\n"
    assert read(text, published=date(2026, 1, 5)).reports == ()
    (told,) = read("Sep 15 2025 Second strike on a boat; three people killed.\n", published=date(2026, 1, 5)).reports
    assert (told.strike_date, told.killed) == (date(2025, 9, 15), 3)


def test_a_press_release_dateline_in_brackets_dates_the_page_not_the_strike():
    text = ("MIAMI, Fla. (Feb. 21, 2026) — Southern Command confirmed that U.S. forces conducted a lethal strike "
            "against a vessel in the eastern Pacific on Feb. 20, killing three.")
    article = build_article(text, {}, "release.txt")
    assert article.published == date(2026, 2, 21)
    (report,) = extract_article(article).reports
    assert (report.strike_date, report.killed) == (date(2026, 2, 20), 3)


def test_a_later_sentence_about_another_month_does_not_join_the_open_strike():
    text = ("Last Thursday, U.S. forces killed two people in a strike on a vessel in the eastern Pacific. "
            "In January, U.S. forces also killed three people on a boat in the Caribbean.")
    reports = read(text, published=date(2026, 2, 10)).reports
    assert [(r.strike_date, r.killed, r.region) for r in reports][0] == (date(2026, 2, 5), 2, "eastern_pacific")


def test_survivors_a_follow_on_strike_killed_are_no_survivors():
    text = ("The Sept. 2 strike on a boat in the Caribbean killed 11 people. The first missile left two survivors "
            "clinging to the wreckage; a follow-on strike killed the two survivors.")
    (report,) = read(text, published=date(2025, 12, 1)).reports
    assert (report.killed, report.survivors) == (11, None)

"""Word lists and patterns of the domain, kept as data in one place.

Each list says what it is for; the patterns were written against the sample corpus
(``examples/corpus``, scored by ``make eval``) and the five seed articles in
``shared/corpus/seeds``. Change a list here, then run the evaluation: the gate in
``tests/test_eval_gate.py`` holds the floors.
"""

from __future__ import annotations

import re

# Numbers written in words, as they appear in counts of people and strikes.
# "one hundred" before "one": the first alternative that fits is taken.
NUMBER_WORDS = (
    r"(?:(?:a|one|two)\s+hundred(?:\s+and\s+\w+)?"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
    r"seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|half\s+a\s+dozen|a\s+half-dozen|a\s+dozen)"
)
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{NUMBER_WORDS})"
QUALIFIER = (
    r"(?:(?:at\s+least|more\s+than|over|about|around|roughly|approximately|nearly|almost|some|up\s+to|"
    r"as\s+many\s+as"
    r"|an\s+estimated|a\s+total\s+of|all|all\s+of\s+the|all\s+the|a\s+further|another)\s+)"
)
QUALIFIED_NUMBER = rf"(?P<qual>{QUALIFIER})?(?P<n>{NUMBER})"
QUALIFIER_CODES = {
    "at least": "at_least", "more than": "more_than", "over": "more_than", "about": "about",
    "around": "about", "roughly": "about", "approximately": "about", "nearly": "about", "almost": "about",
    "some": "about",
    "up to": "at_most", "as many as": "at_most", "an estimated": "about",
}

# Nouns for the people aboard a struck boat. Adjectives may stand between number and noun.
PERSON_NOUN = (
    r"(?:people|persons|person|men|man|women|males?|females?|individuals|individual|narco-?terrorists?|"
    r"narco-?traffickers?|terrorists?"
    r"|traffickers?|smugglers?|suspects?|crew(?:\s+members)?|crewmen|crewmembers|occupants?|passengers?|"
    r"fishermen|fisherman"
    r"|sailors?|combatants?|victims?|others|members|boaters|operators|nationals|Venezuelans?|Colombians?|"
    r"Ecuadorians?"
    r"|Trinidadians?|Mexicans?|aboard|on\s+board|onboard)"
)
ADJECTIVES = (
    r"(?:(?!(?:on|in|the|of|and|or|were|was|are|is|aboard|killed|during|at|from|first|second|third|other|who|"
    r"that|had|have|has"
    r"|with|to|by|for|strikes?|attacks?|vessels?|boats?|people|men|survivors?|dead|died)\b)"
    r"[A-Za-z][\w'-]*\s+){0,4}?"
)
DEATH_WORD = (r"(?:(?:confirmed\s+|reported\s+|reportedly\s+)?(?:killed|dead|died|perished|slain|eliminated)|"
    r"lost\s+their\s+lives)")

# People who are not the boats' crews: their casualties are never the strike's deaths.
US_FORCES = re.compile(
    r"\b(?:U\.?S\.?|US|American|United\s+States)\s+(?:military\s+)?(?:forces|personnel|troops|"
    r"service\s*members|sailors|soldiers|military)",
    re.IGNORECASE,
)

# Nouns for boats.
VESSEL_NOUN = (
    r"(?:vessels?|boats?|ships?|speedboats?|go-fasts?|semi-submersibles?|narco-?subs?|narco-?boats?|"
    r"submarines?"
    r"|launch(?:es)?|skiffs?|craft|lanchas?|fishing\s+boats?|drug\s+boats?|narco-?vessels?)"
)
VESSEL_WORD = re.compile(rf"\b{VESSEL_NOUN}\b", re.IGNORECASE)

# Lemmas that make a sentence report an act of force (matched by spaCy's Matcher on LEMMA/LOWER).
STRIKE_LEMMAS = (
    "strike", "attack", "hit", "destroy", "target", "bomb", "sink", "kill",
    "blow", "fire", "engage", "obliterate",
)

# Irrealis: a sentence that speaks of strikes that have not (yet) happened.
IRREALIS = re.compile(
    r"\b(?:could|would|might|may|should|shall|will|won't|wouldn't|plans?\s+to|planning|planned|prepar(?:e|es|"
    r"ed|ing)\s+(?:military\s+)?options"
    r"|options?\s+for|directive|authoriz\w*|authoris\w*|threat\w*|vow\w*|warn\w*|rule\s+out|ruled\s+out|"
    r"consider\w*|weigh\w*"
    r"|possible|potential|prospect|hypothetical|if\s+|unless|whether|ready\s+to|prepared\s+to|intend\w*|"
    r"propos\w*|expand\s+(?:the\s+)?strikes"
    r"|strikes?\s+(?:inside|on|against\s+targets\s+in)\s+(?:Venezuela|Mexico|Colombia|land)|on\s+land|"
    r"land\s+targets?|ground\s+operations)\b",
    re.IGNORECASE,
)
MODAL_AUX = frozenset(
    {"could", "would", "might", "may", "should", "shall", "will", "can", "must", "'d", "wo", "ca"}
)

# Strikes on land targets ("strikes on Venezuela", "struck military installations around Caracas"):
# not the boat campaign, unless the same words name a vessel.
LAND_TARGET = re.compile(
    r"\b(?:struck|strikes?|strike|attack(?:ed|s)?|bomb(?:ed|ing|s)?|hit)\s+(?:on\s+|in\s+|inside\s+|"
    r"against\s+|across\s+|around\s+|into\s+)?"
    r"(?:targets\s+(?:in|inside|on)\s+)?(?:Venezuela|Caracas|Colombia|Mexico|Ecuador|Honduras|Panama|land|"
    r"Venezuelan\s+(?:soil|territory|military))\b"
    r"|\b(?:military\s+(?:installations?|bases?|compounds?|complex)|air\s*bases?|airfields?|airports?|"
    r"Fort\s+Tiuna|Fuerte\s+Tiuna|La\s+Carlota|drug\s+labs?|camps?|compounds?)\b",
    re.IGNORECASE,
)
# A strike on the shore, though the sentence names boats ("struck a facility on the coast used to
# load boats with drugs", "a dock area destroyed"): the target is what was struck, not the boats.
SHORE_TARGET = re.compile(
    r"\b(?:struck|strikes?|hit|attacked|bombed|destroyed|targeted)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:facility|facilities|dock|docks|port|pier|warehouse|airstrip|building|plant)\b"
    r"|\b(?:dock|pier|port)\s+(?:area\s+)?(?:was\s+)?destroyed\b",
    re.IGNORECASE,
)

# Strikes from another time or place than the campaign.
HISTORICAL = re.compile(
    r"\b(?:19\d\d|200\d|201\d|202[0-4])s?\b|\bdecades?\s+ago\b|\bin\s+the\s+\d{4}s\b", re.IGNORECASE
)

# Cumulative markers. SENTENCE_WIDE ones make every figure of the sentence a running total;
# TRAILING ones start a clause whose figures are totals while what precedes is the strike's own.
# The present perfect ("the military has struck") sums the campaign; the past perfect of
# reported speech ("Hegseth said the military had struck two vessels") narrates one strike.
# A toll in the perfect over plural strikes ("have killed at least 17 people in three strikes",
# "have now been killed in strikes", "six people have survived strikes") is a running total.
# "in total", "in all", "altogether" are not among them: they sum the vessels of one announcement
# ("strikes on two vessels that killed six people in total") as often as the campaign, and a
# campaign total carries one of the other markers.
CUMULATIVE_SENTENCE = re.compile(
    # "since the Trump administration's campaign against alleged drug boats began"
    r"\bsince\s+the\s+(?:[\w'-]+\s+){0,3}?(?:campaign|strikes|operations?|attacks|offensive)\s+(?:[\w'-]+\s+)"
    r"{0,5}?(?:began|started|was\s+launched)\b"
    # "since the United States began blowing up boats", "since the U.S. started striking"
    r"|\bsince\s+(?:the\s+)?(?:[\w.'-]+\s+){0,3}?(?:began|started|launched)\s+(?:blowing|striking|attacking|"
    r"bombing|its|the|a|targeting|to)\b"
    r"|\bsince\s+(?:the\s+(?:campaign|strikes|operation|attacks|offensive)\s+(?:began|started|was\s+launched)"
    r"|(?:early\s+|late\s+|mid-?)?"
    r"(?:August|September|October|November|December|January|February|March|then|the\s+start|the\s+beginning|"
    r"it\s+began|last\s+\w+)"
    r"|the\s+(?:first|initial)\s+(?:strike|attack)s?\b)"
    r"|\b(?:so\s+far|to\s+date|cumulative|overall)\b"
    r"|\b(?:campaign|strikes|operations|attacks|offensive|military\s+campaign|the\s+U\.?S\.?(?:\s+military)?|"
    r"the\s+United\s+States(?:\s+military)?|the\s+administration|the\s+military)"
    # "the military's campaign against suspected drug boats has now killed": what it is against
    r"(?:\s+(?:against|on|targeting)(?:\s+[\w.'’-]+){1,5}?)?"
    r"\s+(?:have|has)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:killed|left|claimed|conducted|carried\s+out|"
    r"destroyed|struck)"
    # ... but "has carried out another attack", "has struck a boat" tell one strike
    r"(?!\s+(?:another|a|an|one|its\s+latest|the\s+latest|yet\s+another)\b)"
    r"|\b(?:have|has)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:been\s+killed|killed|died|survived)"
    r"\b[^.;]{0,60}?\b(?:in\s+)?(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?(?:strikes|attacks)\b"
    # "rights groups estimate that at least 125 people have been killed": the perfect passive with
    # no strike of its own ("... in the strike") counts the campaign
    r"|\b(?:people|persons|men)\s+have\s+(?:now\s+|so\s+far\s+)?been\s+killed\b(?![^.;]{0,40}\b(?:in|by)"
    r"\s+(?:the|this|that|Friday's|"
    r"Thursday's|Wednesday's|Tuesday's|Monday's|Sunday's|Saturday's|a)\s+(?:[\w-]+\s+)?(?:strike|attack)\b)"
    # "83 killed in US boat strikes": dead of strikes no number counts ("six killed in two strikes"
    # is one announcement's)
    r"|\b(?:killed|dead|died)\s+in\s+(?:the\s+)?(?!(?:two|three|four|five|\d+)\b)(?:(?!(?:two|three|four|"
    r"five|\d+)\b)[\w.'’-]+\s+){0,3}(?:strikes|attacks)\b"
    # ... but "killed in strikes on three vessels" is one announcement's boats
    r"(?!\s+(?:on|against)\s+(?:two|three|four|five|six|\d+)\s+(?:[\w-]+\s+)?(?:vessels|boats))"
    # "in the three days of strikes this week": a sum over several strikes
    r"|\b(?:days|weeks|months)\s+of\s+(?:strikes|attacks)\b"
    r"|\b(?:total|overall|campaign(?:'s)?|cumulative)\s+(?:death\s+)?toll\b"
    r"|\bdeath\s+toll\s+(?:from|of|in)\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,3}?(?:campaign|strikes|operations|"
    r"attacks)\b"
    r"|\bat\s+least\s+\w+\s+(?:strikes|attacks)\b"
    r"|\b(?:more\s+than|over|nearly)\s+\w+\s+(?:strikes|attacks)\b",
    re.IGNORECASE,
)
CUMULATIVE_TRAILING = re.compile(
    r"\b(?:bring(?:s|ing)?|brought|rais(?:e|es|ed|ing)|push(?:es|ed|ing)?|lift(?:s|ed|ing)?|tak(?:e|es|ing)|"
    r"took)\s+"
    r"(?:to\s+(?:at\s+least\s+|more\s+than\s+)?\w+\s+)?(?:the\s+|its\s+)?"
    # "bringing the controversial campaign's total death toll": a few words may qualify the toll
    r"(?:(?!(?:toll|number|total|tally|count)\b)[\w'-]+\s+){0,4}?(?:(?:death\s+)?toll|number|total|tally|"
    r"count)"
    r"|\b(?:death\s+)?toll\s+(?:has\s+|had\s+)?(?:now\s+)?(?:risen|rose|climbed|stands|stood|reached|hit)\b",
    re.IGNORECASE,
)
# People named by their country among a strike's dead ("two Trinidadians killed", "two Colombian
# nationals"): a part of the toll, which reporting on their families often gives alone (the
# real-text set: the Trinidad strike of six read as two).
NATIONALS = re.compile(
    r"\b(?:Trinidadian|Tobagonian|Colombian|Venezuelan|Ecuadorian|Ecuadoran|Mexican|Guatemalan|Honduran|"
    r"Dominican|Jamaican|Salvadoran|Panamanian|Costa\s+Rican|Nicaraguan|Peruvian|Haitian|Guyanese|"
    r"Saint\s+Lucian|St\.?\s+Lucian|Grenadian|Vincentian)s?\b",
)
# A month just before a number makes it a day ("the Oct. 27 strikes"), not a count of strikes.
MONTH_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$", re.IGNORECASE
)
PLURAL_STRIKE_COUNT = re.compile(
    rf"\b(?P<qual>{QUALIFIER})?(?P<n>{NUMBER})\s+(?:known\s+|lethal\s+|fatal\s+|U\.?S\.?\s+|military\s+|"
    rf"deadly\s+|such\s+|separate\s+|boat\s+|confirmed\s+|announced\s+)*(?:strikes|attacks)\b",
    re.IGNORECASE,
)

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25,
    "thirtieth": 30, "fortieth": 40,
}
ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th)|" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + ")"
CAMPAIGN_ORDINAL = re.compile(
    rf"\b(?:the|its|a|marking\s+the|was\s+the)\s+(?P<ord>{ORDINAL})\s+(?:known\s+|such\s+|U\.?S\.?\s+|US\s+|"
    rf"announced\s+|reported\s+|confirmed\s+|lethal\s+|military\s+|boat\s+|deadly\s+|publicly\s+announced\s+|"
    rf"american\s+)*(?:strike|attack)\b",
    re.IGNORECASE,
)

# A second strike on the same boat the same day: its deaths are part of the first strike's toll.
FOLLOW_ON = re.compile(
    r"\b(?:a|an|the)\s+(?:second|follow-?up|follow-?on|subsequent|additional|another)\s+(?:strike|attack|"
    r"missile|round)\b(?![^.]{0,40}\b(?:vessel|boat)s?\b\s+(?:in|off))"
    r"|\bdouble[- ]tap\b|\bstruck\s+(?:it|the\s+(?:boat|vessel))\s+again\b",
    re.IGNORECASE,
)
# Parts of one announcement that covered several vessels ("three in the first vessel").
# The noun may be left out after a preposition: "three on the first and two on the second",
# "three on one vessel and two on another".
PART_PHRASE = re.compile(
    r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|other|last|remaining)\s+(?:vessel|boat|strike|"
    r"ship|craft|one)\b"
    r"|\b(?:on|aboard|in)\s+(?:the\s+)?(?P<ord2>first|second|third|fourth|fifth|other|last|remaining|one|"
    r"another)\b"
    r"(?!\s+(?:of|time|day|week|month|strike|attack)s?\b)",
    re.IGNORECASE,
)

# Markers that a figure replaces an earlier one.
REVISION = re.compile(
    r"\b(?:revis\w+|rais\w+|updat\w+|correct\w+|lower\w+|adjust\w+)\b[^.]{0,80}?\bfrom\s+(?P<old>"
    + NUMBER
    + r")\s+to\s+(?P<new>"
    + NUMBER
    + r")",
    re.IGNORECASE,
)

# "raised the death toll ... to four, up from the three it reported initially": a revision too.
REVISION_UP_FROM = re.compile(
    r"\bto\s+(?P<new>" + NUMBER + r")\s*,?\s+(?:up|down)\s+from\s+(?:the\s+)?(?P<old>" + NUMBER + r")\b",
    re.IGNORECASE,
)
# "five people were killed ..., revised down from an earlier count of three": the new toll is the
# sentence's killed figure
REVISION_FROM_EARLIER = re.compile(
    r"\brevised\s+(?:up|down)(?:ward)?\s+from\s+(?:an?\s+|the\s+)?(?:earlier|initial|previous|first)"
    r"\s+(?:count|figure|toll|tally|report)\s+of\s+(?P<old>"
    + NUMBER
    + r")\b",
    re.IGNORECASE,
)
# "initially reported three people killed and said the next day that four had died"
REVISION_LATER = re.compile(
    r"\b(?:initially|first|originally)\b[^.;]{0,60}?\b(?P<old>" + NUMBER + r")\b[^.;]{0,80}?"
    r"\b(?:later|the\s+next\s+day|the\s+following\s+day|subsequently|afterwards?|since\s+then)"
    r"\b[^.;]{0,50}?\b(?P<new>"
    + NUMBER
    + r")\b",
    re.IGNORECASE,
)
# What a revision revises must be a death toll for it to give the strike's killed figure.
TOLL_WORD = re.compile(r"\b(?:toll|killed|dead|deaths|death|fatalities)\b", re.IGNORECASE)

# A correction notice restating what an earlier version got wrong: the wrong figures in it
# belong to no strike.
MISSTATEMENT = re.compile(
    r"\b(?:misstated|misidentified|misreported|incorrectly\s+(?:stated|said|reported|gave|dated|described)|"
    r"erroneously\s+(?:stated|said|reported|gave))\b",
    re.IGNORECASE,
)

# A sentence that dates the strike being read ("The strike took place on Monday", "The strike,
# carried out Saturday, ..."): its date is that strike's, over a date read from a clause about
# something else (a search under way, an announcement).
DATES_THE_STRIKE = re.compile(
    r"^\W*(?:the|that|this)\s+(?:[\w.-]+\s+){0,2}?(?:strike|attack|operation)\s*,?\s+"
    r"(?:took\s+place|was\s+(?:carried\s+out|conducted|launched)|carried\s+out|conducted|occurred"
    r"|happened)\b",
    re.IGNORECASE,
)

# Signals that an event sentence is about a different strike from the one being read.
# The news an article announces without dating it: "has carried out another attack", "the latest
# strike", "a new strike" (late-period briefs of the real-text set give no other date).
ANNOUNCED_NEWS = re.compile(
    r"\b(?:another|latest|a\s+new|most\s+recent|fresh|yet\s+another)\b", re.IGNORECASE
)
NEW_STRIKE = re.compile(
    r"\b(?:another|a\s+separate|a\s+new|a\s+further|an\s+earlier|the\s+previous|a\s+previous|the\s+prior|"
    r"a\s+prior|the\s+last|an\s+additional)\s+(?:\w+\s+){0,2}?(?:strike|attack)\b"
    # "a strike on a different vessel": another boat, another strike
    r"|\b(?:a|the)\s+(?:different|separate)\s+(?:\w+\s+){0,2}?(?:vessel|boat)\b",
    re.IGNORECASE,
)

# Speakers. Officials announce strikes; the others are the voices that dispute or question them.
OFFICIAL_SPEAKERS: dict[str, str] = {
    "Hegseth": r"(?:Pete\s+)?Hegseth|(?:the\s+)?(?:Secretary\s+of\s+(?:War|Defense)|(?:War|Defense)"
        r"\s+Secretary|Pentagon\s+chief)",
    "SOUTHCOM": r"(?:U\.?S\.?\s+)?Southern\s+Command|U?S?SOUTHCOM|(?:Joint\s+Task\s+Force|JTF)"
        r"\s+Southern\s+Spear",
    "Trump": r"(?:President\s+)?(?:Donald\s+)?Trump(?!(?:'s)?\s+administration)|Truth\s+Social",
    "Pentagon": r"the\s+Pentagon|the\s+(?:Defense|War)\s+Department|the\s+Department\s+of\s+(?:Defense|War)",
    "White House": r"the\s+White\s+House",
    "Rubio": r"(?:Secretary\s+of\s+State\s+)?(?:Marco\s+)?Rubio",
}
DISPUTING_SPEAKERS: dict[str, str] = {
    "Petro (Colombia)": r"(?:Colombia(?:'s|n)\s+(?:President\s+)?)?(?:Gustavo\s+)?Petro|Colombia(?:'s|n)"
        r"\s+government|Bogot[aá]",
    "Venezuelan government": r"Maduro|Venezuela(?:'s|n)\s+(?:government|officials|foreign\s+minist(?:er|ry)|"
        r"president|interior\s+minister|authorities)|Caracas",
    "families": r"(?:the\s+)?(?:victims'\s+)?(?:famil(?:y|ies)|relatives|mother|father|sister|brother|wife|"
        r"widow)",
    "lawmakers": r"lawmakers|Democrats|senators?|Sen\.\s+\w+|Rep\.\s+\w+|members\s+of\s+Congress|"
        r"congressional\s+\w+",
    "UN experts": r"U\.?N\.?\s+(?:experts|human\s+rights\s+\w+|officials|rapporteurs?)|United\s+Nations",
    "rights groups": r"human[- ]rights\s+(?:groups|organizations|advocates)|Amnesty(?:\s+International)?|"
        r"Human\s+Rights\s+Watch|legal\s+experts",
    "Trinidad and Tobago": r"Trinidad(?:\s+and\s+Tobago)?(?:'s)?\s+(?:government|prime\s+minister|officials)",
    "Mexican government": r"Mexico(?:'s)?\s+(?:government|president|navy)|Sheinbaum",
}
ANNOUNCE_VERB = (r"(?:said|says|announced|announces|posted|posts|wrote|disclosed|confirmed|reported|stated|"
    r"shared|released|revealed|tweeted|declared|described|added|claimed|touted|celebrated)")
DISPUTE_VERB = (
    r"(?:denied|denies|disputed|disputes|rejected|rejects|condemned|condemns|denounced|denounces|questioned|"
    r"questions|challenged|contested"
    r"|accused|accuses|demanded|demands|called\s+(?:it|the\s+\w+|them)?\s*(?:an?\s+)?(?:execution|murder|"
    r"extrajudicial|illegal|unlawful)"
    r"|said\s+(?:that\s+)?(?:the\s+)?(?:\w+\s+){0,3}(?:was|were)\s+(?:an?\s+)?(?:innocent|civilian|"
    r"fisherm[ae]n|unarmed)|insisted)"
)
NO_EVIDENCE = re.compile(
    r"\bwithout\s+(?:providing|offering|presenting|giving|releasing|showing|sharing)\s+(?:any\s+)"
    r"?(?:evidence|proof)|\b(?:provided|offered|presented|gave|released|shown|shared)\s+no\s+(?:evidence|"
    r"proof)"
    r"|\b(?:has|have|had|did)\s+not\s+(?:provided|offered|presented|released|shown|shared|provide|offer|"
    r"present|release|show|share)\s+(?:any\s+)?(?:evidence|proof)|\bno\s+evidence\s+(?:was|has\s+been)"
    r"\s+(?:provided|offered|presented|released)",
    re.IGNORECASE,
)
VIDEO_RELEASED = re.compile(
    r"\b(?:released|posted|shared|published)\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:video|footage)|\b(?:video|"
    r"footage)\s+(?:showed|shows|of\s+the\s+strike)",
    re.IGNORECASE,
)

# Running lists: a line that starts with a date opens a new item; a line with only a month is a heading.
LIST_ITEM = re.compile(
    r"^\s*(?:[-*•–—]\s*|#+\s*|\d+[.)]\s+)?(?:\*\*)?(?P<date>(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)"
    r"day,?\s+)?"
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
    r"JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|"
    r"OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)"
    r"\.?\s+[0-3]?\d(?:st|nd|rd|th)?(?:,?\s+20\d\d)?|[0-3]?\d\s+(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)(?:\s+20\d\d)?|20\d\d-\d\d-\d\d)"
    r"(?:\*\*)?\s*(?:[:.,–—|-]|\s-\s)\s*(?:\*\*)?\s*\S"
)
# A dateline: a line that is only a date with its year (a story's publication line, perhaps
# followed by "| section"). It dates the page, not a strike, so it never opens a list item.
# A wire dateline opening an article ("WASHINGTON, Oct. 4 (Meridian Wire) —", "Dec. 19 (UPI) --"):
# the day the story was filed, not the day of a strike. A city or an outlet in brackets tells it
# from a running-list item led by a date.
# A command's press release puts the date in brackets: "MIAMI, Fla. (<Mon.> <day>, <year>) —".
WIRE_DATELINE = re.compile(
    r"^(?:(?P<city>[A-Z][A-Za-z .'\-]{1,60}?(?:,\s+[A-Z][a-z]{1,4}\.)?),?\s+)?(?P<bracket>\()?"
    r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>\d{4}))?(?(bracket)\))"
    r"\s*(?P<outlet>\([^)]{1,60}\))?\s*(?:--|[—–-])"
)
DATELINE = re.compile(
    r"^\s*(?:(?:Published|Updated|Posted)(?:\s+on)?:?\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"
    r"?"
    r"(?:(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
    r"\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+20\d\d|[0-3]?\d\s+(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\s+20\d\d|20\d\d-\d\d-\d\d"
    r"|[01]?\d/[0-3]?\d/20\d\d)"
    # a page's time stamp: "<Month> <day>, <year> 10:26 AM - Updated: <Month> <day>, <year> 11:16 AM",
    # "<Month> <day>, <year>, 6:19 PM ET"
    r"(?:,?\s+(?:at\s+)?[0-2]?\d:[0-5]\d\s*(?:[AP]\.?M\.?)?(?:\s+[A-Z]{2,4})?)?(?:\s*[-–|]?\s*(?:Updated|"
    r"Published):?\s+.*)?"
    r"\s*(?:\|[^|]*)*$",
    re.IGNORECASE,
)
MONTH_HEADING = re.compile(
    r"^\s*(?:#+\s*)?(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+20\d\d)?\s*:?\s*$",
    re.IGNORECASE,
)

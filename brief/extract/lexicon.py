"""Word lists the analyzer relies on: topics, cues, titles. Data only, documented in README.

Patterns are regular-expression fragments matched case-insensitively at word starts, so
`defen[cs]` covers defence, defense and defensive.
"""

from __future__ import annotations

# Topic labels in order of precedence: on a tie the earlier, more specific topic wins.
# Each topic has a weight: broad topics (Diplomacy) count less per hit than specific ones.
TOPICS: dict[str, tuple[float, tuple[str, ...]]] = {
    "Energy": (1.0, ("energy", "gas", "pipeline", "lng", "oil", "electricit", "power plant",
                     "fuel", "coal", "renewable", "solar", "wind farm", "refiner",
                     "nuclear power")),
    "Defence & security": (1.0, ("defen[cs]", "militar", "army", "troops", "weapon", "terror",
                                 "security", "missile", "armed forces", "joint exercise",
                                 "military exercise", "navy", "air force", "counter-terror")),
    "Health": (1.2, ("health", "vaccin", "covid", "dose", "hospital", "disease", "pandemic",
                     "virus", "medic", "patient", "sputnik")),
    "Trade & economy": (1.0, ("trade", "econom", "invest", "export", "import", "tariff",
                              "market", "gdp", "bank", "financ", "business", "sanction",
                              "budget", "inflation", "debt")),
    "Law & justice": (1.0, ("law", "court", "legal", "justice", "judge", "trial", "police",
                            "crime", "criminal", "convict", "sentenc", "arrest", "prosecut",
                            "lawsuit")),
    "Conflict & peace": (0.9, ("peace", "war", "ceasefire", "conflict", "taliban", "insurg",
                               "withdraw", "fighting", "dispute", "humanitarian", "refugee")),
    "Politics & governance": (0.8, ("election", "parliament", "vote", "party", "government",
                                    "legislat", "campaign", "opposition", "cabinet")),
    "Environment & climate": (1.0, ("climate", "emission", "environment", "flood", "drought",
                                    "carbon", "pollution", "wildlife")),
    "Technology": (1.0, ("technolog", "cyber", "digital", "internet", "software",
                         "artificial intelligence", "satellite")),
    "Diplomacy": (0.6, ("diploma", "visit", "talks", "bilateral", "summit", "invitation",
                        "foreign polic", "foreign minister", "embassy", "ambassador", "ties",
                        "relations", "cooperation", "multilateral", "united nations")),
}

# Endings a topic stem may take and still be the same word ("econom" + "ic").
ENDINGS = (r"(?:s|es|e|ed|d|ing|ings|al|ally|ary|ic|ics|ical|y|ies|ist|ists|ism|ive|ion|ions|"
           r"ation|ations|ate|ated|ity|er|ers|or|ors|ment|ments|ce|cy|ent|ents|ency|ial|ine|"
           r"ure|n|t|ts|tic|yer|yers|ians?)?")

# Verbs and nouns that report a concrete development: a decision, agreement, announcement,
# commitment or measured change.
OUTCOME_CUES = (
    "agree", "sign", "announc", "decid", "approv", "launch", "commit", "pledg", "provid",
    "deliver", "invit", "reaffirm", "boost", "increas", "rise", "rose", "fell", "fall",
    "cut", "deal", "agreement", "protocol", "accord", "treaty", "contract", "hosted",
    "hold", "held", "establish", "complete", "begin", "will ", "would boost", "plan",
    "extended", "restated", "determination", "allocat", "ban", "impos", "lift", "share",
    "position", "convergen", "arrest", "charged", "killed", "died", "won", "elected",
    "resign", "sued", "suspend", "fired", "released", "found", "revealed", "confirmed",
    "warned", "urged", "called for", "criticis", "criticiz", "admitted", "accused", "denied",
    "vowed", "promised", "demanded", "jailed", "sentenced", "ordered", "voted", "passed",
    "ranked", "popular", "score", "poll", "survey", "showed", "shows", "alleg", "referred to",
    "condemn", "reveal", "sent", "deploy", "dispatch", "evacuat", "landed", "airlift",
    "flew", "unveil", "introduc", "appoint", "award", "fund", "invest", "withdr", "spent",
    "raised", "publish", "insisted", "suggested", "stood down", "raised concerns",
    "welcomed", "rejected", "dismissed", "hit back", "responded",
)

# Words an outcome cue starts but that name no development: "according to" is no accord,
# "signal" no signing, "planes" no plan, "bank" no ban. Read after the cue, as lookaheads.
OUTCOME_CUE_NOT = {
    "accord": "ing", "sign": "al|ific|atur", "plan": "e|et", "ban": "k|d|an|ner",
    "poll": "ut|en", "won": "d|der", "found": "ation|er", "hold": "er",
    "share": "holder|s? a border",
}

# Outcome cues that name the development itself (an agreement, a figure's change) weigh more
# than those that only report activity.
STRONG_OUTCOME_CUES = frozenset((
    "agree", "sign", "announc", "decid", "approv", "launch", "commit", "pledg", "provid",
    "deliver", "invit", "deal", "agreement", "protocol", "accord", "treaty", "contract",
    "establish", "allocat", "ban", "impos", "share", "position", "increas", "rise", "rose",
    "fell", "cut", "boost",
))

# What makes a sentence analytic or forward-looking: modality, evaluation, cause, outlook.
ANALYTIC_CUES = (
    "could", "may", "might", "should", "must", "need", "likely", "expect", "hope",
    "will", "soon", "future", "deadline", "approach", "critical", "significant",
    "important", "delicate", "concern", "challeng", "risk", "threat", "opportunit",
    "because", "comes as", "amid", "as a result", "means that", "which means", "would mean",
    "will mean", "could mean", "signal", "seeks", "stature",
    "convergen", "geopolitic", "strategic", "priority", "key player", "significant player",
    "emerg", "first time", "warn", "urge", "call for", "called for", "would", "promise",
    "vow", "criticis", "criticiz", "fear", "worr", "impact", "implication", "consequence",
    "pressure", "debate", "backlash", "investigat", "review", "inquiry", "appeal", "oppos",
    "welcom", "suggest", "indicat", "admit", "conced", "acknowledg", "insist", "appear to",
    "prepared to", "set to", "poised", "court", "legal challenge", "battle", "have to",
    "has to", "demonstrates that", "demonstrated that", "shows that", "showed that",
    "show that", "clear steer", "a sign that",
)

# Analytic cues read only where they demand something: "must have drunk" infers, "didn't
# have to work" and "will have to pay" state a fact or a rule. Patterns replacing the cue.
ANALYTIC_CUE_AS = {
    "must": r"must(?! have\b)",
    "have to": r"(?<!will )(?<!would )(?<!n't )(?<!not )(?<!never )have to",
    "has to": r"(?<!n't )(?<!not )(?<!never )has to",
}

# Analytic cues that carry meaning on their own — risk, cause, consequence, reaction,
# likelihood — weigh more than bare modality ("will", "would", "should", "important").
STRONG_ANALYTIC_CUES = frozenset((
    "could", "may", "might", "likely", "expect", "need", "critical", "significant", "delicate",
    "concern", "challeng", "risk", "threat", "opportunit", "because", "comes as", "amid",
    "as a result", "means that", "which means", "would mean", "will mean", "could mean",
    "signal", "seeks", "stature", "geopolitic", "strategic",
    "key player", "significant player", "warn", "urge", "call for", "called for", "criticis",
    "criticiz", "fear", "worr", "impact", "implication", "consequence", "pressure", "debate",
    "backlash", "investigat", "inquiry", "appeal", "oppos", "welcom", "suggest", "indicat",
    "admit", "conced", "acknowledg", "insist", "appear to", "prepared to", "set to", "poised",
    "court", "legal challenge", "battle", "must", "have to", "has to", "demonstrates that",
    "demonstrated that", "shows that", "showed that", "show that", "clear steer",
    "a sign that",
))

# What makes a statement an implication: what the news means, what may follow, the risk,
# what must be done. A reaction ("criticised", "insisted", "welcomed") or a step taken ("an
# investigation was being conducted") is reporting, and stays out of the implications.
IMPLICATION_CUES = frozenset((
    "could", "may", "might", "likely", "expect", "need", "critical", "significant",
    "delicate", "concern", "challeng", "risk", "threat", "opportunit", "as a result",
    "means that", "which means", "would mean", "will mean", "could mean", "signal", "stature",
    "geopolitic", "strategic", "key player", "significant player", "warn",
    "urge", "call for", "called for", "fear", "worr", "impact", "implication", "consequence",
    "pressure", "appear to", "prepared to", "set to", "poised", "legal challenge", "must",
    "have to", "has to",
    # What someone reads the news to mean: "it demonstrates that the people of Scotland…"
    "demonstrates that", "demonstrated that", "shows that", "showed that", "show that",
    "clear steer", "a sign that",
))

# Cues that say outright what the news means or demands: a sentence holding one is left to
# the implications rather than read as part of the bottom line.
MEANING_CUES = frozenset((
    "implication", "consequence", "means that", "which means", "would mean", "will mean",
    "could mean", "must", "have to", "has to",
))

# Where someone said it, not what: "Mr Brown was speaking during a joint event at…".
SETTING = r"^[^,;:]{0,40}\b(?:was|were) (?:speaking|talking) (?:at|during|to|in|on|after|before)\b"

# Declining to say anything: no statement of meaning, whatever "might" it holds.
NO_COMMENT = (r"\b(?:(?:not going to|declined to|refused to|would not|wouldn't|could not|"
              r"couldn't|did not|didn't|will not|won't|cannot|can't|unable to) comment|"
              r"no comment)\b")

# How a survey or study was done: method, not meaning.
METHOD = ("were questioned", "were asked", "was asked", "were surveyed", "respondents",
          "margin of error", "score of", "sample of", "polled", "was taken to mean",
          "methodology")

# Words that, opening a sentence, point outside it.
PRONOUNS = ("he", "she", "they", "it", "this", "these", "that", "those", "his", "her",
            "their", "its", "him", "them", "we", "our", "us", "i", "my", "me", "you", "your",
            "others", "another", "fellow", "the other", "the same")
CONNECTIVES = ("but", "however", "and", "also", "moreover", "meanwhile", "so", "yet",
               "still", "therefore", "thus", "furthermore", "besides", "instead", "then",
               "nevertheless", "nonetheless", "in addition", "as a result", "at this",
               "as a matter of fact", "on the other hand", "in contrast", "otherwise",
               "likewise", "similarly", "consequently", "hence", "indeed", "especially",
               "well, ")  # "Well, we'll never know what he used…": a reply to what came before

# "It is hoped that…", "It was the first time…": an expletive `it`, not a dangling pronoun.
EXPLETIVE_IT = (r"it (?:is|was|has been|had been|would be|will be) (?:\w+ )?"
                r"(?:hoped|expected|likely|unlikely|clear|worth|important|possible|impossible|"
                r"the first|the last|believed|understood|reported|said|thought|feared|"
                r"estimated|time|necessary|essential|vital|known)\b")
# "Our young Earth may have collided…", "Our bodies…": the "our" of everyone, not of someone
# the sentence before named.
EVERYONE_S = (r"our (?:\w+ )?(?:planet|earth|world|solar system|galaxy|universe|species|"
              r"ancestors|bodies|brains?|genes|sun|moon|oceans?|climate|society|"
              r"civili[sz]ation)\b")

# Nouns that describe a person: "The top Russian diplomat termed…" is someone named before;
# "A hostage said…" is someone new.
# Courtesy titles before a surname ("Mr Brown"), and with the styles of rank ("Sir John").
COURTESY = r"(?:Mr|Mrs|Ms|Miss|Dr)\.?"
STYLED = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.?"

PERSON_NOUNS = (r"(?:diplomat|biologist|scientist|minister|president|leader|official|"
                r"spokes(?:man|woman|person)|man|woman|boy|girl|mother|father|star|actor|actress|"
                r"singer|player|victim|suspect|couple|pair|teenager|student|officer|chief|"
                r"premier|chancellor|secretary|senator|governor|mayor|judge|researcher|author|"
                r"professor|doctor|nurse|hostage|soldier|guard|witness|lawyer|driver|worker|"
                r"envoy|ambassador|general|commander|politician|candidate|mp|campaigner|"
                r"activist|boss|manager|coach|striker|midfielder|defender|goalkeeper|winger|"
                r"captain|champion|athlete|cyclist|rider|batsman|bowler|\d+-year-old)s?")

# Titles that precede a person's name ("Foreign Minister Shah Mahmood Qureshi").
TITLES = (
    "Foreign Minister", "Prime Minister", "Defence Minister", "Defense Minister",
    "Finance Minister", "Interior Minister", "Deputy Prime Minister", "Minister",
    "Secretary of State", "Secretary-General", "Secretary General", "Secretary",
    "President", "Vice President", "Vice-President", "Chancellor", "King", "Queen",
    "Prince", "Princess", "Senator", "Sen.", "Rep.", "Representative", "Governor", "Gov.",
    "Mayor",
    "General", "Gen.", "Admiral", "Colonel", "Col.", "Ambassador", "Chief Executive",
    "CEO", "Chairman", "Chairwoman", "Director", "Judge", "Spokesman",
    "Spokeswoman", "Spokesperson", "Commissioner", "Premier", "Pope", "Sheikh", "Emir",
    "Dr.", "Dr", "Professor", "Prof.", "Coach", "Captain", "Inspector", "Detective",
    "Officer", "Sergeant", "Sgt.", "Lt.", "Lieutenant", "Spc.", "Specialist", "Pvt.",
    "Private", "Cpl.", "Corporal", "Capt.", "Maj.", "Major",
)

# Capitalised words that look like names but are not (sentence starts, months, days).
NOT_NAMES = frozenset((
    "The", "A", "An", "In", "On", "At", "As", "But", "And", "He", "She", "It", "They",
    "This", "That", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mr", "Mrs", "Ms",
    # given names in the list that news uses for other things: "Royal Mail", "Cleveland
    # Cavaliers"
    "Royal", "Cleveland",
))

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself said says
say told one two new also mr mrs ms
""".split())

NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty",
                "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens")

# Last words of organisation names ("Shanghai Cooperation Organization", "Defence Ministry").
ORGANISATION_WORDS = (
    "Organization", "Organisation", "Ministry", "Council", "Union", "Agency", "Bank", "Party",
    "Company", "Corporation", "University", "Court", "Commission", "Association", "Institute",
    "Department", "Committee", "Fund", "Assembly", "Parliament", "Congress", "Senate",
    "Nations", "Alliance", "Forum", "Federation", "Authority", "Office", "Service", "Police",
    "Army", "Navy", "Force", "Forces", "Group", "Foundation", "Board", "Bureau", "Inc", "Ltd",
    "Club", "League", "Network", "Times", "Post", "News", "Agency",
)

# Organisations commonly named without such a word.
ORGANISATIONS = (
    "NATO", "Taliban", "European Union", "United Nations", "EU", "UN", "IMF", "World Bank",
    "WHO", "OPEC", "ASEAN", "African Union", "G7", "G20", "Quad", "Hamas", "Hezbollah",
    "Islamic State", "ISIS", "Kremlin", "Pentagon", "White House", "Interpol", "Red Cross",
)

COUNTRIES = (
    "Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia",
    "Austria", "Azerbaijan", "Bahrain", "Bangladesh", "Belarus", "Belgium", "Bhutan",
    "Bolivia", "Bosnia", "Brazil", "Britain", "Bulgaria", "Burkina Faso", "Cambodia",
    "Cameroon", "Canada", "Chad", "Chile", "China", "Colombia", "Congo", "Croatia", "Cuba",
    "Cyprus", "Czech Republic", "Denmark", "Ecuador", "Egypt", "Eritrea", "Estonia",
    "Ethiopia", "Finland", "France", "Georgia", "Germany", "Ghana", "Greece", "Guatemala",
    "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq",
    "Ireland", "Israel", "Italy", "Ivory Coast", "Jamaica", "Japan", "Jordan", "Kazakhstan",
    "Kenya", "Kosovo", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Libya",
    "Lithuania", "Luxembourg", "Malaysia", "Mali", "Malta", "Mexico", "Moldova", "Mongolia",
    "Montenegro", "Morocco", "Mozambique", "Myanmar", "Namibia", "Nepal", "Netherlands",
    "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Korea", "Norway", "Oman",
    "Pakistan", "Palestine", "Panama", "Paraguay", "Peru", "Philippines", "Poland",
    "Portugal", "Qatar", "Romania", "Russia", "Rwanda", "Saudi Arabia", "Scotland",
    "Senegal", "Serbia", "Singapore", "Slovakia", "Slovenia", "Somalia", "South Africa",
    "South Korea", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Sweden", "Switzerland",
    "Syria", "Taiwan", "Tajikistan", "Tanzania", "Thailand", "Tunisia", "Turkey",
    "Turkmenistan", "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom",
    "United States", "Uruguay", "Uzbekistan", "Venezuela", "Vietnam", "Wales", "Yemen",
    "Zambia", "Zimbabwe", "U.S.", "US", "USA", "UK", "America", "England", "UAE",
)
COUNTRY_ALIASES = {"U.S.": "United States", "US": "United States", "USA": "United States",
                   "America": "United States", "UK": "United Kingdom",
                   "Britain": "United Kingdom", "UAE": "United Arab Emirates"}

# A statement about the future: what "what to watch" is made of. "Next month's election" is
# an event named in passing, not the statement's future.
FUTURE = (r"\b(?:will|shall|is (?:expected|due|set|scheduled|planned) to|are (?:expected|due|"
          r"set|scheduled|planned) to|plans? to|planning to|intends? to|upcoming|"
          r"[Nn]ext (?:week|month|year)(?!['’]s)|later this|in the coming)\b")
# A forecast of a quantity ("will reach 15.8 per cent by 2030"): a finding of the source,
# not an event to watch for.
PROJECTION = (r"\b(?:will|would|could|is (?:expected|projected|forecast|set) to|are (?:expected|"
              r"projected|forecast|set) to)\s+(?:reach|rise|fall|grow|increase|decline|decrease|"
              r"drop|hit|top|exceed|surpass|account for|double|triple|climb|swell|shrink|"
              r"number|total)\b")
# A date or time such a statement names. A month alone is no date: "joined May in confirming".
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
WHEN = (rf"\b(?:{_MONTH} \d{{1,2}}(?:, \d{{4}})?|\d{{1,2}} {_MONTH}(?: \d{{4}})?|"
        rf"(?:early |mid-|late |by |in |from |until ){_MONTH}(?: \d{{4}})?|{_MONTH} \d{{4}}|"
        r"(?:on |by |next |this )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
        r"next (?:week|month|year)|later this (?:week|month|year)|in the coming (?:days|weeks|"
        r"months|years)|by (?:the end of )?(?:\d{4}|the year)|in \d{4}|"
        r"in (?:about |around |some )?(?:a|an|one|two|three|four|five|six|\d+) "
        r"(?:days?|weeks?|months?|years?))\b")

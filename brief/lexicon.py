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

# Verbs and nouns that report a concrete development: a decision, agreement, announcement,
# commitment or measured change.
OUTCOME_CUES = (
    "agree", "sign", "announc", "decid", "approv", "launch", "commit", "pledg", "provid",
    "deliver", "invit", "reaffirm", "boost", "increas", "rise", "rose", "fell", "fall",
    "cut", "deal", "agreement", "protocol", "accord", "treaty", "contract", "hosted",
    "hold", "held", "establish", "complete", "begin", "will ", "would boost", "plan",
    "extended", "restated", "determination", "allocat", "ban", "impos", "lift",
)

# What makes a sentence analytic or forward-looking: modality, evaluation, cause, outlook.
ANALYTIC_CUES = (
    "could", "may", "might", "should", "must", "need", "likely", "expect", "hope",
    "will", "soon", "future", "deadline", "approach", "critical", "significant",
    "important", "delicate", "concern", "challeng", "risk", "threat", "opportunit",
    "because", "comes as", "amid", "as a result", "means", "signal", "seeks", "stature",
    "convergen", "geopolitic", "strategic", "priority", "key player", "significant player",
    "emerg", "first time",
)

# Words that, opening a sentence, point outside it.
PRONOUNS = ("he", "she", "they", "it", "this", "these", "that", "those", "his", "her",
            "their", "its", "him", "them", "we", "our", "us")
CONNECTIVES = ("but", "however", "and", "also", "moreover", "meanwhile", "so", "yet",
               "still", "therefore", "thus", "furthermore", "besides", "instead", "then",
               "nevertheless", "nonetheless", "in addition", "as a result", "at this",
               "as a matter of fact", "on the other hand", "in contrast", "otherwise",
               "likewise", "similarly", "consequently", "hence", "indeed", "especially")

# "It is hoped that…", "It was the first time…": an expletive `it`, not a dangling pronoun.
EXPLETIVE_IT = (r"it (?:is|was|has been|had been|would be|will be) (?:\w+ )?"
                r"(?:hoped|expected|likely|unlikely|clear|worth|important|possible|impossible|"
                r"the first|the last|believed|understood|reported|said|thought|feared|"
                r"estimated|time|necessary|essential|vital|known)\b")

# Titles that precede a person's name ("Foreign Minister Shah Mahmood Qureshi").
TITLES = (
    "Foreign Minister", "Prime Minister", "Defence Minister", "Defense Minister",
    "Finance Minister", "Interior Minister", "Deputy Prime Minister", "Minister",
    "Secretary of State", "Secretary-General", "Secretary General", "Secretary",
    "President", "Vice President", "Vice-President", "Chancellor", "King", "Queen",
    "Prince", "Princess", "Senator", "Sen.", "Rep.", "Representative", "Governor", "Mayor",
    "General", "Gen.", "Admiral", "Colonel", "Col.", "Ambassador", "Chief Executive",
    "CEO", "Chairman", "Chairwoman", "Director", "Judge", "Spokesman",
    "Spokeswoman", "Spokesperson", "Commissioner", "Premier", "Pope", "Sheikh", "Emir",
    "Dr.", "Dr", "Professor", "Prof.", "Coach", "Captain", "Inspector", "Detective",
    "Officer", "Sergeant", "Sgt.", "Lt.", "Lieutenant",
)

# Capitalised words that look like names but are not (sentence starts, months, days).
NOT_NAMES = frozenset((
    "The", "A", "An", "In", "On", "At", "As", "But", "And", "He", "She", "It", "They",
    "This", "That", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mr", "Mrs", "Ms",
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

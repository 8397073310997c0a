"""The title of a brief with no headline of its own: made by deleting words from the
bottom-line sentence, never cut into a fragment and never ending in "…"."""

from __future__ import annotations

import re

from brief.extract.analyze import NAMED_LATER, Analysis, Features, starts_dangling
from brief.extract.quotable import quotable

# Where a headline may end: before a clause that adds circumstance to the news.
_TITLE_CUT = re.compile(r",\s|;\s|:\s|\s(?:--|–|—|-)\s|\s(?:because|while|as|when|"
                        r"amid|despite|following|in order to|in a bid to|so that|which|who|"
                        r"but|until|unless|although|though|since|if|whereas|in what|"
                        r"in protest|in a bid|in an attempt|in order|during)\s"
                        # not a time's ("texting him hours before…") nor a score's ("on 16
                        # under par")
                        r"|(?<!hours)(?<!days)(?<!weeks)(?<!months)(?<!years)(?<!minutes)"
                        r"(?<!moments)(?<!shortly)(?<!soon)(?<!just)(?<!long)\s(?:after|before)\s"
                        r"|(?<!\d)\sunder\s"
                        # "visited Pakistan and held talks": a second verb phrase
                        r"|\sand\s(?=(?:\w+ed|held|met|said|made|took|gave|told|won|lost|left|"
                        r"began|became|sent|spent|brought|kept|urged|signed|agreed)\s)")
# Where a headline may end as a last resort: before a phrase of place, time or purpose.
_PHRASE_CUT = re.compile(r"\s(?=(?:at|for|in|on|over|from|into|during|by|with)\s)")
_FINITE = (r"has|have|had|is|are|was|were|will|would|could|can|may|might|must|should|did|"
           r"does|says|said|told|left|made|took|gave|won|lost|met|sent|held|went|came|found|"
           r"began|became|saw|got|led|ran|rose|fell|grew|struck|kept|brought|sold|paid|chose|"
           r"drew|flew|fled|spoke|wrote|broke|shook|"
           # irregular pasts: "…while the Liberal party spent half"
           r"spent|cut|hit|put|beat|shot|quit|set|let|bought|caught|taught|thought|sought|"
           r"fought|felt|dealt|meant|built|lent|stood|understood|hung|sang|rang|drank|threw|"
           r"knew|drove|rode|wore|tore|froze|stole|woke|forgot|hid|bit|lit|fed|heard|laid|"
           r"slept|wept|swept|withdrew|overcame|arose|forgave|undertook|overtook|shut|spread|"
           r"split|burst|cost|hurt|stuck|swore|sank|sprang")
_VERB = re.compile(rf"\b(?:{_FINITE}|\w{{3,}}ed)\b")
_AUXILIARY = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|could|can|may|might|"
                        r"must|should|did|does|says|said|told)\b")
_AUXILIARIES = frozenset("was were been be is are has have had being".split())
_MODALS = frozenset("will would could can may might must should shall to not".split())


def _dangles(head: str) -> bool:
    """Return True if `head` stops where what follows is wanted: on a participle with no
    auxiliary ("originally bound", "trying"), or a verb after a modal ("will call", "to
    comply"). "was arrested" is a whole statement."""
    words = head.split()
    last, before = words[-1].lower(), words[-2].lower() if len(words) > 1 else ""
    if last in ("bound", "due", "set", "able", "ready", "about", "likely", "than", "yet",
                "twice", "more", "less", "so", "too", "as", "much", "many",
                "enough", "forced", "going", "trying", "used", "want", "wants", "plan", "plans"):
        return True
    if re.fullmatch(r"\w+(?:ed|ing)", last) and before not in _AUXILIARIES \
            and not re.search(r"\b(?:have|has|had|get|got)\s(?:\S+\s){1,2}\S+$", head):
        return True  # ("to have her mother killed" is whole)
    return before in _MODALS and last not in ("death", "hospital", "prison", "jail", "court")


# Words whose clause a headline cannot end before its verb.
_NEEDS_VERB = ("that", "but", "when", "because", "while", "although", "though", "unless",
               "whereas")


def _complete(head: str) -> bool:
    """Return True if `head` reads as a statement: 8 words or more, a verb, one after any
    "that" or "when", and not ending on a participle or a little word."""
    return (len(head.split()) >= 8 and bool(_VERB.search(head)) and _clauses_whole(head)
            and not _OPEN_END.search(head) and not _dangles(head))


def _clauses_whole(head: str) -> bool:
    """Return True unless a clause `head` opens stops before its verb: "… when he said that
    their application", "… skin cancer but man", "…began on a sombre note when Australian
    Marc Leishman"."""
    return all(_VERB.search(re.split(rf"\b{word}\b", head)[-1])
               for word in _NEEDS_VERB if re.search(rf"\b{word}\b", head))


# "Jilted lover who sent … to her daughter has been jailed": the clause between the subject
# and its verb, which a headline drops ("Jilted lover has been jailed").
_RELATIVE = re.compile(r"^((?:\S+\s){1,4}?\S+)\s(?:who|which|that)\s[^,;:\"]{5,200}?\s"
                       r"(?=(?:has|have|had|is|are|was|were|will|would|could|can)\s)")
# "committee that is investigating" → "committee investigating", "homes which were built"
# → "homes built": a relative pronoun and "be" before a participle, which a headline drops.
# Not before an adjective in -ing ("a film which is interesting"), nor a demonstrative
# "that" after a verb ("said that is wrong").
_WHIZ = re.compile(r"(?<![Ss]aid)(?<![Ss]ays)(?<!told)(?<!claimed)(?<!think)(?<!thinks)"
                   r"(?<=[a-z])\s(?:who|which|that)\s(?:is|are|was|were)\s"
                   r"(?!(?:interesting|amazing|surprising|shocking|worrying|exciting|alarming|"
                   r"disappointing|striking|confusing|concerning|devastating|embarrassing|"
                   r"frightening|terrifying|stunning|astonishing|depressing|encouraging|"
                   r"promising|outstanding|boring|charming|missing|willing|loving|caring|"
                   r"daring|fitting|pressing|thriving|leading|ongoing|upcoming|"
                   r"outgoing|everything|nothing|something|anything)\b)"
                   r"(?=[a-z]{2,}(?:ing|ed)\b|(?:taken|given|written|chosen|driven|broken|"
                   r"spoken|stolen|beaten|hidden|seen|known|shown|thrown|drawn|grown|held|"
                   r"made|found|sent|built|kept|left|lost|paid|sold|caught|brought|bought|"
                   r"set|run|hit|put|cut|shot)\b)")
# "have been" before a participle, which a headline drops.
_PERFECT_PASSIVE = re.compile(r"\b(?:has|have) been\s+(?=\w+(?:ed|en|wn)\b)")
# "Angus Carpenter, of Liverpool, who has played…, denied": the asides between a named
# subject and its verb, which a headline drops ("Angus Carpenter denied…"). The verb is the
# first word after a comma that reads as one: not "radio" in "on TV, radio and records,".
_ASIDES = re.compile(r"^((?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’.-]*),\s"
                     r"(?:who|whose|which|of|from|aged|a|an|the|one|two|three|four|five|\d|"
                     r"[a-z]{3,}ed\s|held\s|built\s|known\s|born\s|seen\s|given\s|"
                     r"his|her|their|its|now|formerly|once|himself|herself|[A-Z])"
                     r"[^;:\"“”]*?,\s(?=(?:" + _VERB.pattern
                     + r")\s)")
# A finite verb after the comma that closes an aside: the verb the aside parted from its
# subject ("…Wakefield, reversed the vehicle…", "…London, were reported missing…"), not a
# participle ("…, becoming the first…") nor a little word ending in s ("this", "as").
_VERB_AFTER = (r"(?!(?:this|thus|his|its|hers|theirs|as|us|yes|perhaps|always|across|less|"
               r"unless|towards|afterwards|besides|news|said|says|told)\b)"
               rf"(?:[a-z]{{2,}}(?:ed|s)|{_FINITE})\s")
# "…after Gary Green, 51, of Bradburn Road, Wakefield, reversed…", "…month Elena, a
# 40-year-old Muscovite, spreads…": a named person's age and address inside the sentence,
# which a headline drops as it does at the start.
_AGED = re.compile(r"(\b[A-Z][\w'’-]+),\s(?:(?:a|an)\s)?\d{1,3}(?:-year-old(?:\s[^,;:]{1,40})?)?"
                   r"(?:,\s(?:of|from)\s[^,;:]{3,40}(?:,\s[A-Z][\w'’ -]{2,30})?)?,\s"
                   r"(?=" + _VERB_AFTER + ")")
# "…when Australian Marc Leishman, who got so close to victory in 2013…, had to withdraw":
# a relative clause between a name and its verb inside the sentence, which a headline drops
# (at the start, _ASIDES decides).
_WHO_ASIDE = re.compile(r"(?<=\w\s)([A-Z][\w'’-]+),\s(?:who|which)\s[^;:\"“”]{3,160}?,\s"
                        r"(?=" + _VERB_AFTER + ")")
# A list of names, not an aside: "Britain, France and Germany, …", "Smith, Jones and Brown".
_LISTED = re.compile(r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*(?:,\s[A-Z][\w'’.-]*)*,?\s"
                     r"(?:and|or)\s[A-Z]")
_NO_HEADLINE = frozenset("yesterday today tomorrow meanwhile however now earlier later then "
                         "last this next in on at".split())
# A concession, which a "but" answers: "may only be small", "might seem".
_CONCEDES = re.compile(r"\b(?:may|might)\s(?:\w+\s)?(?:be|seem|look|sound)\b")
# A concession before the news its "but" gives a name to: "She may be a First Daughter, but
# Sarah Obama…".
_CONCEDED = re.compile(r"[^,]*\b(?:may|might)\s[^,]*,\s+but\s+(?=[A-Z][a-z]+\s[A-Z])")
# A clause a headline cannot stand on alone: "After weeks of speculation about whether…".
_SUBORDINATE = re.compile(r"(?:After|Before|Although|Though|Because|Since|Despite|Amid|"
                          r"Following|Whether)\b[^,]*$")
# A headline never ends on one of these: "Brown warned that", "the first of".
_OPEN_END = re.compile(r"\b(?:that|the|a|an|of|to|and|or|but|his|her|its|their|is|are|was|were|"
                       r"has|have|had|be|been|will|would|could|should|may|might|not|no|very|"
                       r"more|most|than|as|in|on|at|by|for|with|from|into|who|which|whose)$",
                       re.I)
# A closing attribution: ", police said.", ", according to a study.", ", it emerged today."
_ATTRIBUTION = re.compile(
    r",?\s+(?:according to\s[^,;]+|(?:(?:the|a|an)\s)?[\w.'’ -]{1,40}?\s(?:said|says|"
    r"told\s[\w .'’-]{1,40}?|reported|added|claimed|confirmed|revealed|explained|insisted|"
    r"warned|admitted)(?:\s(?:on|last|this)\s\w+|\stoday|\syesterday|\s[A-Z][a-z]+day)?|it\s(?:has\s)?(?:emerged|"
    r"was\sclaimed|was\sreported|is\sunderstood|has\sbeen\sclaimed|was\srevealed)"
    r"(?:\stoday|\syesterday|\slast\snight)?)(?=[.!]?$)")


# A lead that sets a scene rather than stating news: "As the earth shook in Nepal, tremors
# were felt over the border in India as well."
_SCENE = re.compile(r"(?:As|While|When|With|Amid)\s[^,]{3,80},\s")
# "It was a call to action: " before the clause that states the news.
_LEAD_IN = re.compile(r"[^:\"“'‘]{3,40}:\s(?=[A-Z])")


def derive_title(analysis: Analysis, lead: Features | None = None, most: int = 14) -> str:
    """Return a headline made by deleting words from the bottom-line sentence (never the
    file name, never a fragment ending in …).

    The closing attribution, bracketed asides and a leading article go; a sentence still
    longer than `most` words ends before a clause that only adds circumstance, at the last
    place where what is left is a complete statement. An article with no usable sentence
    gets "Untitled brief".
    """
    if lead is None:
        lead = next((f for f in analysis.features if quotable(f)), None)
    if lead is None or not (lead.text or lead.core):
        return "Untitled brief"
    title = _shortened(lead, most)
    start = analysis.features.index(lead) if lead in analysis.features else 0
    if _SCENE.match(lead.text or "") and not lead.outcome_cues and not lead.figures:
        for f in analysis.features[start + 1: start + 3]:  # the news may follow the scene
            text = f.text or _after_lead_in(f.core or "")
            other = _shortened(f, most, text) if f.outcome_cues and text else ""
            if 6 <= len(other.split()) <= most + 3 and _VERB.search(other) \
                    and not _OPEN_END.search(other) and not _dangles(other) \
                    and not re.match(r"(?:As|While|When|With|Amid|If|Because)\b", other):
                return other
    if len(title.split()) > most + 6:  # too long to read as a headline: the next sentence
        subject = {w.lower().strip(".,'’s") for w in title.split()[:4] if len(w) > 3}
        for f in analysis.features[start + 1: start + 3]:  # may state the news shortly,
            other = _shortened(f, most) if quotable(f) else ""  # about the same subject
            words = {w.lower().strip(".,'’s") for w in other.split()}
            if 6 <= len(other.split()) <= most + 6 and subject & words:
                return other
    return title


def _after_lead_in(core: str) -> str | None:
    """Return what follows a lead-in ("It was a call to action: India began…"), when that
    stands alone; else None."""
    match = _LEAD_IN.match(core)
    rest = core[match.end():] if match else ""
    return rest if len(rest.split()) >= 6 and not starts_dangling(rest) else None


def _shortened(lead: Features, most: int, text: str | None = None) -> str:
    """Return the headline made from one sentence (or `text`, part of it) by deleting
    words."""
    text = _headline_words(text or lead.text or lead.core or "", most)
    asides = _ASIDES.match(text) if len(text.split()) > most else None
    if asides and asides.group(1).split()[0].lower() not in _NO_HEADLINE \
            and not _LISTED.match(text, asides.end(1) + 2):  # "Britain, France and Germany,"
        shorter = asides.group(1) + " " + text[asides.end():]
        # Only where the statement left says enough: "UKIP, which won May's election, spent
        # £2.9m, while…" keeps its aside; "Stan Freberg has died" needs none. A subject in
        # lower case says who only with its aside, which stays where the statement ends
        # within a headline's length: "Males, two aged 17 and one 19, from north-west
        # London, were reported missing in March", not "Males were reported missing".
        cut = _TITLE_CUT.search(text, asides.end())
        whole = text[: cut.start()] if cut else text
        vague = re.search(rf"\b[Tt]he {re.escape(asides.group(1).lower())},",
                          lead.text or lead.core or "")
        if len(re.split(r"[,;:]\s|\s[-–—]\s", shorter)[0].split()) >= 4 \
                and not (vague and len(whole.split()) <= most + 3 and _complete(whole)):
            text = shorter
    if len(text.split()) > most:
        text = _AGED.sub(r"\1 ", text)
    if len(text.split()) > most:
        text = _WHO_ASIDE.sub(r"\1 ", text)
    if len(text.split()) > most:  # a relative clause between subject and verb can go
        clause = _RELATIVE.match(text)
        if clause and not _AUXILIARY.search(clause.group(1)):  # "Family was told that …"
            shorter = clause.group(1) + " " + text[clause.end():]
            text = shorter if len(shorter.split()) >= 5 else text
    # Headline style, once the clause is gone: "Eight guards … have been suspended" →
    # "Eight guards … suspended"; a quotation keeps its words.
    passive = _PERFECT_PASSIVE.search(text)
    if passive and not re.search(r"['‘\"“]|\bthat\b", text[: passive.start()]):
        text = text[: passive.start()] + text[passive.end():]  # in the main clause only
    if len(text.split()) > most:
        heads = [text[: m.start()].rstrip(" ,;:") for m in _TITLE_CUT.finditer(text)
                 # "The humble honeybee may be small, but…": the news is what comes after
                 if not (_CONCEDES.search(text[: m.start()])
                         and re.match(r",?\s*but\b", text[m.start():]))]
        if re.match(r"(?:They|He|She)\b", text):  # "They played in grey…, … for Newcastle
            # United": a cut keeps the name its "they" means
            heads = [h for h in heads if NAMED_LATER.match(h)]
        # never between a subject and its verb: "…after Gary Green, 51, of Bradburn Road,
        # Wakefield" + ", reversed the vehicle…"
        heads = [h for h in heads
                 if ", " not in h or not re.match(r",\s+" + _VERB_AFTER, text[len(h):])]
        heads = [h for h in heads if len(h.split()) >= 6 and not _OPEN_END.search(h)
                 and not _dangles(h) and not h.startswith("With ")
                 and _clauses_whole(h)
                 and not _SUBORDINATE.match(h)
                 and h.count("(") == h.count(")") and h.count('"') % 2 == 0
                 and len(re.findall(r"(?<!\w)['‘]|['’](?!\w)", h)) % 2 == 0]
        if not any(len(h.split()) <= most + 3 for h in heads) \
                and len(text.split()) > most + 3 \
                and not re.match(r"(?:They|He|She)\b", text):  # before a phrase, then
            heads += [text[: m.start()] for m in _PHRASE_CUT.finditer(text)
                      if _complete(text[: m.start()])]
        fitting = [h for h in heads if len(h.split()) <= most + 3]
        text = max(fitting, key=len) if fitting else min(heads, key=len, default=text)
    concession = _CONCEDED.match(text)
    if concession and len(text.split()) > most + 6:  # too long with it: what "but" says
        text = text[concession.end():]  # ("…, but Sarah Obama is still a teenager and…")
    if len(text.split()) > most:  # words a headline does without, meaning unchanged; only
        # now, as the cuts above need each "that" to find its verb. A "that" after "said"
        # stays: "has revealed ultra-short hairstyle she models … was inspired" misleads.
        text = _outside_quotes(text, lambda part: _WHIZ.sub(" ", part))
    return text[:1].upper() + text[1:]


def _headline_words(text: str, most: int = 14) -> str:
    """Return `text` with what a headline leaves out deleted: the attribution at its end,
    asides in brackets or between dashes, a leading article, the full stop."""
    text = text.strip()
    match = _ATTRIBUTION.search(text.rstrip(" .!"))
    if match and len(text[: match.start()].split()) >= 5 and '"' not in text[match.start():]:
        text = text[: match.start()]
    text = re.sub(r"\s*\([^()]{0,60}\)", "", text)
    text = re.sub(r"\s+(?:--|–|—)\s[^–—]{0,80}?\s(?:--|–|—|-)\s", " ", text)
    text = re.sub(r"\s(?:today|yesterday|tonight|last night|this week|this morning|"
                  r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                  r"(?: morning| afternoon| evening| night)?)\b", "", text)
    opening = re.match(r"(?:As|While|When|After|Before|Although|Though|Since|Despite|Amid|"
                       r"Within|"  # and a participle: "Going into Sunday's game, Aberdeen…"
                       r"(?:Speaking|Addressing|Writing|Going|Heading|Responding|Commenting|"
                       r"Announcing|Referring|Looking|Turning|Coming|Having)(?=\s[a-z])|"
                       r"Following|In|On|Last|This|Earlier|Later)\b[^,]{3,80}, "
                       r"(?=[a-z]+ |[A-Z])", text)
    # A long one only before a name: "After weeks of speculation about whether the Governor
    # … , Mark Carney surprised…"
    opening = opening or re.match(r"(?:After|Before|Despite|Amid)\b[^,]{81,200}, "
                                  r"(?=[A-Z][a-z]+ [A-Z][a-z]+ [a-z])", text)
    # A short opening stays when the whole fits a headline: it says when or where ("Within
    # hours of first 7.8 magnitude quake, India began planning massive cross-border aid
    # mission", not "India began planning…").
    placed = opening is not None and len(_FILLER.sub("", opening.group(0)).split()) <= 7 \
        and len(_FILLER.sub("", text).split()) <= most
    if opening and not placed and len(text[opening.end():].split()) >= 6 \
            and not re.match(r"[\w'’-]+,", text[opening.end():]):  # the main clause comes
        text = text[opening.end():]  # after it; not an aside ("…his newborn son, Wil, had…")
    scene = re.match(r"(?:With|Amid|After|As)\b[^–—]{3,160}?\s(?:-|–|—)\s(?=\w)", text)
    if scene and len(text[scene.end():].split()) >= 5:  # "With his lively eyebrows … - this
        text = text[scene.end():]  # robotic head is menacingly lifelike"
    text = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", text)
    text = text[:1].upper() + text[1:]  # "Service, held to…, was led": a subject to find
    # Headline style: no articles, no filler adverbs (outside quotations).
    text = _outside_quotes(text, lambda part: _FILLER.sub("", part))
    return text.rstrip(" .!,;:")


_FILLER = re.compile(r"\b(?:the|an?(?! (?:year|month|week|fortnight|day|head)\b)|"
                     r"originally|just|also|currently|now|already|vehemently|reportedly|"
                     r"actually|really)\s+")
_QUOTATION = re.compile(r"((?<!\w)['‘\"“][^'’\"”]*['’\"”](?!\w))")


def _outside_quotes(text: str, edit) -> str:
    """Return `text` with `edit` applied to all but its quotations: a quotation keeps its
    words."""
    parts = _QUOTATION.split(text)
    parts[::2] = [edit(part) for part in parts[::2]]
    return "".join(parts)

from brief.extract.actors import find_actors
from brief.extract.segment import segment
from brief.model import Article, SourceInfo


def actors_of(*paragraphs):
    return find_actors(segment(Article(SourceInfo(file="a.txt"), paragraphs)))


def it_merges_a_person_s_mentions_under_the_fullest_name():
    actors, mentions = actors_of(
        "Foreign Minister Anna Berg met President Li Wei in Oslo.",
        "Berg said the talks went well. The President disagreed.")
    people = {a.name: a for a in actors if a.kind == "person"}
    assert people["Anna Berg"].role == "Foreign Minister"
    assert people["Anna Berg"].sentences == ("s1", "s2")
    assert people["Li Wei"].sentences == ("s1", "s3")
    assert mentions[0] == ["Anna Berg", "Li Wei"]


def it_takes_names_that_start_with_a_capital_beyond_ascii():
    actors, _ = actors_of("Foreign Minister Mevlüt Çavuşoğlu met President Łukasz Ødegaard.",
                          "Foreign Minister Ελένη Δένδια met Minister Сергей Лавров.")
    people = [a.name for a in actors if a.kind == "person"]
    assert people == ["Mevlüt Çavuşoğlu", "Łukasz Ødegaard", "Ελένη Δένδια", "Сергей Лавров"]


def it_puts_the_subject_first_even_after_an_opening_phrase():
    _, mentions = actors_of("Minister Anna Berg spoke.",
                            "Meeting President Li Wei in Oslo, Berg said little.")
    assert mentions[1][0] == "Anna Berg"


def it_finds_organisations_and_countries():
    actors, _ = actors_of("The Shanghai Cooperation Organization (SCO) met in Pakistan.",
                          "The SCO and NATO talked; the U.S. and Russia watched.")
    kinds = {a.name: a.kind for a in actors}
    assert kinds["Shanghai Cooperation Organization"] == "organisation"
    assert kinds["NATO"] == "organisation"
    assert kinds["United States"] == "country" and kinds["Russia"] == "country"
    sco = next(a for a in actors if a.name == "Shanghai Cooperation Organization")
    assert sco.sentences == ("s1", "s2")


def it_names_an_organisation_whole_and_only_it():
    """What it is of stays ("…of Public Safety", "…, Food and Rural Affairs"); a word that
    opens the sentence, an adjective or an owner before it goes."""
    actors, _ = actors_of(
        "When Air Force bosses heard, the Arizona Department of Public Safety said it would "
        "help. Ten-year Cottonwood Police veteran Jeremy Daniels was shot. The Department "
        "for Environment, Food and Rural Affairs found the number had risen. Real Madrid's "
        "Champions League tie was delayed. The National Farmers' Union and the U.S. "
        "Attorney's Office agreed.")
    organisations = {a.name for a in actors if a.kind == "organisation"}
    assert {"Air Force", "Arizona Department of Public Safety", "Cottonwood Police",
            "Department for Environment, Food and Rural Affairs", "National Farmers' Union",
            "U.S. Attorney's Office"} <= organisations
    assert not {name for name in organisations
                if name.startswith(("When", "Ten-year", "Real Madrid"))}


def it_does_not_take_a_quoted_label_for_a_person():
    actors, _ = actors_of("India acted as a “Major Defense Partner” of the United States.")
    assert not [a for a in actors if a.kind == "person"]


def it_takes_a_school_known_by_name_and_kind_for_no_person():
    actors, _ = actors_of("Another school investigated, Alston Primary, was already in special "
                          "measures, as was Clifton High, the inspectors said.",
                          "Lessons went on, Jessica Okafor, a pupil of 12, said.")
    assert [a.name for a in actors if a.kind == "person"] == ["Jessica Okafor"]


def it_ends_a_name_at_its_possessive():
    actors, _ = actors_of("They danced to Michael Jackson’s Thriller and Aretha Franklin's "
                          "Respect.")
    assert [a.name for a in actors if a.kind == "person"] == ["Michael Jackson",
                                                               "Aretha Franklin"]


def it_takes_no_title_others_carry_for_a_person_without_a_given_name():
    """'Premier League Supporters' is no person with the role 'Premier'; 'Premier Li Qiang'
    is one."""
    actors, _ = actors_of("The Premier League Supporters Trust met on Monday.",
                          "Premier Mary Okafor spoke.")
    assert [a.name for a in actors if a.kind == "person"] == ["Mary Okafor"]


def it_takes_a_place_or_a_pet_for_no_person():
    """'Queen Mother Square' and 'Prince George House' are places; 'his Jack Russell' is a
    dog; 'Prince Charles'' estate' is his."""
    actors, _ = actors_of(
        "The pub stands on Queen Mother Square, beside Prince George House.",
        "A pensioner said his Jack Russell saved him. 'I've got a little Jack Russell,' he said.",
        "Prince Charles' estate says there is demand. His brother Harry Wales agreed.")
    people = [a.name for a in actors if a.kind == "person"]
    assert "Harry Wales" in people
    assert not [p for p in people if p in ("Mother Square", "George House", "Jack Russell",
                                           "Charles'")], people


def it_takes_no_place_or_caption_for_a_person():
    """'…in France Gomis is put through…' is a caption run in after a country; 'his
    village Poundbury' names the place before a caption names 'George Poundbury'."""
    actors, _ = actors_of(
        "The striker has been recovering from his injury in France Gomis is put through his "
        "exercises.",
        "Prince Charles is to name a pub in his designer village Poundbury after the Duchess.",
        "He named one building after his grandson George Poundbury is his model village.",
        "Poundbury already has a pub. More were wanted, said Anna Okafor.")
    assert [a.name for a in actors if a.kind == "person"] == ["Anna Okafor"]


def it_keeps_the_fullest_name_and_no_particle_or_firm_for_a_name():
    """'Claire Putnam', then 'Dr Putnam' is Claire Putnam ('Dr Hughes told…', then 'Robert
    Hughes, 67, died' are two); 'Del Bosque' is a surname alone; a name cut after 'Al' loses
    the particle; 'Angelo Gordon & Co' and 'Royal Mail' are firms."""
    actors, _ = actors_of(
        "Claire Putnam is an obstetrician in Ohio. Dr. Putnam said the test was safe.",
        "Del Bosque said Spain would recover. Crown Prince Mohammed Bin Zayed Al Nahyan Abu "
        "Dhabi visited.",
        "He worked at finance firm Angelo Gordon & Co before joining Royal Mail in Windsor.")
    people = {a.name: a.role for a in actors if a.kind == "person"}
    assert people == {"Claire Putnam": "Dr.", "Mohammed Bin Zayed": "Crown Prince"}, people


def it_keeps_former_in_a_role():
    actors, _ = actors_of(
        "The idea was backed by former New York Mayor Michael Bloomberg and Prime Minister "
        "David Cameron.",
        "The former Deputy Prime Minister John Prescott disagreed. Ex-Foreign Minister Anna "
        "Berg spoke.")
    assert {a.name: a.role for a in actors if a.kind == "person"} == {
        "Michael Bloomberg": "former New York Mayor", "David Cameron": "Prime Minister",
        "John Prescott": "former Deputy Prime Minister", "Anna Berg": "former Foreign Minister"}


def it_takes_no_later_name_for_a_doctor_named_by_title_first():
    actors, _ = actors_of("Dr Okafor told the inquiry the ward was short of staff.",
                          "The inquiry heard that Robert Okafor, 67, died on the ward.")
    assert "Robert Okafor" not in [a.name for a in actors if a.role == "Dr"]


def it_keeps_one_person_whose_name_follows_a_capitalised_word():
    """'Even Ryan Giggs admitted…' is Ryan Giggs, not a second Giggs."""
    actors, _ = actors_of("The assistant manager, Ryan Giggs, said the team had done well.",
                          "Even Ryan Giggs admitted the result was lucky.",
                          "Giggs said the club would sign a striker.")
    assert [a.name for a in actors if a.kind == "person"] == ["Ryan Giggs"]


def it_keeps_two_people_of_one_surname_apart():
    """'Ryan Giggs' and his brother 'Rhodri Giggs' are two people; 'Giggs' alone is
    neither for certain."""
    actors, mentions = actors_of(
        "The assistant manager, Ryan Giggs, praised the youth team on Friday.",
        "His brother Rhodri Giggs was banned from driving for six months.",
        "Giggs said the offence was not intentional.")
    people = [a.name for a in actors if a.kind == "person"]
    assert sorted(people) == ["Rhodri Giggs", "Ryan Giggs"]
    assert mentions[2] == []


def it_takes_an_award_winning_thing_for_no_person():
    actors, _ = actors_of("She wrote the Emmy Award-winning comedy.",
                          "Her partner on it was Anna Kazim-Richards, the producer.")
    assert [a.name for a in actors if a.kind == "person"] == ["Anna Kazim-Richards"]


def it_ends_a_name_at_a_dangling_hyphen():
    actors, _ = actors_of("Queen Elizabeth II- Britain's longest reigning monarch turned 90.")
    assert [a.name for a in actors if a.kind == "person"] in ([], ["Elizabeth II"])
    assert not any(a.name.endswith("-") for a in actors)


def it_keeps_a_role_whole_with_its_qualifiers():
    """"Deputy First Minister John Swinney" is no First Minister, nor Bloomberg mayor of
    "York": a role keeps up to two words before its title, and "former" before them."""
    actors, _ = actors_of(
        "Scotland's Deputy First Minister John Swinney said the speech was welcome.",
        "Former New York Mayor Michael Bloomberg met business leaders on Friday.",
        "First Minister Nicola Sturgeon campaigned in Aberdeen today.")
    roles = {a.name: a.role for a in actors if a.kind == "person"}
    assert roles == {"John Swinney": "Deputy First Minister",
                     "Michael Bloomberg": "former New York Mayor",
                     "Nicola Sturgeon": "First Minister"}


def it_takes_a_military_rank_for_a_title():
    actors, _ = actors_of("She drove her daughter and the boy's friend, Army Spc. Caleb Barnes, "
                          "to a concert with Pvt. Tom Reed.")
    people = {a.name: a.role for a in actors if a.kind == "person"}
    assert people == {"Caleb Barnes": "Army Spc.", "Tom Reed": "Pvt."}

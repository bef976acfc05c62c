"""Forms found in the eighth round of generalisation, each written with invented names."""

from __future__ import annotations

from casefile.matching import MERGE_AT, person_names_match
from casefile.model import Attribute
from casefile.names import token_match
from tests.unit.test_extract import run
from tests.unit.test_judgements import case_of, doc, ent

OUTLET_PAGE = (
    "By Lena Orvik | Kestrel Wire\n\n"
    "Farmers near Dovrenka said on Monday that three barns had burned. A fire officer told "
    "Kestrel Wire the blaze began after midnight. Halvard Strom, 61, said he lost his herd.\n\n"
    "© 2025 Kestrel Wire. All rights reserved.\n"
)


def test_the_outlet_named_in_its_own_byline_and_copyright_is_an_organisation(nlp) -> None:
    _, groups, kinds = run(nlp, OUTLET_PAGE)
    assert kinds["Kestrel Wire"] == "organization"  # "told Kestrel Wire" is the outlet
    assert kinds["Halvard Strom"] == "person"
    assert "Lena Orvik" not in kinds  # the byline names the reporter, not a party


DESK_PAGE = (
    "Author: Tamsin Quarry editorial desk\n\n"
    "Two guards were hurt, residents told Tamsin Quarry on Friday. Odile Brenn, 44, a "
    "teacher in the town, said the road had been closed since Thursday night.\n\n"
    "Author: Odile Brenn\n"
)


def test_a_desk_credit_names_the_outlet_but_an_author_line_names_a_person(nlp) -> None:
    _, _, kinds = run(nlp, DESK_PAGE)
    assert kinds["Tamsin Quarry"] == "organization"
    assert kinds["Odile Brenn"] == "person"


GLUED_TEASER = (
    "Dairy co-operative fined\n\n"
    "A court in Velmar fined the Oster dairy co-operative on Tuesday over a spill.\n"
    "Read more: Northern Rivers Still Waiting For Clean WaterOdvar Kessel's lawyer, Ingrid\n"
    "Marvik, said by phone that her client would appeal. Marvik said the fine was unfair.\n"
)


def test_the_line_a_teaser_is_glued_to_is_body_text_not_a_headline(nlp) -> None:
    # the teaser's title-case words make the whole line look like a heading
    _, groups, _ = run(nlp, GLUED_TEASER)
    lawyer = next(g for g in groups if "Marvik" in g)
    assert "Ingrid\nMarvik" in lawyer  # a name broken across the line, kept whole


def test_a_given_name_the_gazetteer_knows_as_a_town_opens_the_name_after_a_kin_noun(nlp) -> None:
    text = (
        "Two others were wounded: the elder's son Yazan, 41, and his nephew Salem Tawfiq "
        "Abu Kharrouba, who was hit by shrapnel. Salem said by telephone that he saw three men."
    )
    _, groups, kinds = run(nlp, text)
    nephew = next(g for g in groups if "Salem Tawfiq Abu Kharrouba" in g)
    assert "Salem" in nephew
    assert "Tawfiq Abu Kharrouba" not in kinds
    # after a preposition the town is a town
    _, _, kinds = run(nlp, "He moved from Salem to Portland in 2010, Dara Whitcombe said.")
    assert kinds["Salem"] == "place"


def test_a_word_the_model_left_out_between_two_parts_of_a_name_joins_them(nlp) -> None:
    text = (
        "The funeral was held on Monday.\n\nSheikh Salim Mufleh El-Masri, who spoke on "
        "behalf of the tribes, said the elders would meet again."
    )
    _, groups, _ = run(nlp, text)
    assert any("Salim Mufleh El-Masri" in g for g in groups)
    assert not any(g == {"Salim"} for g in groups)


COURT_INITIALS = (
    "The court sentenced defendant K.V. (35), described in the indictment as the head of the "
    'cell and known by the code name "Ebu Talib", to 12 years in prison.\n\n'
    "Defendant N.V. (27), the brother of K.V., was sentenced to seven years. Defendant Zh.R. "
    "(26) was acquitted. Five other defendants, A.P. (24), F.G. (38), J.L. (33), M.W. (22) "
    "and R.D. (40), received shorter sentences. Messages from K.V. were read out in court."
)


def test_a_court_report_s_initials_with_ages_are_people_and_keep_that_kind(nlp) -> None:
    _, groups, kinds = run(nlp, COURT_INITIALS)
    for initials in ("N.V.", "Zh.R.", "A.P.", "F.G.", "J.L.", "M.W.", "R.D.", "K.V."):
        assert kinds.get(initials) == "person", initials
    assert "Defendant N.V." not in kinds  # the capitalised role is not part of the name
    head = next(g for g in groups if "K.V." in g)
    assert "Ebu Talib" in head  # "known by the code name", and "Ebu" is the Turkish Abu


def test_the_apposition_after_a_leader_of_the_group_names_the_leader(nlp) -> None:
    text = (
        "The alleged leader of the network, Temur Oqboyev (34), told the court that he was a "
        "trader. Prosecutors said the group, Jund al-Wadi, had sent money abroad."
    )
    _, _, kinds = run(nlp, text)
    assert kinds["Temur Oqboyev"] == "person"


def test_an_alias_after_an_apposition_and_and_belongs_to_the_person_before_it(nlp) -> None:
    text = (
        "The Turkish defendant, Kerem Aktoprak (45), a naturalized citizen born in Uzbekistan "
        "and formerly known as Rustam Bozorov, is accused of renting apartments for the cell."
    )
    _, groups, _ = run(nlp, text)
    assert any({"Kerem Aktoprak", "Rustam Bozorov"} <= g for g in groups)


def _aged(pair, ages: dict[int, int]):
    """The document of `doc(...)` with an age attribute for some of its locals."""
    d, ex = pair
    for m in ex.mentions:
        if m.local in ages:
            ex.attributes.append(Attribute(m.local, "age", str(ages[m.local]), m.start, m.end))
    return d, ex


def test_initials_in_one_report_are_the_full_name_in_another_when_the_ages_agree() -> None:
    court = _aged(
        doc(
            "d1",
            ("B.Q.", "person", 0, "name"),
            ("Sh.E.", "person", 1, "name"),
            ("R.D.", "person", 2, "name"),
        ),
        {0: 31, 1: 26, 2: 40},
    )
    wire = _aged(
        doc(
            "d2",
            ("Bekzod Koshkarov", "person", 0, "name"),
            ("Shavkat Ergashev", "person", 1, "name"),
            ("Rustam Davronov", "person", 2, "name"),
        ),
        {0: 32, 1: 26, 2: 52},
    )
    case = case_of([court, wire])
    bekzod = ent(case, "Bekzod Koshkarov")
    assert {m["text"] for m in bekzod["mentions"]} == {"Bekzod Koshkarov", "B.Q."}
    assert any("ages agree" in r for g in bekzod["merges"] for r in g["reasons"])
    assert {m["text"] for m in ent(case, "Sh.E.")["mentions"]} == {"Sh.E.", "Shavkat Ergashev"}
    # ten years apart: two people who share initials
    assert {m["text"] for m in ent(case, "R.D.")["mentions"]} == {"R.D."}


def test_initials_without_an_age_on_both_sides_stay_apart() -> None:
    case = case_of(
        [
            _aged(doc("d1", ("B.Q.", "person", 0, "name")), {0: 31}),
            doc("d2", ("Bekzod Koshkarov", "person", 0, "name")),
        ]
    )
    assert {m["text"] for m in ent(case, "B.Q.")["mentions"]} == {"B.Q."}


def test_turkish_and_uzbek_latin_spellings_of_a_russian_form_name() -> None:
    for a, b in (
        ("Nodir Calilov", "Nodir Dzhalilov"),
        ("Xamid Jo'rakulov", "Khamid Dzhurakulov"),
    ):
        m = person_names_match(a, b)
        assert m and m.score >= MERGE_AT, (a, b)
    assert person_names_match("Nodir Calilov", "Nodir Dzhabarov") is None


def test_a_bracketed_age_belongs_to_the_name_before_it(nlp) -> None:
    text = (
        "The court sentenced defendant U.K. (35), the head of the cell.\n\nFive other "
        "defendants, A.P. (24), F.G. (38), J.L. (33), M.W. (22) and R.D. (40), received "
        "sentences of between 6 years 3 months and 7 years 6 months."
    )
    ex, _, _ = run(nlp, text)
    local = {m.local: m.text for m in ex.mentions}
    ages = {(local[a.local], a.value) for a in ex.attributes if a.type == "age"}
    assert {("A.P.", "24"), ("J.L.", "33"), ("M.W.", "22"), ("R.D.", "40")} <= ages
    assert ("J.L.", "40") not in ages  # the parse hung a neighbour's age on him


def test_known_within_the_group_as_is_an_alias_cue(nlp) -> None:
    text = (
        'According to the indictment, Rustam Ergashev, who is known within the group as "Abu '
        'Salih al-Farghani", collected money. Ergashev denied it.'
    )
    _, groups, _ = run(nlp, text)
    assert any({"Rustam Ergashev", "Abu Salih al-Farghani"} <= g for g in groups)


def test_a_silent_final_h_written_or_not_is_one_name() -> None:
    t = token_match("samiullah", "samiulla")
    assert t and t.score >= 0.9
    assert token_match("abdullah", "abdulla") is not None


def test_a_son_of_apposition_keeps_the_alias_for_the_son(nlp) -> None:
    text = (
        "In this operation, the following were killed:\n\n1. Wahidullah, son of Gul Rahman, "
        "known as Qari Abu Dujana, resident of Sarkano district. He organised the attack."
    )
    _, groups, _ = run(nlp, text)
    son = next(g for g in groups if "Wahidullah" in g)
    assert "Abu Dujana" in son  # the title "Qari" stands between the cue and the alias
    assert not any("Gul Rahman" in g and "Abu Dujana" in g for g in groups)


def test_who_and_uses_the_nom_de_guerre_names_the_person_before(nlp) -> None:
    text = (
        "Two officials named the man as Qari Samiullah, a Wardak native in his forties who, "
        "they said, joined the group in 2015 and uses the nom de guerre Abu Dujana al-Wardaki. "
        "Samiullah denied it."
    )
    _, groups, _ = run(nlp, text)
    assert any({"Samiullah", "Abu Dujana al-Wardaki"} <= g for g in groups)


def test_a_bare_kunya_and_the_kunya_with_a_nisba_are_weak_evidence_read_from_the_front() -> None:
    m = person_names_match("Abu Dujana", "Abu Dujana al-Wardaki")
    assert m and m.score < MERGE_AT  # evidence, not proof
    assert person_names_match("Abu Dujana", "Abu Hamza al-Dujana") is None


def test_one_first_name_on_both_sides_with_agreeing_kunyas_is_one_person() -> None:
    case = case_of(
        [
            doc(
                "d1",
                ("Samiullah", "person", 0, "name"),
                ("Abu Dujana al-Wardaki", "person", 0, "aka"),
            ),
            doc("d2", ("Samiulla", "person", 0, "name"), ("Abu Dujana", "person", 0, "aka")),
        ]
    )
    names = {m["text"] for m in ent(case, "Samiulla")["mentions"]}
    assert names == {"Samiullah", "Abu Dujana al-Wardaki", "Samiulla", "Abu Dujana"}


POLICE_LIST = (
    "3. The following citizens lost their lives:\n"
    "   - LUCHINGA, Amade Bacar, 68 years, fisherman;\n"
    "   - NHAMPOSSA, Celestino Armando, 29 years, agent of the police.\n"
    '4. The forces captured the individual CHICO, Ernesto Juma, known as "Mestrinho", 27 '
    "years, native of Mecufi.\n"
)


def test_a_surname_in_capitals_then_a_comma_and_the_given_names_is_one_person(nlp) -> None:
    _, groups, kinds = run(nlp, POLICE_LIST)
    for name in ("LUCHINGA, Amade Bacar", "NHAMPOSSA, Celestino Armando", "CHICO, Ernesto Juma"):
        assert kinds.get(name) == "person", name
    m = person_names_match("Ahmad Bakar Luchinga", "LUCHINGA, Amade Bacar")
    assert m and m.score >= MERGE_AT


def test_portuguese_spellings_of_arabic_and_swahili_names() -> None:
    for a, b in (("Rachide Momade", "Rashid Mohamed"), ("Assane Namwera", "Hassan Namuera")):
        m = person_names_match(a, b)
        assert m and m.score >= MERGE_AT, (a, b)
    assert token_match("muhamadi", "mohammed") and token_match("mamadou", "muhammad")
    assert token_match("ismaae", "hayeesamae") is None  # a dropped h, then too little left


def test_portuguese_alias_cues_and_an_age_in_years(nlp) -> None:
    text = (
        "Residents named as leader of the group Bonomade Cassamo Juma, conhecido como (known "
        'as) "Abu Sufyan", a native of the coast. The chief, Amisse Bacar Nhaca, 67 years '
        "old, was killed."
    )
    _, groups, kinds = run(nlp, text)
    leader = next(g for g in groups if "Bonomade Cassamo Juma" in g)
    assert "Abu Sufyan" in leader and kinds["Bonomade Cassamo Juma"] == "person"
    assert kinds.get("Amisse Bacar Nhaca") == "person"


SPOT_REPORT = (
    "SPOT REPORT (KIDNAPPING)\n\n"
    "VICTIMS:\n"
    "1. MANALASTAS, Rodel y Pascua, 41 yrs old, married, Teacher III, Banlag Elementary "
    "School, resident of Brgy. Banlag (KIDNAPPED)\n\n"
    "SUSPECTS:\n"
    '1. TAMPIPI, Kamarudin y Sali @ "KUMANDER TAYONG", male, more or less 38 yrs old\n\n'
    "REMARKS:\nSuspect TAMPIPI, Kamarudin has standing warrants of arrest.\n"
)


def test_a_philippine_spot_report_s_names_aliases_and_list_lines(nlp) -> None:
    _, groups, kinds = run(nlp, SPOT_REPORT)
    # a numbered record with its commas is no headline; "y" joins the mother's surname
    assert kinds.get("MANALASTAS, Rodel y Pascua") == "person"
    suspect = next(g for g in groups if "TAMPIPI, Kamarudin y Sali" in g)
    assert "KUMANDER TAYONG" in suspect  # "@" names an alias in police style
    assert "Sali" not in kinds  # a town in the gazetteer, but here the mother's surname
    m = person_names_match("MANALASTAS, Rodel y Pascua", "Rodel Manalastas")
    assert m and m.score >= MERGE_AT


def test_a_title_before_a_name_the_model_took_for_a_body_makes_it_a_person() -> None:
    from casefile.extract import _cue

    text = "Judge Aigerim Baisultanova said the men had made 14 transfers to the Almaty office."
    a = text.index("Aigerim")
    assert _cue(text, a, a + len("Aigerim Baisultanova"), "organization") == "person"
    b = text.index("Almaty office")
    assert _cue(text, b, b + len("Almaty"), "place") is None  # no title before it


def test_a_russian_ov_ending_on_a_turkic_name() -> None:
    t = token_match("mamat", "mamatov")
    assert t and t.score >= MERGE_AT
    assert token_match("kur", "kurov") is None  # too short a name to tell


def test_a_closing_credit_line_names_reporters_not_people_in_the_story(nlp) -> None:
    text = (
        "The convoy was hit near the river on Monday, said Tamer Haddouri, a local official.\n\n"
        "Oskar Lindfeldt reported from Beirut. Maya Sorensen contributed reporting from Idlib.\n"
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("Tamer Haddouri") == "person"
    assert "Oskar Lindfeldt" not in kinds and "Maya Sorensen" not in kinds


def test_first_lieutenant_is_a_rank_not_part_of_the_name(nlp) -> None:
    text = "Among the dead is the commander, First Lieutenant Wassim el-Kurdi, 27, from Homs."
    _, _, kinds = run(nlp, text)
    assert kinds.get("Wassim el-Kurdi") == "person"
    assert not any(k.startswith("First") for k in kinds)


PROSECUTOR = (
    "The investigation established that in 2014 Sh. Vakhtangov travelled to the Republic of "
    'Turkiye and from there crossed into Syria, where he joined the organisation "Islamic '
    'State" (ISIS). Under the nom de guerre "Abu Umar al-Kisti", he commanded a unit of '
    "about 40 fighters.\n\nLater Sh. Vakhtangov lived in Istanbul on forged documents in the "
    'name of "Kerem Aksoylu".\n'
)


def test_aliases_a_prosecutor_s_statement_gives_after_the_fact(nlp) -> None:
    _, groups, _ = run(nlp, PROSECUTOR)
    him = next(g for g in groups if "Sh. Vakhtangov" in g)
    assert {"Abu Umar al-Kisti", "Kerem Aksoylu"} <= him  # "Under …, he", "in the name of"


def test_neighbours_knew_him_as_and_a_kunya_with_its_nisba(nlp) -> None:
    text = (
        "Zelimkhan Vakhtangov, 34, was detained in March. Neighbours knew him as Kerem Aksoylu, "
        "a quiet man. Zelimkhan, who in Syria used the kunya Abu Umar ash-Shishani, was "
        "handed over in July."
    )
    _, groups, _ = run(nlp, text)
    him = next(g for g in groups if "Zelimkhan Vakhtangov" in g)
    assert "Kerem Aksoylu" in him
    assert "Abu Umar ash-Shishani" in him  # the nisba the model left off is kept


def test_a_turkish_lawyer_s_title_is_no_part_of_his_name(nlp) -> None:
    _, _, kinds = run(nlp, "His lawyer, Av. Selcuk Demirkaya, argued that the trial was unfair.")
    assert kinds.get("Selcuk Demirkaya") == "person"


def test_an_alias_after_a_member_of_a_group_and_whose_nom_de_guerre_is(nlp) -> None:
    text = (
        "His younger brother, Ibrahim Dalori, a member of the Civilian Vigilance Force (CVF) "
        "popularly known as 'Kaura', was shot dead. The raid was led by Bukar Ngoshe, whose "
        "nom de guerre is « Abou Yasir », residents said."
    )
    _, groups, kinds = run(nlp, text)
    assert any({"Ibrahim Dalori", "Kaura"} <= g for g in groups)
    assert not any("Civilian Vigilance Force" in g and "Kaura" in g for g in groups)
    assert any({"Bukar Ngoshe", "Abou Yasir"} <= g for g in groups)


def test_kanuri_and_fulani_titles_are_no_part_of_a_name(nlp) -> None:
    _, _, kinds = run(nlp, "The village head, Bulama Ali Kachallah, 61, said four men were taken.")
    assert kinds.get("Ali Kachallah") == "person"


def test_a_hyphenated_day_month_year_takes_its_order_from_the_months_the_text_names() -> None:
    from casefile.dates import find_dates

    text = "Published: 08-10-2025\n\nOn the night of 06/07 October 2025 troops surrounded a house."
    days = {(d.year, d.month, d.day) for d in find_dates(text, []) if d.day}
    assert (2025, 10, 8) in days  # 8 October, not 10 August
    note = "Dated: 03-11-2025\n\nA case was registered."
    assert (2025, 11, 3) in {(d.year, d.month, d.day) for d in find_dates(note, []) if d.day}


def test_indian_honorifics_and_army_ranks_before_a_name(nlp) -> None:
    text = (
        "In the exchange of fire, Naik Mohammad Rafiq Dar of 44 RR was critically injured. Sh. "
        "Tariq Hussain Rather, the Deputy Commissioner, ordered an inquiry."
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("Mohammad Rafiq Dar") == "person"
    assert kinds.get("Tariq Hussain Rather") == "person"


def test_a_form_s_field_line_is_no_headline_and_a_list_form_is_not_the_entity_s_name(nlp) -> None:
    text = (
        "SPOT REPORT\n\nREPORTED BY: Hadji Kamlon Sarail, Barangay Chairman of Tampakan\n\n"
        "1. The victims were on their way to school when suspects fired on them.\n"
    )
    _, _, kinds = run(nlp, text)
    assert kinds.get("Kamlon Sarail") == "person"
    case = case_of(
        [
            doc("d1", ("SARAIL, Kamlon y Tahir", "person", 0, "name")),
            doc("d2", ("Kamlon Sarail", "person", 0, "name")),
        ]
    )
    assert ent(case, "SARAIL, Kamlon y Tahir")["name"] == "Kamlon Sarail"


def test_a_writer_field_names_reporters(nlp) -> None:
    text = (
        "PUBLISHED : 13 Feb 2025 at 04:10\nWRITER: Nattaya Kaewjinda and Chaiwat Boonmee\n\n"
        "NARATHIWAT: A ranger died of his wounds, said Colonel Anan Thongdee, a spokesman."
    )
    _, _, kinds = run(nlp, text)
    assert "Nattaya Kaewjinda" not in kinds and "Chaiwat Boonmee" not in kinds
    assert kinds.get("Anan Thongdee") == "person"


def test_a_final_y_for_i_and_a_longer_apposition_before_known_as(nlp) -> None:
    m = person_names_match("Aly Momade Nhaucha", "Ali Mohamed Nhaucha")
    assert m and m.score >= MERGE_AT
    text = (
        "Residents said the attackers were led by Bonifacio Cassamo Juma, a Mwani man from the "
        "coast known as Abu Sufyan, who preached in the town before the war."
    )
    _, groups, _ = run(nlp, text)
    assert any({"Bonifacio Cassamo Juma", "Abu Sufyan"} <= g for g in groups)


def test_a_kazakh_patronymic_surname_written_first() -> None:
    m = person_names_match("Bolatuly Nurlan", "Nurlan Bolatuly")
    assert m and m.score >= MERGE_AT
    # reordering settles: names that would swap back and forth are compared as written
    names = ["NURLAN Bolatuly", "Bolatuly NURLAN", "Bolatuly Serikuly", "Serikuly Bolatuly"]
    for a in names:
        for b in names:
            person_names_match(a, b)  # no endless reordering

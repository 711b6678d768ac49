"""Health information by kind, as clinicians and laypeople write it: medicines by any of
their names (a maintained list of generic and brand names, and the Nordic brands it lacks),
ICD-10 codes without their decimal where a note gives them as codes, clinical
abbreviations, stated pain and symptoms, treatments given to a person, and conditions in
Polish, Lithuanian and Finnish; the everyday words among them are kept."""

from __future__ import annotations

import pytest

from include.governance.detect import redact


@pytest.mark.parametrize(
    ("note", "redacted"),
    [
        # medicines from the maintained list (generic and brand names)
        ("Pasienten står på Humira og Brilique.", "Pasienten står på [HEALTH] og [HEALTH]."),
        (
            "She was started on apremilast and ticagrelor.",
            "She was started on [HEALTH] and [HEALTH].",
        ),
        ("Hentet Humira-sprøyter i dag.", "Hentet [HEALTH]-sprøyter i dag."),
        # Nordic brands the list lacks, by ATC class
        ("Han tar Waran og Sobril om kvelden.", "Han tar [HEALTH] og [HEALTH] om kvelden."),
        ("Fikk Paracet og Imovane i går.", "Fikk [HEALTH] og [HEALTH] i går."),
        ("Hun har fått penicillin for det.", "Hun har fått [HEALTH] for det."),
        # ICD-10 codes without a decimal: after a cue, in a list of codes, after a condition
        ("Diagnoser: F41.1, I10", "Diagnoser: [HEALTH], [HEALTH]"),
        ("Refusjonskode E11 gjelder.", "Refusjonskode [HEALTH] gjelder."),
        ("Han har MS (G35) og bruker rullator.", "Han har [HEALTH] ([HEALTH]) og bruker rullator."),
        ("ICPC-2: T90", "[HEALTH]"),
        # clinical abbreviations
        ("Pasient med T2DM, HTN og CKD.", "Pasient med [HEALTH], [HEALTH] og [HEALTH]."),
        ("Har DM2 og AF, LTOT hjemme.", "Har [HEALTH] og [HEALTH], [HEALTH] hjemme."),
        ("Diagnose POTS, følges opp.", "Diagnose [HEALTH], følges opp."),
        ("Hypo i natt, fikk druesukker.", "[HEALTH] i natt, fikk druesukker."),
        # stated pain and symptoms
        ("Hun har vondt i ryggen og smerter i hofta.", "Hun har [HEALTH] og [HEALTH]."),
        ("Far har leddsmerter og skjelving.", "Far har [HEALTH] og [HEALTH]."),
        ("Han besvimer ofte og har feber.", "Han [HEALTH] ofte og har [HEALTH]."),
        ("Mor ser dårlig og hører dårlig.", "Mor [HEALTH] og [HEALTH]."),
        ("Mor har sukker og går til kontroll.", "Mor har [HEALTH] og går til kontroll."),
        ("Hun er sykelig overvektig.", "Hun er [HEALTH]."),
        # surgeries and treatments given to a person
        ("Hun har fått nytt kne i vår.", "Hun har fått [HEALTH] i vår."),
        ("Han fik et nyt knæ sidste år.", "Han fik et [HEALTH] sidste år."),
        ("Han bruker oksygen hele døgnet.", "Han bruker [HEALTH] hele døgnet."),
        ("Jeg har brug for ilt om natten.", "Jeg har brug for [HEALTH] om natten."),
        ("Spør om CPAP-behandling dekkes.", "Spør om [HEALTH] dekkes."),
        ("Hun får kemoterapi nu.", "Hun får [HEALTH] nu."),
        ("ca. prostata med spredning", "[HEALTH] med spredning"),
        # conditions with the words that qualify them
        ("Han har Lewy body demens.", "Han har [HEALTH]."),
        ("Kjent seropositiv revmatoid artritt.", "Kjent [HEALTH]."),
        ("Etter slaget: venstresidig hemiparese.", "Etter [HEALTH]: [HEALTH]."),
        ("diabetes type én siden barndommen", "[HEALTH] siden barndommen"),
        ("Hun har hjerteproblemer og tarmslyng.", "Hun har [HEALTH] og [HEALTH]."),
        ("Sønnen har ordblindhed og fodsår.", "Sønnen har [HEALTH] og [HEALTH]."),
        # Polish, Lithuanian, Finnish
        ("Mama ma cukrzycę typu 2 i nadciśnienie.", "Mama ma [HEALTH] i [HEALTH]."),
        ("Tata miał udar i ma chorobę Parkinsona.", "Tata miał [HEALTH] i ma [HEALTH]."),
        ("Mama serga cukriniu diabetu ir išsėtine skleroze.", "Mama serga [HEALTH] ir [HEALTH]."),
        ("Tėtis turi Parkinsono ligą, pernai insultas.", "Tėtis turi [HEALTH], pernai [HEALTH]."),
        ("Isällä on eteisvärinä ja sydämen vajaatoiminta.", "Isällä on [HEALTH] ja [HEALTH]."),
        ("Lisätiedot: polven tekonivel", "Lisätiedot: [HEALTH]"),
    ],
)
def test_health_information_of_every_kind_is_redacted(note, redacted):
    assert redact(note) == redacted


@pytest.mark.parametrize(
    ("note", "redacted"),
    [
        # everyday symptoms, in each language
        ("Hun har kvalme, hodepine og hoste.", "Hun har [HEALTH], [HEALTH] og [HEALTH]."),
        ("Han har illamående och yrsel.", "Han har [HEALTH] och [HEALTH]."),
        ("Hun har hovedpine og åndenød.", "Hun har [HEALTH] og [HEALTH]."),
        ("Hänellä on pahoinvointia ja huimausta.", "Hänellä on [HEALTH] ja [HEALTH]."),
        ("Sie hat Übelkeit und Atemnot.", "Sie hat [HEALTH] und [HEALTH]."),
        ("She has chest pain and a cough.", "She has [HEALTH] and a [HEALTH]."),
        # misspelt as heard, and split compounds
        ("Mor har alsheimer og høyt blod trykk.", "Mor har [HEALTH] og [HEALTH]."),
        ("Sønnen har skitzofreni.", "Sønnen har [HEALTH]."),
        ("He has sugar diabetes.", "He has [HEALTH]."),
        ("Kjent Mb. Parkinson.", "Kjent [HEALTH]."),
        ("Hun har cystisk fibrose.", "Hun har [HEALTH]."),
        # conditions the neighbours name by their own compounds
        ("Han har förmaksflimmer och lunginflammation.", "Han har [HEALTH] och [HEALTH]."),
        ("Hon fick en höftprotes efter benbrott.", "Hon fick en [HEALTH] efter [HEALTH]."),
        ("Er hat Vorhofflimmern und eine Knieprothese.", "Er hat [HEALTH] und eine [HEALTH]."),
        ("Hun har hørenedsættelse efter knoglebrud.", "Hun har [HEALTH] efter [HEALTH]."),
        ("Tata ma rak płuc i POChP.", "Tata ma [HEALTH] i [HEALTH]."),
        ("Jam diagnozuota depresija.", "Jam diagnozuota [HEALTH]."),
        # medicines by their kind, and a stent
        ("Hun tar smertestillende og blodfortynnende.", "Hun tar [HEALTH] og [HEALTH]."),
        ("Fikk stent i fjor.", "Fikk [HEALTH] i fjor."),
        # an abbreviation in a compound, in lower case
        ("Sendt med helseopplysninger (hiv-positiv).", "Sendt med helseopplysninger ([HEALTH])."),
    ],
)
def test_health_information_as_laypeople_write_it_is_redacted(note, redacted):
    assert redact(note) == redacted


@pytest.mark.parametrize(
    ("note", "redacted"),
    [
        # generic names as Felleskatalogen and FASS spell them
        ("Bruker diklofenak og spironolakton.", "Bruker [HEALTH] og [HEALTH]."),
        ("Får metadon og amoksicillin.", "Får [HEALTH] og [HEALTH]."),
        # Nordic brands of more ATC classes
        ("Tar Movicol, Emconcor og Xanax.", "Tar [HEALTH], [HEALTH] og [HEALTH]."),
        ("Inhalerer Relvar, bruker Mixtard.", "Inhalerer [HEALTH], bruker [HEALTH]."),
        # procedures and vaccines given to a person, Latin qualifiers, more shorthand
        ("Fått influensavaksine og koloskopi.", "Fått [HEALTH] og [HEALTH]."),
        ("Etter hysterektomi og biopsi.", "Etter [HEALTH] og [HEALTH]."),
        ("Kjent angina pectoris, herpes zoster.", "Kjent [HEALTH], [HEALTH]."),
        ("Bærer av MRSA, har OA i knærne.", "Bærer av [HEALTH], har [HEALTH]."),
        ("Han er amputert venstre legg.", "Han er [HEALTH]."),
        ("Kunden er slagpasient med fantomsmerter.", "Kunden er [HEALTH] med [HEALTH]."),
        ("Hun har hevelse, kløe og kramper.", "Hun har [HEALTH], [HEALTH] og [HEALTH]."),
        ("Er hat Zucker und Fieber.", "Er hat [HEALTH] und [HEALTH]."),
        # surgeries by their body part, and conditions as each neighbour names them
        ("Efter knæoperation og nyt hofteled.", "Efter [HEALTH] og [HEALTH]."),
        ("Nach der Hüft-OP, mit Herzschwäche.", "Nach der [HEALTH], mit [HEALTH]."),
        ("Hän toipuu polvileikkauksesta.", "Hän toipuu [HEALTH]."),
        ("Han har diskbråck och bältros.", "Han har [HEALTH] och [HEALTH]."),
        ("Hun har forhøjet blodtryk og sclerose.", "Hun har [HEALTH] og [HEALTH]."),
        ("She has heart trouble and takes blood thinners.", "She has [HEALTH] and takes [HEALTH]."),
        ("Diagnozė: G35", "Diagnozė: [HEALTH]"),
        # a body part or a function that is bad, weak or reduced
        ("Han har dårlig hjerte og dårlige knær.", "Han har [HEALTH] og [HEALTH]."),
        ("She has bad knees and a weak heart.", "She has [HEALTH] and a [HEALTH]."),
        ("Nedsatt gangfunksjon, svekket allmenntilstand.", "[HEALTH], [HEALTH]."),
        ("Hun har problemer med pusten.", "Hun har [HEALTH]."),
        ("Han har psykiske plager og glutenintoleranse.", "Han har [HEALTH] og [HEALTH]."),
        ("Hun skjelver på hendene.", "Hun [HEALTH] på hendene."),
    ],
)
def test_health_information_of_more_kinds_is_redacted(note, redacted):
    assert redact(note) == redacted


@pytest.mark.parametrize(
    "note",
    [
        "Vi har lastet opp tretten bilder av rullatoren.",  # drug names that are everyday words
        "Hylle C12, rad B14, plass A03.",  # shelf codes shaped like ICD-10 categories
        "Ordre M16 og M20 er sendt.",
        "Kan I sende den af sted i dag?",  # an abbreviation as an everyday word
        "Nettleser: Mozilla/5.0 (Linux; af-ZA)",  # or in a locale's code
        "Kaffe med sukker, takk.",
        "Det ser dårlig ut med leveransen.",
        "Oksygenkonsentratoren er levert og testet.",  # a product, not a treatment
        "Ca. 30 minutter forsinket.",
    ],
)
def test_everyday_words_and_codes_are_kept(note):
    assert redact(note) == note


@pytest.mark.parametrize(
    ("note", "redacted"),
    [
        ("mor har hjerte svikt og lunge betennelse", "mor har [HEALTH] og [HEALTH]"),
        ("han fikk hofte protese i fjor", "han fikk [HEALTH] i fjor"),
        ("hun har nyre svikt", "hun har [HEALTH]"),
    ],
)
def test_a_condition_written_as_two_words_is_health(note, redacted):
    assert redact(note) == redacted


@pytest.mark.parametrize(
    "note", ["Vi venter mens de pakker.", "Han kom over vekta i går.", "Ring meg etter tre."]
)
def test_two_everyday_words_are_no_split_condition(note):
    assert redact(note) == note


def test_a_stem_cut_short_in_two_everyday_words_stays():
    assert redact("Vi sendte media betaling i går.") == "Vi sendte media betaling i går."

"""The anonymisation guard: what it flags in reflective texts, and what it must leave alone.

False positives matter as much as true positives: an author who is warned about "en mars" or
"le médecin" stops reading the warnings. No database is needed here.
"""

import unicodedata

from django.utils import translation

import pytest

from home.anonymisation import KINDS, Finding, check_fields, find_identifying


def found(text, extra_names=()):
    return [(f.kind, f.text) for f in find_identifying(text, extra_names)]


# --- Realistic texts, identifying and rewritten ---------------------------------------------

GEM_ACTIVITY = """\
Jeudi 12 mars 2024, pendant l'atelier cuisine du GEM, Kevin Durand est arrivé très tendu.
Il venait d'apprendre que sa curatelle serait renouvelée. Sa sœur, Mme L., m'avait prévenu
la veille et m'a laissé son numéro (06 12 34 56 78) et son mail : sophie.durand@gmail.com.

Ce que j'ai ressenti : de l'impuissance, et de la colère contre « le système ». Il m'a dit
qu'il habitait seul au 12 rue des Lilas, 75011 Paris, depuis sa sortie de l'hôpital.

Analyse : l'écoute a fonctionné. Le médecin du CMP l'a revu la semaine suivante. Pour son
dossier MDPH, il m'a même lu son numéro de sécurité sociale, 1 85 05 78 006 084 36.
"""

GEM_ACTIVITY_REWRITTEN = """\
En mars 2024, pendant l'atelier cuisine du GEM, un adhérent est arrivé très tendu.
Il venait d'apprendre que sa curatelle serait renouvelée. Une proche m'avait prévenu
la veille et m'a laissé ses coordonnées, que j'ai transmises à la coordination.

Ce que j'ai ressenti : de l'impuissance, et de la colère contre « le système ». Il m'a dit
qu'il habitait seul, au 3e étage, depuis sa sortie de l'hôpital.

Analyse : l'écoute a fonctionné. Le médecin du CMP l'a revu la semaine suivante. Pour son
dossier MDPH, il a pu s'appuyer sur l'assistante sociale.
"""

PHONE_CALL = """\
Appel du mardi soir, vers 21h30. Une adhérente, Fatoumata, appelait d'une cabine : son
portable était coupé. Elle m'a demandé de rappeler J.-P. au +33 (0)7 98 76 54 32, « c'est
lui qui a les clés ». Elle se sentait suivie depuis le 03/04/2024.

Je lui ai rappelé le 3114 et le 15. Elle a dit que Monsieur Benali, son voisin, pouvait
venir. Après coup, je me demande si j'aurais dû appeler moi-même Marie-Jeanne, sa
référente au 40 route de Lyon.
"""

PHONE_CALL_REWRITTEN = """\
Appel du mardi soir, vers 21h30. Une adhérente appelait d'une cabine : son portable
était coupé. Elle m'a demandé de rappeler un ami, « c'est lui qui a les clés ». Elle se
sentait suivie depuis début avril.

Je lui ai rappelé le 3114 et le 15. Elle a dit que son voisin pouvait venir. Après coup,
je me demande si j'aurais dû appeler moi-même sa référente au CMP.
"""

ENGLISH_SESSION = """\
On Monday, March 11th, a member told the group that her neighbour, Sarah Collins, had
called the police again. She gave me her number, +44 20 7946 0958, and asked me to write
to her at s.collins@example.org. She still lives at 221B Baker Street.

Looking back, I felt out of my depth. Mark the moment: the doctor and a relative were told.
"""

ENGLISH_SESSION_REWRITTEN = """\
In March, a member told the group that her neighbour had called the police again. She
asked me to keep in touch through the association. Will I do better next time? I hope so.

Looking back, I felt out of my depth. Mark the moment: the doctor and a relative were told.
"""


def test_gem_activity_text_flags_every_identifying_item():
    assert found(GEM_ACTIVITY) == [
        ("date", "Jeudi 12 mars 2024"),
        ("name", "Kevin Durand"),
        ("name", "Mme L."),
        ("phone", "06 12 34 56 78"),
        ("email", "sophie.durand@gmail.com"),
        ("address", "12 rue des Lilas, 75011 Paris"),
        ("nir", "1 85 05 78 006 084 36"),
    ]


def test_phone_call_text_flags_every_identifying_item():
    assert found(PHONE_CALL) == [
        ("name", "Fatoumata"),
        ("name", "J.-P."),
        ("phone", "+33 (0)7 98 76 54 32"),
        ("date", "03/04/2024"),
        ("name", "Monsieur Benali"),
        ("name", "Marie-Jeanne"),
        ("address", "40 route de Lyon"),
    ]


def test_english_text_flags_every_identifying_item():
    assert found(ENGLISH_SESSION) == [
        ("date", "Monday, March 11th"),
        ("name", "Sarah Collins"),
        ("phone", "+44 20 7946 0958"),
        ("email", "s.collins@example.org"),
        ("address", "221B Baker Street"),
    ]


@pytest.mark.parametrize(
    "text", [GEM_ACTIVITY_REWRITTEN, PHONE_CALL_REWRITTEN, ENGLISH_SESSION_REWRITTEN]
)
def test_the_same_texts_rewritten_by_role_and_month_raise_nothing(text):
    assert found(text) == []


# --- Each kind, format by format ------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "06 12 34 56 78",
        "07.12.34.56.78",
        "01-23-45-67-89",
        "0912345678",
        "05 56 00 00 00",
        "+33 6 12 34 56 78",
        "+33 (0)6 12 34 56 78",
        "+33612345678",
        "0033 6 12 34 56 78",
        "+44 20 7946 0958",
        "+1 (555) 123-4567",
        "+212 6 12 34 56 78",
    ],
)
def test_phone_numbers(number):
    assert found(f"Elle m'a donné le {number} pour la rappeler.") == [("phone", number)]


@pytest.mark.parametrize(
    "nir",
    ["1 85 05 78 006 084 36", "2850578006084", "2 85 05 2A 006 084", "185057800608436"],
)
def test_social_security_numbers(nir):
    assert found(f"Son numéro de sécu : {nir}, noté sur le formulaire.") == [("nir", nir)]


@pytest.mark.parametrize(
    "address",
    [
        "12 rue des Lilas",
        "12 rue des lilas",
        "3 bis avenue Jean Jaurès",
        "12, rue de la Paix",
        "8 bd Voltaire",
        "4 impasse du Moulin",
        "7 allée des Tilleuls",
        "12 place de la République",
        "40 route de Lyon",
        "2 cours Mirabeau",
        "12 rue des Lilas, 75011 Paris",
        "12 rue des Lilas\n75011 Paris",
        "69003 Lyon",
        "221B Baker Street",
    ],
)
def test_postal_addresses(address):
    assert found(f"Il vit maintenant au {address} avec sa mère.") == [("address", address)]


def test_a_named_street_without_number_is_still_an_address():
    assert found("On s'est croisés avenue Foch, devant la pharmacie.") == [
        ("address", "avenue Foch")
    ]


@pytest.mark.parametrize(
    "date",
    [
        "12 mars",
        "12 mars 2024",
        "1er mai",
        "lundi 12 mars",
        "12 au 15 mars",
        "12 janv. 2024",
        "3/04/2024",
        "03-04-24",
        "12.03.1985",
        "2024-03-12",
        "March 12",
        "March 12, 2024",
        "12th of March 2024",
        "3rd May 1990",
    ],
)
def test_full_dates(date):
    assert found(f"C'était le {date}, je m'en souviens.") == [("date", date)]


def test_a_day_and_month_without_year_after_le():
    assert found("On s'est revus le 3/04 au local.") == [("date", "3/04")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hier, j'ai appelé Kevin pour prendre des nouvelles.", "Kevin"),
        ("Je suis passé voir Inès au local.", "Inès"),
        ("Après l'atelier, Mohamed est resté ranger.", "Mohamed"),
        ("Elle a parlé de João et de ses enfants.", "João"),
        ("Je l'ai présenté à Ayşe, une amie du quartier.", "Ayşe"),
        ("J'ai revu Kevin Durand au marché.", "Kevin Durand"),
        ("La mère de Marie D. était présente.", "Marie D."),
        ("Il parlait souvent de Marie Le Gall.", "Marie Le Gall"),
        ("Son cousin Ahmed Ben Ali est venu.", "Ahmed Ben Ali"),
        ("Nous avons attendu Jean-Luc longtemps.", "Jean-Luc"),
        ("Je pense souvent à Marie-France depuis.", "Marie-France"),
        ("Marie m'a appelé hier soir.", "Marie"),
        ("Marie-Jeanne est arrivée en retard.", "Marie-Jeanne"),
        ("Hier, j'ai appelé Pierre.", "Pierre"),
        ("Pierre Durand m'a rappelé le soir même.", "Pierre Durand"),
        ("MARIE EST VENUE AU LOCAL", "MARIE"),
        ("Il m'a dit : « Kevin est parti sans rien dire ».", "Kevin"),
        ("- Pierre Durand, le voisin, a tout vu.", "Pierre Durand"),
    ],
)
def test_given_names(text, name):
    assert found(text) == [("name", name)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("J'ai eu Monsieur Dupont au téléphone.", "Monsieur Dupont"),
        ("J'ai eu Madame Benali au téléphone.", "Madame Benali"),
        ("J'ai eu le docteur Martin au téléphone.", "docteur Martin"),
        ("J'ai eu M. D. au téléphone.", "M. D."),
        ("J'ai eu Mme L. au téléphone.", "Mme L."),
        ("J'ai eu Mr X au téléphone.", "Mr X"),
        ("J'ai eu J.-P. au téléphone.", "J.-P."),
        ("J'ai eu J.-P. Martin au téléphone.", "J.-P. Martin"),
        ("J'ai eu J.D. au téléphone.", "J.D."),
        ("La mère de K. était là aussi.", "K."),
        ("M. m'a appelé ce matin.", "M."),
        ("Je suis passé chez J.-M. Dupont hier.", "J.-M. Dupont"),
        ("Hier soir. L. est venue seule.", "L."),
    ],
)
def test_civilities_and_initials(text, name):
    assert found(text) == [("name", name)]


def test_email_address():
    assert found("Écrire à marie-jo.durand+gem@asso-exemple.fr avant lundi.") == [
        ("email", "marie-jo.durand+gem@asso-exemple.fr")
    ]


# --- What must not be flagged ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Je lui ai donné le 3114, puis le 15 et le 112.",
        "Elle a appelé le 119 puis le 0800 235 236.",
        "On s'est retrouvés à 14h30 devant le local.",
        "Le repas coûtait 12,50 € par personne.",
        "C'était en 2024, une année difficile.",
        "C'était en mars 2024.",
        "C'était en mars, juste avant le printemps.",
        "Mi-mars, puis fin mars et début avril 2023.",
        "Mai 68 revenait souvent dans ses histoires.",
        "Lundi, on a fait le point. Jeudi aussi.",
        "Il dormait dans la rue depuis deux semaines.",
        "La rue était calme ce soir-là.",
        "Il habite au 3e étage sans ascenseur.",
        "On a fait 2 cours de yoga et il restait 5 places de parking.",
        "Le médecin, la psychiatre et l'infirmière étaient là.",
        "Un adhérent, une proche et un pair-aidant ont parlé.",
        "Il a perdu 3 kilos en 12 semaines, il a 45 ans.",
        "Les 2/3 des adhérents étaient présents, 20000 habitants en tout.",
        "Le plan B. a marché. Vitamine D. prescrite.",
        "A.A.H., R.S.A. et S.D.F. : des sigles à expliquer. N.B. : à revoir.",
        "Pierre par pierre, elle reconstruit sa confiance.",
        "Claire et nette, sa réponse m'a surpris.",
        "Rose bonbon, la nappe avait été choisie par le groupe.",
        "Grâce à elle, tout s'est apaisé à Noël, en France.",
        "La Marine recrute, disait l'affiche près de Saint-Étienne.",
        "Le pèlerinage de Saint Louis et la fête de la Sainte Marie.",
        "Plan de l'entrée :\nA. Contexte\nB. Ressenti\nC. Analyse",
        "Le GEM, le CMP et la MDPH se sont coordonnés.",
        "Quand il est arrivé, Il, Elle, Nous, Ce, Le, La, Mon, Ma, Après, Pendant.",
        "Will you come? Mark the date. Bill payment is due. Frank talk helps.",
        "We met in March 2024; 12 may be too many for one room.",
        "Version 1.2 du document, étape 3, score 3-0, en 2022-2023.",
    ],
)
def test_ordinary_text_raises_nothing(text):
    assert found(text) == []


# --- Members' names ---------------------------------------------------------------------------

MEMBERS = ["Alice Martin", "Hélène Petit", "Jo Li"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hier, Alice est passée au local.", "Alice"),
        ("Je crois que Martin n'est pas venu.", "Martin"),
        ("Alice Martin a animé l'atelier.", "Alice Martin"),
        ("On a parlé de alice martin après.", "alice martin"),
        ("Je pensais à Helene pendant la séance.", "Helene"),
        ("Je pensais à HÉLÈNE pendant la séance.", "HÉLÈNE"),
        ("Je pensais à hélène pendant la séance.", "hélène"),
        ("Le bureau de Madame Petit était fermé.", "Madame Petit"),
        ("Je crois que Petit n'est pas venu.", "Petit"),
        ("Nous attendions Jo depuis une heure.", "Jo"),
    ],
)
def test_members_names_are_flagged(text, name):
    assert found(text, MEMBERS) == [("name", name)]


@pytest.mark.parametrize(
    "text",
    [
        "Petit à petit, il a repris confiance.",
        "C'est un petit groupe, très soudé.",
        "Il nous a dit qu'il se marie en juin.",
        "Le martin-pêcheur était sur la rivière.",
        "Li est un mot trop court pour être un nom de famille.",
    ],
)
def test_members_names_that_are_ordinary_words_or_too_short_are_not_flagged(text):
    assert found(text, ["Alice Martin", "Hélène Petit", "Marie Li"]) == []


def test_members_names_accept_any_iterable():
    assert found("Alice est venue.", (name for name in ["Alice Martin"])) == [("name", "Alice")]
    assert found("Alice est venue.", "Alice Martin") == [("name", "Alice")]


# --- Merging, offsets, context, keys, labels ----------------------------------------------------


def test_overlapping_findings_keep_the_most_specific_kind():
    assert found("Écrire à Marie.Dupont@gmail.com.") == [("email", "Marie.Dupont@gmail.com")]
    assert found("Il vit au 3 bis avenue Jean Jaurès.") == [("address", "3 bis avenue Jean Jaurès")]


def test_findings_are_sorted_and_their_offsets_point_into_the_text():
    findings = find_identifying(GEM_ACTIVITY)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    assert all(GEM_ACTIVITY[f.start : f.end] == f.text for f in findings)
    assert all(isinstance(f, Finding) and f.kind in KINDS for f in findings)


def test_offsets_refer_to_the_text_as_given_even_when_decomposed():
    text = unicodedata.normalize("NFD", "Hélène a appelé Élodie le 12 février.")
    findings = find_identifying(text)
    assert [(f.kind, unicodedata.normalize("NFC", f.text)) for f in findings] == [
        ("name", "Hélène"),
        ("name", "Élodie"),
        ("date", "12 février"),
    ]
    assert all(text[f.start : f.end] == f.text for f in findings)


def test_context_marks_the_match_and_collapses_whitespace():
    (finding,) = find_identifying("J'ai appelé\n\n   Kevin   hier.")
    assert finding.context == "J'ai appelé «Kevin» hier."


def test_context_is_cut_at_about_forty_characters_on_word_boundaries():
    text = (
        "Pendant tout l'après-midi de cet atelier très long, j'ai parlé avec Kevin "
        "de ses projets et de ses envies pour la rentrée prochaine au local."
    )
    (finding,) = find_identifying(text)
    assert finding.context == (
        "…atelier très long, j'ai parlé avec «Kevin» de ses projets et de ses envies pour…"
    )


def test_keys_do_not_depend_on_position_or_spelling_of_the_same_number():
    first = find_identifying("Appeler le 06 12 34 56 78.")[0]
    second = find_identifying("Plus tard, rappeler au 06.12.34.56.78 ou +33 6 12 34 56 78.")
    assert first.key == "phone:0612345678"
    assert {f.key for f in second} == {first.key}
    assert find_identifying("avec Kevin")[0].key == "name:kevin"
    assert find_identifying("le 12 Mars")[0].key == "date:12 mars"


def test_labels_are_human_readable():
    findings = find_identifying(GEM_ACTIVITY)
    with translation.override("en"):
        labels = {f.kind: str(f.label) for f in findings}
    assert labels == {
        "date": "full date",
        "name": "personal name",
        "phone": "phone number",
        "email": "e-mail address",
        "address": "postal address",
        "nir": "social-security number",
    }


# --- check_fields ---------------------------------------------------------------------------


def test_check_fields_returns_only_fields_with_findings():
    result = check_fields(
        {"description": "J'ai revu Kevin le 12 mars.", "feelings": "De la colère, en mars."}
    )
    assert list(result) == ["description"]
    assert [(f.kind, f.text) for f in result["description"]] == [
        ("name", "Kevin"),
        ("date", "12 mars"),
    ]


def test_check_fields_drops_accepted_findings_and_the_mark_survives_edits():
    fields = {"description": "J'ai revu Kevin le 12 mars.", "analysis": "Kevin va mieux."}
    accepted = {"name:kevin"}
    result = check_fields(fields, accepted_keys=accepted)
    assert {field: [f.text for f in found] for field, found in result.items()} == {
        "description": ["12 mars"]
    }
    edited = {"description": "Finalement, j'ai revu Kevin au local, le 12 mars."}
    assert [f.text for f in check_fields(edited, accepted_keys=accepted)["description"]] == [
        "12 mars"
    ]


def test_check_fields_accepts_keys_recorded_field_by_field():
    fields = {"description": "Kevin est venu.", "analysis": "Kevin va mieux."}
    result = check_fields(fields, accepted_keys={"description": {"name:kevin"}})
    assert list(result) == ["analysis"]


def test_check_fields_uses_members_names():
    result = check_fields({"description": "Hélène Petit a animé."}, extra_names=MEMBERS)
    assert [f.text for f in result["description"]] == ["Hélène Petit"]


def test_check_fields_with_nothing_to_flag_is_empty():
    assert check_fields({"description": "", "analysis": "En mars, un adhérent."}) == {}


# --- Robustness -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        None,
        "😀🙏 merci ✨",
        "l&#39;adhérent &nbsp; &eacute; &#8217; &amp;",
        "\u0301" * 50,
        "\ud800 lone surrogate",
        "@" * 500,
        "A." * 500,
        "1 " * 500,
    ],
)
def test_never_crashes_and_stays_quiet_on_odd_input(text):
    assert find_identifying(text) == []


def test_html_entities_do_not_hide_a_name():
    assert found("l&#39;adhérent a vu Marie&nbsp;Dupont") == [("name", "Marie")]


def test_a_twenty_thousand_character_text_is_checked():
    text = (GEM_ACTIVITY + GEM_ACTIVITY_REWRITTEN) * 20
    text = text[:20_000]
    findings = find_identifying(text, [f"Membre{i} Nom{i}" for i in range(300)])
    assert len(text) == 20_000
    assert {f.kind for f in findings} == set(KINDS)


@pytest.mark.parametrize("chunk", ["a", "1 ", "A.", "a@", "12 rue ", "Marie ", "0", "+1"])
def test_long_repetitive_input_completes(chunk):
    find_identifying(chunk * (20_000 // len(chunk)))

"""Values with a written form of their own asked anywhere in a question (agents/value_forms.py), and the support
an answer that does not give one loses (agents/abstain.py)."""
from __future__ import annotations

import pytest

from memex.agents import abstain, value_forms
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.agents.value_forms import asked, supplies, unsupplied
from memex.domain import Hit, Location


@pytest.mark.parametrize(("question", "name"), [
    ("¿Cuál es el CIF de Transportes Ribera?", "tax_id"),
    ("Quel est le numéro de TVA du cabinet ?", "tax_id"),
    ("Wie lautet die Steuernummer von Holz Müller?", "tax_id"),
    ("Qual è la partita IVA di Rossi?", "tax_id"),
    ("Qual é o NIF da farmácia?", "tax_id"),
    ("Wat is het btw-nummer van de praktijk?", "tax_id"),
    ("What is Ana Gil's email address?", "email"),
    ("¿Cuál es el correo electrónico de Marta?", "email"),
    ("Wat is het mailadres van Joke?", "email"),
    ("Welches Kennzeichen hat der Transporter?", "plate"),
    ("Hoe luidt het kenteken van de bus?", "plate"),
    ("Quelle est la plaque d'immatriculation de la Clio ?", "plate"),
    ("Wat is het wachtwoord van de wifi?", "password"),
    ("Quel est le mot de passe du routeur ?", "password"),
])
def test_the_class_is_read_from_any_word_of_the_question(question: str, name: str) -> None:
    assert asked(question) == name


@pytest.mark.parametrize("question", [
    "¿Cuánto IVA ingresé en el tercer trimestre?",            # the tax paid, an amount
    "What did Jamie's email of 27 February say about the date?",  # what a message said
    "¿Qué decía el correo de Harinas del Ebro?",
    "Wie schütze ich meine Seite mit einem Passwort?",          # how, not which
    "Hoe zet ik een wachtwoord op mijn site?",
    "Wann kam die Mail mit der neuen Bankverbindung?",
    "Wie füge ich ein eigenes CSS-Snippet hinzu?",              # "ein" is an article, not an EIN
    "Which email did I send Ana about the invoice?",            # a message, not an address
    "¿Cuánto cuesta la matrícula del curso?",                   # an enrolment fee, not a number plate
    "Which plate did I break at Christmas?",
    "Was habe ich nie bezahlt?",                                # "nie" is never, not a NIE
])
def test_questions_about_something_else_ask_for_no_form(question: str) -> None:
    assert asked(question) == ""


def test_a_value_of_the_form_supplies_it_and_another_figure_does_not() -> None:
    q = "¿Cuál es el CIF de Transportes Ribera?"
    assert supplies("tax_id", "Transportes Ribera: CIF B46123456, Sagunto.", q)
    assert supplies("tax_id", "Datos fiscales: 12345678Z", q)
    assert not supplies("tax_id", "Factura 2025-038: 1.260,00 € + IVA. Móvil: 661 204 837.", q)
    assert supplies("plate", "Neuer Transporter: Kennzeichen L-HW 2204.", "Welches Kennzeichen hat der Transporter?")
    assert not supplies("plate", "Ford Transit Custom, 2022, 61.000 km, L2.", "Welches Kennzeichen hat der Transporter?")
    assert supplies("email", "Contacto: ana.gil@ribera.example", "What is Ana Gil's email address?")
    assert supplies("password", "Wifi — wachtwoord: Zomer2024!", "Wat is het wachtwoord van de wifi?")
    assert not supplies("password", "Inloggen via de site van de KNOV.", "Wat is het wachtwoord van de wifi?")
    assert unsupplied("¿Cuál es el NIF de Naranjo Labs?", ["Naranjo Labs\nMi papel: CTO fraccional."]) == "tax_id"
    assert unsupplied("¿Cuál es el NIF de Naranjo Labs?", []) == ""


def _candidate(text: str, subject: str) -> Candidate:
    hit = Hit(path="n.md", chunk_id="c1", score=1.0, text=text, location=Location())
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject=subject, context=subject, date=None,
                date_source="mtime")
    return Candidate(unit, 0.55, 0.6, 0.6, 1.0, 0.5)


def test_an_answer_without_the_asked_form_costs_the_kind_penalty() -> None:
    q = "Welches Kennzeichen hat der Transporter?"
    silent = _candidate("Gekauft: Ford Transit Custom, 2022, 61.000 km, L2, Autohaus Seidel.", "Neuer Transporter")
    said = _candidate("Gekauft: Ford Transit Custom, Kennzeichen L-HW 2204, Autohaus Seidel.", "Neuer Transporter")
    score, checks = abstain.support_score(q, 0.5, [silent])
    assert "no plate value" in checks["attribute_unsupplied"]
    right, checks = abstain.support_score(q, 0.5, [said])
    assert checks["attribute_unsupplied"] == []
    assert score == pytest.approx(right - abstain.KIND_PENALTY)


def test_a_birthday_is_the_asked_ones_and_a_birth_day() -> None:
    from memex.agents.value_forms import birthday_of_other

    other = ["Sophie Girard\nSophie Girard: Cheffe de chœur depuis 2016.",
             "Sophie Lambert\nSophie Lambert: Anniversaire : 2 février. Elle aime le thé au jasmin."]
    assert birthday_of_other("Quand est l'anniversaire de Sophie Girard ?", other, ["Sophie Girard"])
    roster = ["Dienstrooster › Vanaf 1 oktober 2026\nNachten: na de ruil met Fatima is het alleen dinsdag."]
    assert birthday_of_other("Wanneer is Fatima jarig?", roster, ["Fatima"])
    assert not birthday_of_other("Wanneer is Fatima jarig?", ["Fatima\nFatima: jarig op 3 mei."], ["Fatima"])
    assert not birthday_of_other("When is Ada's birthday?", ["Ada\nAda: Daughter. Born 18 December 2016."], ["Ada"])
    assert not birthday_of_other("When is Ada's birthday?", ["Ada's birthday\nShe'll be 10 on 18 December."], ["Ada"])
    assert not birthday_of_other("Wann hat Leon Geburtstag?", ["Leon\nLeon: Geburtstag am 4. Mai."], ["Leon"])
    # a birthday not asked by when, or with no name given: not this check's
    assert not birthday_of_other("What did I give Ada for her birthday?", other, ["Ada"])
    assert not birthday_of_other("When is Mum's birthday?", other, [])


def test_an_answer_with_another_ones_birthday_costs_the_kind_penalty() -> None:
    q = "Quand est l'anniversaire de Sophie Girard ?"
    other = _candidate("Sophie Lambert: Anniversaire : 2 février. Elle aime le thé au jasmin.", "Sophie Lambert")
    own = _candidate("Sophie Girard: Anniversaire : 5 mai.", "Sophie Girard")
    _, checks = abstain.support_score(q, 0.5, [other])
    assert "no birthday of the asked one" in checks["attribute_unsupplied"]
    _, checks = abstain.support_score(q, 0.5, [own])
    assert checks["attribute_unsupplied"] == []


def test_a_long_run_of_dashes_is_read_in_linear_time() -> None:
    import time

    start = time.perf_counter()
    assert asked("-" * 20000) == ""
    assert time.perf_counter() - start < 1.0


def test_a_birth_date_by_its_label_is_a_birthday_and_french_ne_is_no_birth_word() -> None:
    from memex.agents.value_forms import birthday_of_other

    assert not birthday_of_other("When is Ada's birthday?", ["Ada Lovelace — date of birth: 4 March 2016"], ["Ada"])
    assert not birthday_of_other("When is Ada's birthday?", ["Ada — DOB 04/03/2016"], ["Ada"])
    assert not birthday_of_other("¿Cuándo es el cumpleaños de Lucía?",
                                 ["Lucía Ortega — fecha de nacimiento: 4 de marzo de 1990"], ["Lucía"])
    assert not birthday_of_other("Wann hat Jonas Geburtstag?", ["Jonas (geb. 4. März 2016)"], ["Jonas"])
    # French "ne" and Dutch "nee" are no "née"
    assert birthday_of_other("Quand est l'anniversaire de Léa ?", ["Léa ne vient pas le 4 mars."], ["Léa"])
    assert birthday_of_other("Wanneer is Fatima jarig?", ["Fatima: nee, niet op 4 maart."], ["Fatima"])


def test_an_email_from_or_about_someone_is_a_message_not_an_address() -> None:
    assert asked("What was the email from Sara about?") == ""
    assert unsupplied("What was the email from Sara about?", ["Sara emailed on 3 May: lease renewed"]) == ""
    assert asked("What was the email about the lease?") == ""
    # an address word, or a copula right before "X's email" / "the email of X", asks for the address
    assert asked("What is Sara's email?") == "email"
    assert asked("What is the email of Sara?") == "email"
    assert asked("¿Cuál es el email de Marta?") == "email"
    assert asked("What is Sara's email address?") == "email"


def test_german_was_asks_for_a_value_and_plural_kennzeichen_are_no_plate() -> None:
    assert asked("Was ist die Steuernummer der Bäckerei Huber?") == "tax_id"
    assert asked("Was ist das Kennzeichen vom Transit?") == "plate"
    assert asked("Was ist das Passwort für das WLAN?") == "password"
    assert asked("Was ist das Kennzeichen?") == "plate"
    assert asked("Was the password changed?") == ""                   # English "was" still asks whether
    assert asked("Welche Kennzeichen hat Amerikanische Faulbrut?") == ""  # characteristics, not a plate
    assert asked("Welche Kennzeichen haben unsere Transporter?") == "plate"
    assert asked("Welches Kennzeichen hat der Transporter?") == "plate"


def test_a_wifi_key_or_a_user_pass_pair_gives_a_password_and_bare_digits_need_a_tax_word() -> None:
    assert asked("What's the wifi password?") == "password"
    assert unsupplied("What's the wifi password?", ["Wifi: HomeNet / bananas42"]) == ""
    assert unsupplied("Wat is het wachtwoord van de wifi?", ["Wifi thuis: netwerk Ziggo, sleutel appel123"]) == ""
    assert unsupplied("Wie lautet das WLAN-Passwort?", ["WLAN-Schlüssel: Sonne2024"]) == ""
    assert unsupplied("What's the wifi password?", ["The router is in the hall."]) == "password"
    q = "¿Cuál es el CIF de Transportes Ribera?"
    assert not supplies("tax_id", "Transportes Ribera: móvil 612345678.", q)
    assert supplies("tax_id", "Transportes Ribera: NIF 501234567.", q)
    assert supplies("tax_id", "Transportes Ribera: CIF B46123456, Sagunto.", q)


def test_a_password_hint_is_asked_for_no_password() -> None:
    assert asked("What is the router admin password hint?") == ""
    assert asked("Wat is de wachtwoordhint van de router?") == ""
    assert asked("What is the router admin password?") == "password"


def test_a_birthday_under_one_word_of_the_full_name_is_the_persons() -> None:
    q = "When is Tom Baker's birthday?"
    assert not value_forms.birthday_of_other(q, ["People\nTom's birthday: 3 May."], ["Tom Baker"])
    assert not value_forms.birthday_of_other(q, ["Baker family\nBirthday 3 May (Tom)."], ["Tom Baker"])
    # the same first name with another surname is a namesake's birthday
    assert value_forms.birthday_of_other(q, ["Tom Hughes: birthday 3 May."], ["Tom Baker"])

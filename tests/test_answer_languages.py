"""Answers in the question's language (issue 18 item 5): question shapes, answer kinds, dates and numbers in
Spanish, Portuguese, French, German, Italian and Dutch; English read exactly as before; an LLM told to
answer in the question's language; an abstention said in it."""
from __future__ import annotations

from pathlib import Path

import pytest

from memex.agents import lexicon
from memex.agents.answer_type import expected, names, offers
from memex.agents.extractive import content_terms, question_terms
from memex.agents.plan import decompose, time_window
from memex.agents.synthesis import build_messages
from memex.app import Brain
from memex.domain import Hit, Location
from memex.llm.base import Message
from memex.llm.scripted import ScriptedChatModel


@pytest.mark.parametrize(("question", "lang"), [
    ("¿Cuánto cuesta ahora el saco de harina?", "es"),
    ("Quanto custa agora o saco de farinha?", "pt"),
    ("Combien coûte le sac de farine maintenant ?", "fr"),
    ("Wie viel kostet der Mehlsack jetzt?", "de"),
    ("Quanto costa adesso il sacco di farina?", "it"),
    ("Hoeveel kost de zak meel nu?", "nl"),
    ("How much does a bag of flour cost now?", "en"),
    # Close calls between Romance languages (Italian "Qual è" reads like Portuguese "qual é"; Portuguese "Como"
    # opens Spanish questions too): the character n-gram detector decides between them.
    ("Qual è la finestra di contesto predefinita di Ollama con il Web Clipper?", "it"),
    ("Quando verrà rilasciato Obsidian 2.0?", "it"),
    ("Como abro a nota diária de hoje?", "pt"),
    # A short question with few function words, some of them English too: the n-gram detector, when sure.
    ("Was kostet die VIP-Stufe der Catalyst-Lizenz?", "de"),
    ("Was the VIP tier of the Catalyst license expensive?", "en"),
    ("What's Jonno's actual name?", "en"),
    ("Mon: chocolate for Aoife, Mum, Orla, Lena, Ruth A, Ruth D.", "en"),
    ("Tue 24 Nov: HF nurse, all stable.", "en"),
])
def test_the_language_of_a_question_or_statement(question: str, lang: str) -> None:
    assert lexicon.language(question) == lang


def test_a_statement_too_short_to_tell_is_read_in_the_question_language() -> None:
    assert lexicon.detect("Barra: 1,20 €") == "und"
    assert lexicon.language("Barra: 1,20 €") == "en"  # outside an answer: the English rules
    with lexicon.asked("¿A cuánto está la barra?"):
        assert lexicon.language("Barra: 1,20 €") == "es"
        assert "money" in offers("Barra: 1,20 €", "¿A cuánto está la barra?")


@pytest.mark.parametrize(("question", "kinds"), [
    ("¿Cuánto costó la campana extractora?", {"money"}),
    ("¿Cuándo se reúne la asociación de comerciantes?", {"date", "time", "weekday"}),
    ("¿Dónde está destinado Andrés ahora?", {"place"}),
    ("¿Quién preside la asociación?", {"person"}),
    ("Quanto pagamos de renda por mês?", {"money"}),
    ("Onde fica a padaria?", {"place"}),
    ("Quem é o nosso contabilista?", {"person"}),
    ("Combien coûte la séance de kiné ?", {"money"}),
    ("Quand est-ce que la boulangerie ouvre ?", {"date", "time", "weekday"}),
    ("Où habite Andrés ?", {"place"}),
    ("Wie viel kostet die Miete?", {"money"}),
    ("Wann trifft sich der Verein?", {"date", "time", "weekday"}),
    ("Wer ist unser Steuerberater?", {"person"}),
    ("Wie lange backt der Zopf?", {"duration"}),
    ("Quanto costa l'affitto adesso?", {"money"}),
    ("Chi è il nostro commercialista?", {"person"}),
    ("Dove abita Andrés?", {"place"}),
    ("Hoeveel kost de huur nu?", {"money"}),
    ("Wie is onze boekhouder?", {"person"}),
    ("Wanneer komt de vereniging bijeen?", {"date", "time", "weekday"}),
    ("Hoeveel zakken meel hebben we besteld?", {"quantity", "number"}),
    # "which version" asks for a number, as in English
    ("¿Qué versión de Node.js necesita la aplicación?", {"quantity", "number"}),
    ("A partir de qual versão posso criar um arquivo?", {"quantity", "number"}),
    ("Seit welcher Obsidian-Version gibt es das?", {"quantity", "number"}),
    ("Depuis quelle version puis-je le faire ?", {"quantity", "number"}),
    ("Da quale versione posso farlo?", {"quantity", "number"}),
    ("Vanaf welke versie kan dat?", {"quantity", "number"}),
    # a phone number is asked for where the question asks for the phone, not wherever it mentions one
    ("¿Cuál es el móvil de Rubén?", {"phone"}),
    ("¿Cuál es el número de teléfono de la gestoría?", {"phone"}),
    ("Mi teléfono Android borra los adjuntos que llegan por Sync. ¿Qué debo hacer?", set()),
    ("Wie lautet die Telefonnummer von Sergio?", {"phone"}),
    ("Mein Android-Telefon löscht Anhänge, die über Sync ankommen. Was soll ich tun?", set()),
    ("Quel est le numéro de téléphone du plombier ?", {"phone"}),
    ("Qual é o celular do Rubén?", {"phone"}),
    ("Meu celular Android apaga os anexos que chegam pelo Sync. O que devo fazer?", set()),
    ("Qual è il numero di telefono di Marco?", {"phone"}),
    ("Wat is het telefoonnummer van de loodgieter?", {"phone"}),
    ("Mijn Android-telefoon verwijdert bijlagen. Wat moet ik doen?", set()),
])
def test_the_kind_of_answer_a_question_asks_for(question: str, kinds: set[str]) -> None:
    assert set(expected(question).kinds) == kinds


def test_english_questions_keep_the_english_rules() -> None:
    assert set(expected("How much does the physio cost now?").kinds) == {"money"}
    assert set(expected("When is Jonah's birthday?").kinds) == {"date"}
    assert lexicon.expected_kinds("How much does the physio cost now?") is None
    assert content_terms("Allergic to walnuts and pecans") == {"allergic", "walnut", "pecan"}


@pytest.mark.parametrize(("question", "kind", "temporal"), [
    ("¿Cuánto cuesta ahora el saco de harina?", "single", True),
    ("¿Qué restaurantes nos compran pan?", "aggregation", False),
    ("¿Cuántas veces se estropeó la cámara?", "aggregation", False),
    ("Quais restaurantes compram o nosso pão?", "aggregation", False),
    ("Quanto pagamos atualmente ao contabilista?", "single", True),
    ("Quels restaurants achètent notre pain ?", "aggregation", False),
    ("Combien de fois la chambre froide est-elle tombée en panne ?", "aggregation", False),
    ("Was kostet der Physiotherapeut jetzt?", "single", True),
    ("Wie oft ist die Kühlkammer ausgefallen?", "aggregation", False),
    ("Quanto costa adesso il fisioterapista?", "single", True),
    ("Quali ristoranti comprano il nostro pane?", "aggregation", False),
    ("Hoeveel kost de fysiotherapeut nu?", "single", True),
    ("Hoe vaak is de koelcel kapotgegaan?", "aggregation", False),
    # Lists asked without "how many": a plural after "welche"/"welke", "who are", "alles"/"allemaal".
    ("Welche Bücher habe ich dieses Jahr gelesen?", "aggregation", False),
    ("Wer sind meine Kollegen im Betriebshof?", "aggregation", False),
    ("Was haben wir im Urlaub alles unternommen?", "aggregation", False),
    ("Welche Posten stehen auf der Nebenkostenabrechnung?", "aggregation", False),
    ("Welke boeken heb ik gelezen?", "aggregation", False),
    ("Wie zijn mijn collega's?", "aggregation", False),
    ("Qui sont les voisins de maman ?", "aggregation", False),
    ("Chi sono i vicini della mamma?", "aggregation", False),
    # ... and one thing asked with the same words.
    ("Welche Buslinie fahre ich?", "single", False),
    ("Welche Nummer habe ich angerufen?", "single", False),
    ("Welche Farbe haben die Bienenkästen?", "single", False),
    ("Wo arbeitet Malte jetzt?", "single", True),
])
def test_question_shapes(question: str, kind: str, temporal: bool) -> None:
    p = decompose(question)
    assert (p.kind, p.temporal) == (kind, temporal)


@pytest.mark.parametrize(("question", "bridge"), [
    ("¿De qué ciudad trae cerezas el comercial que nos subió el saco a 18,20 €?",
     "el comercial que nos subió el saco a 18,20 €"),
    ("¿Cuánto nos cobró el hermano de Andrés por la obra?", "el hermano de Andrés"),
    ("De que cidade é o vendedor que nos subiu o preço da farinha?", "o vendedor que nos subiu o preço da farinha"),
    ("De quelle ville vient le commercial qui a augmenté le prix de la farine ?",
     "le commercial qui a augmenté le prix de la farine"),
    ("Aus welcher Stadt kommt der Vertreter, der den Mehlpreis erhöht hat?",
     "der Vertreter, der den Mehlpreis erhöht hat"),
    ("Da quale città viene il rappresentante che ha aumentato il prezzo della farina?",
     "il rappresentante che ha aumentato il prezzo della farina"),
    ("Uit welke stad komt de vertegenwoordiger die de meelprijs verhoogde?",
     "de vertegenwoordiger die de meelprijs verhoogde"),
])
def test_relational_questions_name_what_to_find_first(question: str, bridge: str) -> None:
    p = decompose(question)
    assert p.kind == "relational"
    assert p.bridge == bridge


def test_multi_part_questions_are_split() -> None:
    p = decompose("¿Cuánto cuesta la barra, y qué días abre la tienda?")
    assert p.kind == "multi-part" and len(p.sub_queries) == 3


def test_dates_a_question_names_limit_the_search() -> None:
    assert time_window("¿Qué cambió desde septiembre de 2026?") == ("2026-09-01", None)
    assert time_window("¿Cuántas veces fuimos al cine en 2026?") == ("2026-01-01", "2026-12-31")
    assert time_window("Was haben wir seit März 2026 bezahlt?") == ("2026-03-01", None)
    assert time_window("What did we pay since March 2026?") == ("2026-03-01", None)


@pytest.mark.parametrize(("sentence", "question", "kind"), [
    ("Saco de 25 kg: 19,10 € desde el 15-sep", "¿Cuánto cuesta el saco?", "money"),
    ("Judo los martes y los viernes a las 18:00", "¿Qué días tiene judo Hugo?", "weekday"),
    ("Hornear 30 minutos a 180 grados", "¿Cuánto tiempo se hornea la trenza?", "duration"),
    ("Rubén es de Utebo, vive en Casetas", "¿De dónde es Rubén?", "place"),
    # an accented preposition introduces a place as its plain form does
    ("Dix jours dans un gîte à Vallon-Pont-d'Arc", "Où sommes-nous partis en vacances ?", "place"),
    ("Ficámos uma semana à beira-mar, perto de Óbidos", "Onde ficámos em agosto?", "place"),
    ("Aula de judô às terças e sextas", "Em que dias é o judô?", "weekday"),
    ("Le cours a lieu le mardi soir", "Quel jour a lieu le cours ?", "weekday"),
    ("Der Kurs dauert zwei Stunden", "Wie lange dauert der Kurs?", "duration"),
    ("La lezione costa 32 € al mese", "Quanto costa la lezione?", "money"),
    ("De les is op dinsdag en vrijdag", "Op welke dagen is de les?", "weekday"),
    # a year introduced by "in" / "since" is a date, as "in 1624" is in English
    ("La empezó papá en 2003 con harina de centeno", "¿En qué año empezó papá la masa madre?", "date"),
    ("Wir wohnen hier seit 2019", "Seit wann wohnt ihr hier?", "date"),
])
def test_what_a_statement_offers(sentence: str, question: str, kind: str) -> None:
    assert kind in offers(sentence, question)


@pytest.mark.parametrize(("sentence", "question"), [
    ("Vivimos en la calle 2003 de Zaragoza", "¿Dónde vivimos?"),  # no "en" right before the number
    ("Desde 2003 hacemos pan", "¿Desde 2003 qué hacéis?"),  # the question already gives the year
    ("El saco cuesta 2003,50 €", "¿Cuánto cuesta el saco?"),
])
def test_a_number_is_not_a_year_date(sentence: str, question: str) -> None:
    assert "date" not in offers(sentence, question)


def test_question_words_are_not_names_and_stems_match_across_forms() -> None:
    assert names("¿Cuándo se reúne la asociación de comerciantes?") == []
    assert names("¿Qué cinturón tiene Hugo?") == ["Hugo"]
    assert names("Wann trifft sich Andrés mit Javi?") == ["Andrés", "Javi"]
    q = question_terms("¿Qué restaurantes nos compran pan?")
    assert q is not None and set(q.values()) == {"restaurantes", "compran", "pan"}
    # "restaurante" in a note meets "restaurantes" in the question through the Spanish stem.
    assert set(q) <= content_terms("La Bodeguilla es un restaurante que compra pan cada día para el menú")


def test_answers_are_framed_and_dated_in_the_question_language() -> None:
    assert lexicon.label("latest", "¿Dónde vive Andrés ahora?") == "Lo último:"
    assert lexicon.label("latest", "Where does Andrés live now?") == "Latest:"
    assert lexicon.long_date("2026-08-20", "¿Cuándo se instaló el horno?") == "20 de agosto de 2026"
    assert lexicon.long_date("2026-08-20", "Wann wurde der Ofen eingebaut?") == "20. August 2026"
    assert lexicon.long_date("2026-08-20", "When was the oven installed?") is None


def _hit(text: str) -> Hit:
    return Hit(path="/v/nota.md", chunk_id="c1", score=1.0, text=text, location=Location(heading="H"),
               explain={"note_date": "2026-09-01"})


def test_the_llm_prompt_asks_for_the_question_language() -> None:
    notas = [_hit("La cuota del préstamo del horno baja a 375,14 € desde octubre, y el banco nos lo confirmó por carta.")]
    user = build_messages("¿Cuál es la cuota del préstamo?", notas)[1].content
    assert "Write the answer in Spanish" in user
    user = build_messages("What is the monthly loan payment?", notas)[1].content
    assert "Write the answer in English" in user  # English question, Spanish notes: still English
    english = [_hit("The loan payment drops to £375.14 from October.")]
    user = build_messages("What is the monthly loan payment?", english)[1].content
    assert "Write the answer in" not in user  # English over English: the prompt English homes always had


@pytest.fixture(scope="module")
def spanish_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("home")
    notes = tmp_path_factory.mktemp("notas")
    (notes / "Préstamo horno.md").write_text(
        "# Préstamo del horno\n\nBanco: Caja Rural. La cuota mensual del préstamo es de 375,14 € desde el "
        "1 de octubre de 2026 (antes 379,26 €).\n", encoding="utf-8")
    (notes / "Hugo.md").write_text("# Hugo\n\nHugo tiene judo los martes y los viernes a las 18:00.\n",
                                   encoding="utf-8")
    (notes / "2026-08-14 Lozano.md").write_text(
        "# Reunión Lozano\n\nAsistentes: Begoña Lozano, Iñaki (su sobrino) y yo.\n\n"
        "- Pagos: Redsys se queda; se descarta Stripe por las comisiones.\n"
        "- Iñaki prepara las fotos de producto antes del viernes.\n", encoding="utf-8")
    with Brain.open(home, embedder="hash:384") as brain:
        brain.add([notes])
    return home


def test_an_llm_answer_comes_in_the_question_language(spanish_home: Path) -> None:
    def reply(messages: list[Message]) -> str:
        user = messages[-1].content
        if "Write the answer in Spanish" in user:
            return "La cuota mensual es de 375,14 € [1]."
        return "The monthly payment is €375.14 [1]." if "Write the answer in English" in user else "?"

    with Brain.open(spanish_home, embedder="hash:384") as brain:
        es = brain.ask("¿Cuál es la cuota mensual del préstamo del horno?", model=ScriptedChatModel(reply))
        en = brain.ask("What is the monthly payment of the oven loan?", model=ScriptedChatModel(reply))
    assert not es.abstained and "La cuota mensual es de 375,14 €" in es.answer
    assert "375.14" in en.answer or en.abstained  # the English prompt was built; the check may be strict


def test_an_abstention_is_said_in_the_question_language(spanish_home: Path) -> None:
    with Brain.open(spanish_home, embedder="hash:384") as brain:
        a = brain.ask("¿Cuál es el IBAN de Harinas del Ebro?")
    assert a.abstained
    assert a.answer == "No he encontrado esto en tus notas."


@pytest.mark.parametrize(("sentence", "found"), [
    ("La cuenta la lleva Álvaro desde marzo.", ["Álvaro"]),          # a name opening with an accented capital
    ("Reunión con Íñigo Ortúzar en Ávila.", ["Íñigo Ortúzar", "Ávila"]),
    ("Rendez-vous avec Émile à 10 h.", ["Émile"]),
])
def test_names_opening_with_an_accented_capital(sentence: str, found: list[str]) -> None:
    assert names(sentence) == found
    assert {"person", "name"} <= offers(sentence, "¿Quién lleva la cuenta?")


def test_a_known_name_may_open_a_sentence() -> None:
    from memex.agents.answer_type import known_names

    statements = ["Asistentes: Begoña Lozano, Iñaki (su sobrino, lleva las redes) y yo.",
                  "Iñaki prepara las fotos de producto antes del 31-ago.",
                  "Presupuesto aprobado por la gerente en marzo."]
    known = known_names(statements)
    assert "Iñaki" in known and "Presupuesto" not in known
    question = "¿Quién prepara las fotos de producto?"
    assert "person" in offers(statements[1], question, known)
    assert "person" not in offers(statements[1], question)              # a lone opening capital, unknown
    assert "person" not in offers(statements[2], question, known)
    # English and German statements lend no names (German capitalises every noun)
    assert known_names(["Met with Jamie and Priya today.", "Treffen mit der Firma Müller am Montag."]) == frozenset()


def test_a_when_question_is_answered_by_the_date_the_writer_gave(spanish_home: Path) -> None:
    # The statement says no date; its note is dated by its file name: that date answers "¿cuándo?", and is said.
    with Brain.open(spanish_home, embedder="hash:384") as brain:
        a = brain.ask("¿Cuándo se descartó Stripe?")
    assert not a.abstained
    assert "se descarta Stripe por las comisiones. (14 de agosto de 2026)" in a.answer


def test_a_who_question_finds_a_name_that_opens_the_statement(spanish_home: Path) -> None:
    with Brain.open(spanish_home, embedder="hash:384") as brain:
        a = brain.ask("¿Quién prepara las fotos de producto?")
    assert not a.abstained and a.answer.split("[")[0].count("Iñaki prepara las fotos") == 1

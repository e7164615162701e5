"""Builds Anki collections and packages in Anki's own backend (PyPI `anki`, headless), for the
package tests and for the committed fixtures (scripts/anki-fixtures.py).

`build_collection` makes notes of every standard note type, one of a note type Recall does not
read, a note with an image and a sound, reviews given through Anki's v3 scheduler, two suspended cards
(one new, one in review) and a buried one (in learning), all of standard note types; `export` writes it as a legacy (collection.anki21, JSON media map) or a
current (collection.anki21b, zstd + protobuf) package.
"""

from pathlib import Path

from anki.collection import Collection, ExportAnkiPackageOptions
from anki.scheduler.v3 import CardAnswer

DECK = "History::Kosovo War"

# (note type, fields, tags): what each standard note type holds in the package.
NOTES = [
    ("Basic", {"Front": "Who led <b>Brigade 141</b>?", "Back": "Rexhep Selimi &amp; others"},
     ["bajgora", "people"]),
    ("Basic (and reversed card)", {"Front": "Mazhiq", "Back": "a village in Bajgora"},
     ["bajgora"]),
    ("Basic (type in the answer)", {"Front": "In which year was the offensive?", "Back": "1998"},
     ["dates"]),
    ("Basic (optional reversed card)",
     {"Front": "KLA", "Back": "Kosovo Liberation Army", "Add Reverse": "y"}, []),
    ("Cloze", {"Text": "The KLA appeared in {{c1::Zaberegje}} in {{c2::1998}}.",
               "Back Extra": "Its first public appearance."}, ["places"]),
    ("Basic", {"Front": 'Which map is this? <img src="bajgora-map.png">',
               "Back": "Bajgora [sound:bajgora.mp3]"}, ["media"]),
]


def add_custom_type(col: Collection):
    """A note type Recall does not read (two fields, its own name)."""
    models = col.models
    model = models.new("Vocabulary (Recall test)")
    for name in ("Word", "Meaning"):
        models.add_field(model, models.new_field(name))
    template = models.new_template("Card 1")
    template["qfmt"] = "{{Word}}"
    template["afmt"] = "{{FrontSide}}<hr id=answer>{{Meaning}}"
    models.add_template(model, template)
    models.add(model)
    return models.by_name("Vocabulary (Recall test)")


def build_collection(path: Path, answers: int = 6) -> Collection:
    col = Collection(str(path))
    deck_id = col.decks.id(DECK)
    for kind, fields, tags in NOTES:
        note = col.new_note(col.models.by_name(kind))
        for key, value in fields.items():
            note[key] = value
        note.tags = tags
        col.add_note(note, deck_id)
    custom = add_custom_type(col)
    note = col.new_note(custom)
    note["Word"] = "kaçak"
    note["Meaning"] = "outlaw"
    col.add_note(note, deck_id)
    col.media.write_data("bajgora-map.png", b"\x89PNG\r\n\x1a\n not really an image")
    col.decks.select(deck_id)
    answer(col, answers)
    set_aside(col)
    return col


def set_aside(col: Collection) -> None:
    """Suspends the first new card and the first review card of the standard note types and
    buries the first learning one (by card id), as a learner would in Anki."""
    def first(search: str) -> list[int]:
        cards = sorted(col.find_cards(f'"deck:{DECK}" {search} -note:"Vocabulary (Recall test)"'))
        return cards[:1]
    col.sched.suspend_cards(first("is:new") + first("is:review -is:learn"))
    col.sched.bury_cards(first("is:learn"), manual=True)


def answer(col: Collection, count: int) -> None:
    """Answers the next `count` queued cards, Good and Easy in turn."""
    for index in range(count):
        queued = col.sched.get_queued_cards(fetch_limit=1)
        if not queued.cards:
            break
        card = col.get_card(queued.cards[0].card.id)
        card.start_timer()
        states = col._backend.get_scheduling_states(card.id)
        rating = CardAnswer.EASY if index % 2 else CardAnswer.GOOD
        col.sched.answer_card(col.sched.build_answer(card=card, states=states, rating=rating))


def export(col: Collection, out: Path, legacy: bool) -> Path:
    col.export_anki_package(
        out_path=str(out),
        options=ExportAnkiPackageOptions(
            with_scheduling=True, with_media=True, legacy=legacy, with_deck_configs=False),
        limit=None,
    )
    return out

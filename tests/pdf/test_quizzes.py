"""Each quiz is a paper form in the chapter that holds it on the website, followed by its scoring
key, from the same Python definition as the web widget; the form's fields can be filled in."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.pdf.helpers import ExportedPdf, flat, outline

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import quizzes
from quizzes.core import safety

QUIZZES = {quiz.id: quiz for quiz in quizzes.all_quizzes()}
STRINGS = json.loads((ROOT / "overrides" / "assets" / "quiz" / "strings.json").read_text(encoding="utf-8"))
# What the web widget shows or says while it runs; none of it means anything on paper.
WEB_ONLY = ("submit", "clear", "noscript", "checkNoscript", "loading", "ready", "scoring", "scored", "failed", "timeout", "cleared", "progress")
RADIO = 1 << 15


def strings(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [text for item in value.values() for text in strings(item)]


def quiz_section(guide_pdf: ExportedPdf, reader: Any, quiz_id: str) -> str:
    """The text from the quiz's bookmark to the next chapter's."""
    entries = outline(reader)
    start = next(index for index, (_, title, _) in enumerate(entries) if title == QUIZZES[quiz_id].title)
    first = entries[start][2]
    last = next((page for level, _, page in entries[start:] if level == 1), len(reader.pages) + 1)
    return flat("\n".join(guide_pdf.pages[first - 1:last - 1]))


def chapter_of(reader: Any, page: int) -> str:
    return [title for level, title, start in outline(reader) if level == 1 and start <= page][-1]


@pytest.mark.parametrize("quiz_id", sorted(QUIZZES))
def test_the_paper_form_is_in_the_chapter_that_has_the_quiz_on_the_website(reader: Any, built_site: Path,
                                                                           quiz_id: str) -> None:
    import yaml

    nav = [next(iter(entry.items())) for entry in yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["nav"]]
    on_site = [title for title, source in nav
               if f'data-quiz="{quiz_id}"' in (built_site / ("index.html" if source == "index.md" else f"{source[:-3]}/index.html")).read_text()]
    page = next(page for level, title, page in outline(reader) if title == QUIZZES[quiz_id].title)
    assert on_site == [chapter_of(reader, page)]


@pytest.mark.parametrize("quiz_id", sorted(QUIZZES))
def test_every_item_of_the_quiz_is_on_its_paper_form(guide_pdf: ExportedPdf, reader: Any, quiz_id: str) -> None:
    section = quiz_section(guide_pdf, reader, quiz_id)
    missing = [item.text for item in QUIZZES[quiz_id].items if item.text not in section]
    assert not missing


@pytest.mark.parametrize("quiz_id", sorted(QUIZZES))
def test_the_scoring_key_and_the_note_follow_the_form(guide_pdf: ExportedPdf, reader: Any, quiz_id: str) -> None:
    quiz = QUIZZES[quiz_id]
    key = quiz.scoring_key()
    section = quiz_section(guide_pdf, reader, quiz_id)
    last_item = section.index(quiz.items[-1].text)
    for step in key["steps"]:
        assert step in section[last_item:], step
    for category in key["categories"]:
        assert category["label"] in section[last_item:]
        assert " ".join(category["description"]) in section
    if not quiz.teaches:  # a self-check's note says what its result is not; a knowledge check may have none
        assert quiz.note
    assert quiz.note in section[last_item:]
    scale = getattr(quiz, "scale", None)  # only scale quizzes have one
    if scale:
        for point in scale.to_dict()["labels"]:
            assert f"{point['value']} = {point['label']}" in section


def test_the_checklist_ends_with_every_safety_resource(guide_pdf: ExportedPdf, reader: Any) -> None:
    section = quiz_section(guide_pdf, reader, "trust-signs")
    for number in ("1-800-799-7233", "988", "88788", "911"):
        assert number in section
    for resource in safety.ALL_RESOURCES:
        assert resource.name in section and resource.note in section
        for contact in resource.contacts:
            assert contact.label in section


def test_no_widget_text_leaks_into_the_pdf(guide_pdf: ExportedPdf) -> None:
    leaked = [text for key in WEB_ONLY if key in STRINGS for text in strings(STRINGS[key]) if flat(text) in guide_pdf.text]
    assert not leaked
    for text in ("See my result", "Clear my answers", "Scoring your answers", "JavaScript"):
        assert text not in guide_pdf.text


def test_scale_items_are_fillable_radio_groups_named_by_their_statement(reader: Any) -> None:
    fields = reader.get_fields()
    quiz = QUIZZES["attachment-style"]
    values = [str(value) for value in quiz.scale.points]
    for item in quiz.items:
        field = fields[f"{quiz.id}-{item.id}"]
        assert field["/FT"] == "/Btn" and int(field["/Ff"]) & RADIO
        assert field["/TU"] == f"{item.number}. {item.text}"
        # Each button's "on" state is its answer, 1 to 7 (not its position, 0 to 6).
        assert field["/_States_"] == [f"/{value}" for value in values]
        assert "/Opt" not in field
        assert len(field["/Kids"]) == len(values)


def test_a_filled_scale_answer_reads_back_as_its_own_number(guide_pdf: ExportedPdf, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=guide_pdf.path)
    name = "attachment-style-anx1"
    page = next(page for page in writer.pages
                if any(annotation.get_object().get("/Parent", {}).get("/T") == name
                       for annotation in page.get("/Annots", [])))
    writer.update_page_form_field_values(page, {name: "/4"}, auto_regenerate=False)
    filled = tmp_path / "filled.pdf"
    writer.write(filled)
    field = PdfReader(filled).get_fields()[name]
    assert field["/V"] == "/4"  # what a tool reading the form's data gets: 4 on the 1-7 scale
    checked = [kid.get_object()["/AS"] for kid in field["/Kids"]]
    # The button that shows as marked is the 4th of 7, the one under "4 = Neither agree nor disagree".
    assert checked == ["/Off"] * 3 + ["/4"] + ["/Off"] * 3


def test_checklist_items_are_fillable_tick_boxes(reader: Any) -> None:
    fields = reader.get_fields()
    quiz = QUIZZES["trust-signs"]
    for item in quiz.items:
        field = fields[f"{quiz.id}-{item.id}"]
        assert field["/FT"] == "/Btn" and not int(field.get("/Ff", 0)) & RADIO
        assert field["/TU"] == f"{item.number}. {item.text}"
        assert "/on" in field["/_States_"]


@pytest.mark.parametrize("quiz_id", sorted(QUIZZES))
def test_each_quiz_has_write_in_fields_for_its_result(reader: Any, quiz_id: str) -> None:
    text_fields = [name for name, field in reader.get_fields().items()
                   if field.get("/FT") == "/Tx" and name.startswith(f"{quiz_id}-")]
    assert f"{quiz_id}-result" in text_fields
    # A self-check's scores or counts, then its result; a knowledge check's best answers, the one line.
    assert text_fields == [f"{quiz_id}-result"] if QUIZZES[quiz_id].teaches else len(text_fields) >= 3


CHECKS = sorted(quiz_id for quiz_id, quiz in QUIZZES.items() if quiz.teaches)
ANSWERS = "Answers to the knowledge checks"


def unhyphenated(text: str) -> str:
    """Text without hyphens: pdftotext joins a word broken after its hyphen at a line's end
    ("co-" / "regulation") without it."""
    return flat(text).replace("-", "")


def test_there_are_two_knowledge_checks() -> None:
    assert CHECKS == ["step-by-step-check", "what-not-to-do-check"]


@pytest.mark.parametrize("quiz_id", CHECKS)
def test_a_knowledge_check_s_questions_are_radio_groups_named_by_their_question(reader: Any, quiz_id: str) -> None:
    fields = reader.get_fields()
    for question in QUIZZES[quiz_id].to_dict()["items"]:
        field = fields[f"{quiz_id}-{question['id']}"]
        assert field["/FT"] == "/Btn" and int(field["/Ff"]) & RADIO
        assert field["/TU"] == f"{question['number']}. {question['text']}"
        # A filled form's data reads back as the chosen option's own id.
        assert field["/_States_"] == [f"/{option['id']}" for option in question["options"]]


def test_the_knowledge_checks_answers_come_last_with_every_feedback(guide_pdf: ExportedPdf, reader: Any) -> None:
    entries = outline(reader)
    chapters = [(title, page) for level, title, page in entries if level == 1]
    assert chapters[-1][0] == ANSWERS  # after every chapter and the appendices
    answers = unhyphenated("\n".join(guide_pdf.pages[chapters[-1][1] - 1:]))
    headings = {flat(title).casefold(): page for level, title, page in entries if level == 2}
    start = next(index for index, (level, title, _) in enumerate(entries) if level == 1 and title == ANSWERS)
    answers_of = {title: page for level, title, page in entries[start:] if level == 2}
    for quiz_id in CHECKS:
        quiz = QUIZZES[quiz_id]
        assert unhyphenated(f"The questions: {quiz.title} (page ") in answers
        in_the_quiz = unhyphenated(quiz_section(guide_pdf, reader, quiz_id))
        for question in quiz.to_dict()["items"]:
            best = next(option for option in question["options"] if option["best"])
            assert unhyphenated(f"{question['text']} {STRINGS['bestAnswer']} {best['text']} {best['feedback']}") in answers
            for option in question["options"]:
                assert unhyphenated(f"{option['text']} {option['feedback']}") in answers
                assert unhyphenated(option["feedback"]) not in in_the_quiz  # the answers wait at the end
            # Its section, with the page it is on.
            page = headings[flat(question["link"]["text"]).casefold()]
            assert unhyphenated(f"In this guide: {question['link']['text']} (page {page})") in answers
        # The quiz itself points there.
        assert unhyphenated(f"Answers: {quiz.title} (page {answers_of[quiz.title]})") in in_the_quiz

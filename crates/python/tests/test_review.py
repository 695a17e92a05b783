"""newsparse.review_html: the review page of a record, for notebooks."""

from __future__ import annotations

import pytest

import newsparse

# Invented article (names made up for the tests).
ARTICLE = (
    "Velmora council approves ferry link\n\n"
    "The Velmora harbour council has approved a ferry route, its leader "
    "Marta Keloway said on Tuesday.\n\n"
    "\"This will bring the islands back,\" Ms Keloway told reporters.\n"
)


def test_the_page_marks_the_record_and_escapes_the_text():
    record = newsparse.extract(ARTICLE)
    page = newsparse.review_html(record, ARTICLE)
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert "Content-Security-Policy" in page
    assert "Marta Keloway" in page
    # A text holding markup is shown as text, never as markup.
    hostile = ARTICLE + '\n<script>alert(1)</script> "><img src=x onerror=alert(2)>\n'
    record = newsparse.extract(hostile)
    page = newsparse.review_html(record, hostile)
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(1)" in page


def test_a_record_without_its_text_needs_it():
    record = newsparse.extract(ARTICLE)
    with pytest.raises(ValueError, match="no text of its own"):
        newsparse.review_html(record)


def test_a_page_record_carries_its_own_text():
    html = (
        "<html><head><title>Ferry link approved</title></head><body><article>"
        "<h1>Ferry link approved</h1><p>The Velmora harbour council approved a "
        "ferry route on Tuesday, its leader Marta Keloway said.</p></article></body></html>"
    )
    record = newsparse.extract(html, format="html")
    assert "text" in record
    page = newsparse.review_html(record)
    assert "Ferry link approved" in page

"""newsparse.validate and newsparse.schema."""

from __future__ import annotations

import copy
import json
import subprocess

import newsparse

ARTICLE = (
    "Harbour board names Ilsa Donnet chief of Kestrel Lines\n\n"
    "The Harbour Board of Velmora named Ilsa Donnet chief executive of Kestrel Lines "
    "on Monday, the board said.\n"
)


def test_a_fresh_record_is_valid_as_dict_str_and_bytes():
    r = newsparse.extract(ARTICLE)
    assert newsparse.validate(r) == []
    assert newsparse.validate(json.dumps(r)) == []
    assert newsparse.validate(json.dumps(r).encode()) == []


def test_problems_have_pointer_and_message():
    r = copy.deepcopy(newsparse.extract(ARTICLE))
    assert r["people"], "the invented article names a person"
    r["people"][0]["mentions"][0]["start"] = -1
    del r["id"]
    problems = newsparse.validate(r)
    pointers = [p.pointer for p in problems]
    assert "/people/0/mentions/0/start" in pointers
    assert all(isinstance(p, newsparse.Problem) and p.message for p in problems)
    assert any("id" in p.message for p in problems)
    pointer, message = problems[0]  # a plain tuple too
    assert pointer == problems[0].pointer


def test_not_json_is_one_problem():
    problems = newsparse.validate("{not json")
    assert len(problems) == 1
    assert problems[0].pointer == ""
    assert problems[0].message.startswith("not JSON")


def test_same_verdict_as_the_cli(cli, tmp_path):
    r = newsparse.extract(ARTICLE)
    r["quotes"] = [{"id": "q1"}]
    f = tmp_path / "bad.json"
    f.write_text(json.dumps(r))
    run = subprocess.run([str(cli), "validate", "--format", "json", str(f)],
                         capture_output=True, text=True)
    assert run.returncode != 0
    reports = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    assert reports
    text = json.dumps(reports)
    problems = newsparse.validate(r)
    assert problems
    for p in problems:
        assert p.pointer in text


def test_schema_is_the_cli_schema(cli):
    run = subprocess.run([str(cli), "schema"], capture_output=True, text=True)
    assert run.returncode == 0
    assert newsparse.schema() == json.loads(run.stdout)
    s = newsparse.schema()
    s["title"] = "changed"
    assert newsparse.schema()["title"] != "changed"

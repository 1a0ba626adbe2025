"""``[spreadsheet.department-kinds]`` names departments as a spreadsheet's department column writes
them. A misspelt name (close to a department the spreadsheet has, but none of them) would leave
that department a service department without a word: it is an X002 at the name in the
configuration, with the one did-you-mean every unknown name gets. A name like none of them may be
another spreadsheet's (one configuration serving a structure and a proposal), so it is no finding."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from orglint.load.spreadsheet_settings import SpreadsheetSettings

from .conftest import check_json, run, write
from .test_spreadsheet_and_import import CONFIG, HEADER, POSTS

ROWS = [[*row[:3], 3 if row[3] == "three" else row[3], *row[4:]] for row in POSTS]


def posts_csv(folder: Path, rows: list[list[Any]] = ROWS) -> Path:
    path = folder / "posts.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows([[cell if cell is not None else "" for cell in row] for row in rows])
    return path


def line_of(text: str, written: str) -> int:
    return text[: text.index(written)].count("\n") + 1


def kinds_findings(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [d for d in document["diagnostics"] if "department-kinds" in d["message"]]


def only_kinds_finding(folder: Path, config: str) -> dict[str, Any]:
    """The one finding about department kinds of the posts CSV under ``config`` (orglint.toml)."""
    write(folder, "orglint.toml", config)
    posts_csv(folder)
    _, document = check_json("posts.csv")
    (finding,) = kinds_findings(document)
    return finding


def test_a_misspelt_department_is_an_x002_at_its_name_with_a_suggestion(in_tmp: Path) -> None:
    config = CONFIG + '\n[spreadsheet.department-kinds]\n"resources" = "support"\n"adutls" = "service"\n'
    write(in_tmp, "orglint.toml", config)
    posts_csv(in_tmp)
    code, document = check_json("posts.csv")
    (finding,) = kinds_findings(document)
    assert code == 1 and finding["code"] == "X002" and finding["severity"] == "error"
    assert (finding["file"], finding["line"], finding["column"]) == ("orglint.toml", line_of(config, '"adutls"'), 1)
    assert finding["message"] == (
        "[spreadsheet.department-kinds] names 'adutls', which is no post's department in posts.csv (did you mean 'adults'?)"
    )


def test_a_name_like_none_of_the_departments_is_another_spreadsheet_s_and_no_finding(in_tmp: Path) -> None:
    """The proposal merged Corporate into Resources; the structure the same configuration serves
    still has it."""
    config = CONFIG + "\n[spreadsheet.department-kinds]\nCorporate = 'support'\n"
    write(in_tmp, "orglint.toml", config)
    posts_csv(in_tmp)
    code, document = check_json("posts.csv")
    assert kinds_findings(document) == [] and code == 0


def test_in_pyproject_the_name_is_found_under_its_table_whatever_its_quotes(in_tmp: Path) -> None:
    spreadsheet = CONFIG.replace("[spreadsheet", "[tool.orglint.spreadsheet")
    config = (
        f"[project]\nname = 'council'\n\n{spreadsheet}\n[tool.orglint.spreadsheet.department-kinds]\n'Resources' = 'support'\n"
    )
    write(in_tmp, "pyproject.toml", config)
    posts_csv(in_tmp)
    _, document = check_json("posts.csv")
    (finding,) = kinds_findings(document)
    assert (finding["file"], finding["line"]) == ("pyproject.toml", line_of(config, "'Resources' ="))
    assert "(did you mean 'resources'?)" in finding["message"]


def test_an_inline_table_points_at_its_key(in_tmp: Path) -> None:
    config = CONFIG.replace("[spreadsheet.columns]", "department-kinds = {resourses = 'support'}\n\n[spreadsheet.columns]")
    finding = only_kinds_finding(in_tmp, config)
    assert finding["line"] == line_of(config, "department-kinds =")


def test_names_every_department_has_are_no_finding_and_take_effect(in_tmp: Path) -> None:
    write(in_tmp, "orglint.toml", CONFIG + '\n[spreadsheet.department-kinds]\n"resources" = "support"\n')
    posts_csv(in_tmp)
    _, document = check_json("posts.csv")
    assert kinds_findings(document) == []
    exit_code, _, err = run("import", "posts.csv")
    assert exit_code == 0, err
    assert "{id: resources, kind: support}" in (in_tmp / "posts.yaml").read_text(encoding="utf-8")


def test_import_says_so_too(in_tmp: Path) -> None:
    write(in_tmp, "orglint.toml", CONFIG + '\n[spreadsheet.department-kinds]\n"resorces" = "support"\n')
    posts_csv(in_tmp)
    exit_code, _, err = run("import", "posts.csv")
    assert exit_code == 1 and "orglint.toml:" in err and "'resorces'" in err and "did you mean 'resources'" in err


def test_the_text_output_shows_the_configurations_line(in_tmp: Path) -> None:
    write(in_tmp, "orglint.toml", CONFIG + '\n[spreadsheet.department-kinds]\n"resorces" = "support"\n')
    posts_csv(in_tmp)
    _, out, _ = run("check", "posts.csv")
    assert '"resorces" = "support"' in out


@pytest.mark.parametrize("kinds", [{}, {"resources": "support"}])
def test_settings_made_without_a_file_place_names_at_the_spreadsheet(kinds: dict[str, str]) -> None:
    from orglint.load.spreadsheet import unknown_department_kinds

    settings = SpreadsheetSettings.model_validate({"columns": {"id": "Id", "title": "Title"}, "department-kinds": kinds})
    assert unknown_department_kinds(settings, ["resources"], "posts.csv") == []
    misspelt = settings.model_copy(update={"department_kinds": {"resorces": "support"}})
    (finding,) = unknown_department_kinds(misspelt, ["resources"], "posts.csv")
    assert finding.span.file == "posts.csv" and finding.message.endswith("in posts.csv (did you mean 'resources'?)")
    assert unknown_department_kinds(misspelt, [], "posts.csv") == []  # no departments: nothing it could mean


def test_a_line_separator_in_a_configuration_string_moves_no_place(in_tmp: Path) -> None:
    """TOML allows U+2028 in a string; like findings in structure files, configuration places count
    the editor's lines."""
    config = CONFIG.replace('"Example Shire County Council"', '"Example Shire\u2028County Council"')
    config += '\n[spreadsheet.department-kinds]\n"resorces" = "support"\n'
    finding = only_kinds_finding(in_tmp, config)
    assert finding["line"] == line_of(config, '"resorces"')


def test_a_line_separator_in_a_configuration_string_moves_no_configuration_error(in_tmp: Path) -> None:
    config = CONFIG.replace('"Example Shire County Council"', '"Example Shire\u2028County Council"')
    write(in_tmp, "orglint.toml", config.replace('grade = "Grade"', 'grad = "Grade"'))
    posts_csv(in_tmp)
    exit_code, _, err = run("check", "posts.csv")
    assert exit_code == 2 and f"orglint.toml:{line_of(config, 'grade =')}:1: unknown key 'grad'" in err

"""Structure workbooks for tests, written with openpyxl from a structure file's data in the
layout of ``orglint.load.workbook_layout`` (as a manager fills in ``orglint template``)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from ruamel.yaml import YAML

from orglint.load.workbook_layout import EVALUATIONS, POSTS, WORKBOOK, Sheet

DateWriter = Callable[[datetime.date], Any]


def uk_date(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def _value(data: Any, path: str) -> Any:
    for step in path.split("."):
        if not isinstance(data, dict) or step not in data:
            return None
        data = data[step]
    return data


def _cell(value: Any, is_date: bool, write_date: DateWriter) -> Any:
    if value is None:
        return None
    if is_date:
        return write_date(value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value)))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "\n".join("" if item is None else str(item) for item in value)
    return value if isinstance(value, int | float) else str(value)


def read_structure(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return data


def write_workbook(
    data: dict[str, Any],
    path: Path,
    *,
    write_date: DateWriter = uk_date,
    title_rows: int = 0,
    sheets: tuple[Sheet, ...] = WORKBOOK,
) -> Path:
    """``data`` (a structure file's) as a structure workbook; ``title_rows`` title rows above each header."""
    workbook = Workbook(write_only=True)  # fast enough for the benchmark's 20,000 posts
    records = {"Departments": data.get("departments", []), "Profiles": data.get("profiles", []), "Posts": data["posts"]}
    records["Evaluations"] = [{"post": post["id"], **post["evaluation"]} for post in data["posts"] if post.get("evaluation")]
    for sheet in sheets:
        worksheet = workbook.create_sheet(sheet.name)
        for number in range(title_rows):
            worksheet.append([f"{data['organisation']['name']}: {sheet.name}" if number == 0 else None])
        if sheet.fields_in_rows:
            for column in sheet.columns:
                worksheet.append([column.header, _cell(_value(data["organisation"], column.field), False, write_date)])
            continue
        worksheet.append([column.header for column in sheet.columns])
        for record in records[sheet.name]:
            worksheet.append(
                [
                    _cell(_value(record, column.field), column.is_date, write_date)
                    for column in sheet.columns
                    if column.field != "evaluation"
                ]
            )
    workbook.save(path)
    return path


__all__ = ["EVALUATIONS", "POSTS", "read_structure", "uk_date", "write_workbook"]

"""The models are the single source of truth: schemas and `ledgers` come from them."""

from __future__ import annotations

from pathlib import Path

from zytalent.ledgers import LEDGERS
from zytalent.ledgers.base import Column
from zytalent.writers.contract import describe_all, schema_files, stale_schemas

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def test_schema_files_are_up_to_date() -> None:
    stale = stale_schemas(SCHEMAS)
    assert stale == [], "regenerate with: zytalent schema"


def test_no_stray_schema_files() -> None:
    assert sorted(SCHEMAS.glob("*.json")) == sorted(
        p for p in schema_files(SCHEMAS) if p.suffix == ".json"
    )


def test_every_field_has_column_metadata_and_one_year_date() -> None:
    for model in LEDGERS.values():
        for name, info in model.model_fields.items():
            assert any(isinstance(m, Column) for m in info.metadata), (model.kind, name)
        assert sum(c.counts_year for c in model.columns().values()) == 1


def test_headers_and_aliases_are_unambiguous_within_a_ledger() -> None:
    from zytalent.reading.headers import normalise_header

    for model in LEDGERS.values():
        seen: dict[str, str] = {}
        for name, column in model.columns().items():
            for text in (column.header, *column.aliases):
                key = normalise_header(text)
                assert seen.setdefault(key, name) == name, (model.kind, text)


def test_ledgers_description_lists_every_kind_and_column() -> None:
    described = describe_all()
    assert [d["kind"] for d in described] == list(LEDGERS)
    meals = next(d for d in described if d["kind"] == "meals")
    assert [c["header"] for c in meals["columns"]][:5] == [
        "日期",
        "服务点",
        "姓名",
        "身份证号",
        "就餐次数",
    ]
    hires = next(d for d in described if d["kind"] == "hires")
    sector = next(c for c in hires["columns"] if c["field"] == "sector")
    assert [c["code"] for c in sector["choices"]][:4] == [
        "county_township",
        "village",
        "education",
        "health",
    ]


def test_every_message_and_every_declared_code_is_used() -> None:
    """No message nobody says, and no code declared that nothing gives: each code's
    constant appears beyond its own declaration."""
    import re

    import zytalent.checks.rules  # noqa: F401
    from zytalent.diagnostics.codes import CODES
    from zytalent.diagnostics.messages import MESSAGES

    root = Path(__file__).resolve().parent.parent / "zytalent"
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in root.rglob("*.py") if p.name != "messages.py"
    )
    assert [code for code in MESSAGES if f'"{code}"' not in source] == []
    used = [len(re.findall(rf"\b{code.upper()}\b", source)) for code in CODES]
    assert [code for code, n in zip(CODES, used, strict=True) if n < 2] == []


def test_every_document_the_readme_links_is_in_the_repository() -> None:
    import re

    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#]+)\)", readme)
    assert links
    for link in links:
        assert not link.startswith(("http", "../")), link
        assert (root / link).exists(), link
    assert "../shared" not in readme
    for doc in (root / "docs").glob("*.md"):
        for link in re.findall(r"\]\(([^)#]+)\)", doc.read_text(encoding="utf-8")):
            assert (doc.parent / link).exists(), (doc.name, link)

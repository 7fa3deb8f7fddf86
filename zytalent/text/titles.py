"""The titles of what zytalent shows and writes, said one way everywhere."""

from __future__ import annotations

from zytalent.diagnostics.i18n import Text

COUNTY = Text("中阳县", "Zhongyang County")


def headline(year: int) -> Text:
    """The title of the year's figures and of the report, wherever they appear."""
    return Text(
        f"{COUNTY.zh}{year}年人才工作和养老服务主要数据",
        f"{COUNTY.en} in {year}: talent work and elderly care",
    )


def tab_title(year: int) -> Text:
    """The short title a browser shows on the tab of the summary page."""
    return Text("{year}年主要数据", "{year} figures").format(year=year)


def ledger_title(year: int | None, title: Text) -> Text:
    """A template's title row: 中阳县2024年养老助餐台账 (the year left blank to fill in)."""
    return Text(f"{COUNTY.zh}{year or '　　'}年{title.zh}", f"{COUNTY.en} {year or ''} {title.en}")

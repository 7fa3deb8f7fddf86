"""ID numbers whose six-digit region code is in no edition of GB/T 2260: a warning, since
a typing error there passes the check character one time in eleven."""

from __future__ import annotations

from zytalent.cells.identifiers import region_known
from zytalent.cells.masking import mask_value
from zytalent.checks.rules import Sheet, rule
from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import Code
from zytalent.diagnostics.i18n import Text

ID_REGION_UNKNOWN = Code(
    "id_region_unknown",
    "cell",
    "warning",
    name=Text("身份证号地区代码不存在", "ID number region unknown"),
    message=Text(
        "身份证号前六位 {region} 不在任何一版行政区划代码（GB/T 2260）中，请核对号码是否抄错。",
        "The region code {region} at the start of the ID number is in no edition of GB/T 2260; check for a typing error.",
    ),
)


def unknown_region(sheet: Sheet) -> list[fnd.Finding]:
    """Each distinct region code is looked up once, each distinct number said once."""
    import numpy as np

    found: list[fnd.Finding] = []
    frame = sheet.frame
    for name, column in sheet.columns(lambda c: c.kind == "id_number"):
        numbers = frame[name].astype("category")  # already categorical: no copy
        regions = [str(v)[:6] for v in numbers.cat.categories]
        unknown = np.array([not region_known(r) for r in regions], dtype=bool)
        if not unknown.any():
            continue
        codes = numbers.cat.codes.to_numpy()
        hits = np.flatnonzero((codes >= 0) & unknown[np.maximum(codes, 0)])
        letter = sheet.table.columns[name].letter
        rows = frame["_row"].to_numpy()
        first: dict[int, fnd.Finding] = {}
        for i in hits.tolist():
            row, code = int(rows[i]), int(codes[i])
            if code not in first:
                value = str(numbers.cat.categories[code])
                shown = value if sheet.show_personal else mask_value(value, column.kind)
                first[code] = sheet.at_cell(
                    name, row, ID_REGION_UNKNOWN, value=shown, region=value[:6]
                )
            found.append(first[code].at(row, letter))
    return found


rule(unknown_region, "region code of ID numbers", ID_REGION_UNKNOWN)

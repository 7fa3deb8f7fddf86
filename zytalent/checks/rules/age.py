"""A person younger than the column's minimum age on the record's date (an elder under
60 on the meal date): `Column(min_age=(date field, age))`."""

from __future__ import annotations

from zytalent.cells.masking import mask_value
from zytalent.checks.rules import Sheet, rule
from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import Code
from zytalent.diagnostics.i18n import Text

ELDER_UNDER_60 = Code(
    "elder_under_60",
    "cell",
    "warning",
    name=Text("不满年龄", "under the minimum age"),
    message=Text(
        "按身份证号，该老人在就餐日期时 {age} 岁，不满 {minimum} 岁，请核对。",
        "By the ID number this person was {age} on that date, under {minimum}; check it.",
    ),
)


def under_minimum_age(sheet: Sheet) -> list[fnd.Finding]:
    """Birth dates are read once per distinct ID number."""
    import numpy as np
    import pandas as pd

    found: list[fnd.Finding] = []
    frame = sheet.frame
    for name, column in sheet.columns(lambda c: c.min_age is not None):
        assert column.min_age is not None
        date_field, minimum = column.min_age
        usable = frame["_valid"].to_numpy(dtype=bool) & frame[name].notna().to_numpy()
        usable &= frame[date_field].notna().to_numpy()
        if not usable.any():
            continue
        numbers_column = frame[name].astype("category")  # already categorical: no copy
        distinct = numbers_column.cat.categories
        birth_of = np.array([int(str(number)[6:14]) for number in distinct], dtype=np.int64)
        births = birth_of[numbers_column.cat.codes.to_numpy()[usable]]
        date_codes, dates = pd.factorize(frame[date_field].to_numpy()[usable])
        on = np.array([int(d.strftime("%Y%m%d")) for d in pd.DatetimeIndex(dates)], dtype=np.int64)
        ages = (on[date_codes] - births) // 10_000  # whole years, from YYYYMMDD numbers
        rows, numbers = frame["_row"].to_numpy()[usable], frame[name].to_numpy()[usable]
        for i in np.flatnonzero(ages < minimum).tolist():
            value = str(numbers[i])
            shown = value if sheet.show_personal else mask_value(value, column.kind)
            found.append(
                sheet.at_cell(
                    name,
                    int(rows[i]),
                    ELDER_UNDER_60,
                    value=shown,
                    age=int(ages[i]),
                    minimum=minimum,
                )
            )
    return found


rule(under_minimum_age, "minimum age on the record's date", ELDER_UNDER_60)

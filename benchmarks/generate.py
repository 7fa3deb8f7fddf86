"""Deterministic N-row ledgers for benchmarks (spec §4 headers, valid unless asked).

    python benchmarks/generate.py meals 1000000 out/meals_1m.csv
    python benchmarks/generate.py meals 100000 out/meals_100k.xlsx      # title row + 合计 row
    python benchmarks/generate.py meals 1000000 out/bad.csv --invalid 0.05
    python benchmarks/generate.py meals 200000 out/eight.csv --bad-cells 8
    python benchmarks/generate.py meals 1000000 out/towns/meals.csv --split 100
    python benchmarks/generate.py hires 200000 out/hires.csv
    python benchmarks/generate.py meal-records 100000000 out/province   # Parquet, 117 counties

Kinds: meals (a row per elder and month), hires, training, skills, funds. Rows are built
with numpy in chunks, so ten million rows need little memory.
"""

from __future__ import annotations

import argparse
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from zytalent.cells.identifiers import ID_CHECK_CHARS, ID_WEIGHTS

WEIGHTS = np.array(ID_WEIGHTS)
CHECK = np.array(list(ID_CHECK_CHARS))
TOWNS = np.array(["宁乡镇", "金罗镇", "枝柯镇", "武家庄镇", "暖泉镇", "下枣林乡", "车鸣峪乡"])
SURNAMES = np.array(list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"))
GIVEN = np.array(list("建国华明丽军伟芳娜敏静秀英强磊洋艳勇杰娟"))
CHUNK = 500_000


def id_numbers(
    rng: np.random.Generator, n: int, first_year: int, last_year: int, offset: int
) -> np.ndarray:
    """Unique valid ID numbers: the sequence digits and the person index keep them apart."""
    start = np.datetime64(f"{first_year}-01-01")
    days = rng.integers(0, (np.datetime64(f"{last_year}-12-31") - start).astype(int), n)
    births = (
        pd.to_datetime(start + days.astype("timedelta64[D]"))
        .strftime("%Y%m%d")
        .to_numpy(dtype="U8")
    )
    index = np.arange(offset, offset + n)
    # region codes vary with the person index so that numbers stay unique per birth date
    regions = real_regions()[(index // 1000) % 500]
    seq = np.char.zfill((index % 1000).astype("U3"), 3)
    body = np.char.add(np.char.add(regions, births), seq)
    digits = body.view("<U1").reshape(n, 17).astype(int)
    return np.char.add(body, CHECK[(digits * WEIGHTS).sum(axis=1) % 11])


@cache
def real_regions() -> np.ndarray:
    """500 region codes that exist in GB/T 2260 (Hebei, Shanxi, Inner Mongolia), so that
    generated ID numbers draw no id_region_unknown warnings."""
    from zytalent.cells.identifiers import known_regions

    codes = [c for c in known_regions() if "13" <= c[:2] <= "15" and not c.endswith("00")]
    assert len(codes) >= 500
    return np.array(codes[:500], dtype="U6")


def names(rng: np.random.Generator, n: int) -> np.ndarray:
    return np.char.add(
        np.char.add(
            SURNAMES[rng.integers(0, len(SURNAMES), n)], GIVEN[rng.integers(0, len(GIVEN), n)]
        ),
        GIVEN[rng.integers(0, len(GIVEN), n)],
    )


def spans(rows: int):
    """(first row, row count) of each chunk of at most CHUNK rows."""
    for done in range(0, rows, CHUNK):
        yield done, min(CHUNK, rows - done)


def meals_chunks(rows: int, seed: int = 7):
    """A row per elder and month of 2023: about rows/12 elders at 89 service points."""
    rng = np.random.default_rng(seed)
    person = 0
    for _, take in spans(rows):
        elders = -(-take // 12)
        ids = np.repeat(id_numbers(rng, elders, 1930, 1960, person), 12)[:take]
        who = np.repeat(names(rng, elders), 12)[:take]
        centre_of = rng.integers(0, 89, elders)
        centres = np.repeat(
            np.char.add(
                TOWNS[centre_of % 7],
                np.char.add("第", np.char.add(centre_of.astype(str), "幸福小院")),
            ),
            12,
        )[:take]
        months = np.tile(np.array([f"2023-{m:02d}" for m in range(1, 13)]), elders)[:take]
        meals = rng.integers(15, 32, take)
        yield pd.DataFrame(
            {
                "日期": months,
                "服务点": centres,
                "姓名": who,
                "身份证号": ids,
                "就餐次数": meals,
                "政府补贴": meals * 3,
                "集体补贴": meals * 2,
                "个人支付": meals * 3,
                "子女支付": np.char.mod("%.2f", meals * 1.5),
                "社会捐赠": np.char.mod("%.2f", meals * 0.5),
            }
        )
        person += elders


def hires_chunks(rows: int, seed: int = 8):
    rng = np.random.default_rng(seed)
    for done, take in spans(rows):
        yield pd.DataFrame(
            {
                "姓名": names(rng, take),
                "身份证号": id_numbers(rng, take, 1980, 2000, done),
                "学历": rng.choice(["博士研究生", "硕士研究生", "大学本科"], take),
                "引进单位": rng.choice(["县委办", "县医院", "一中"], take),
                "引进领域": rng.choice(["县直和乡镇", "到村任职", "教育系统", "卫生系统"], take),
                "到岗日期": pd.to_datetime("2023-01-01")
                + pd.to_timedelta(rng.integers(0, 365, take), unit="D"),
            }
        )


def training_chunks(rows: int, seed: int = 9):
    rng = np.random.default_rng(seed)
    start = pd.to_datetime("2023-01-01") + pd.to_timedelta(rng.integers(0, 300, rows), unit="D")
    yield pd.DataFrame(
        {
            "培训项目": np.char.add("培训班", np.arange(rows).astype(str)),
            "培训类别": rng.choice(["医务人员", "乡村振兴", "职业技能", "劳务品牌"], rows),
            "开始日期": start.strftime("%Y-%m-%d"),
            "结束日期": (start + pd.Timedelta(days=5)).strftime("%Y-%m-%d"),
            "培训人次": rng.integers(10, 200, rows),
        }
    )


def skills_chunks(rows: int, seed: int = 10):
    rng = np.random.default_rng(seed)
    for done, take in spans(rows):
        yield pd.DataFrame(
            {
                "姓名": names(rng, take),
                "身份证号": id_numbers(rng, take, 1970, 2004, done),
                "职业（工种）": rng.choice(["电工", "焊工", "育婴员"], take),
                "技能等级": rng.choice(["五级/初级工", "四级/中级工", "三级/高级工"], take),
                "证书编号": np.char.add("S2023", np.arange(done, done + take).astype(str)),
                "发证日期": (
                    pd.to_datetime("2023-01-01")
                    + pd.to_timedelta(rng.integers(0, 365, take), unit="D")
                ).strftime("%Y-%m-%d"),
            }
        )


def funds_chunks(rows: int, seed: int = 11):
    rng = np.random.default_rng(seed)
    yield pd.DataFrame(
        {
            "日期": (
                pd.to_datetime("2023-01-01") + pd.to_timedelta(rng.integers(0, 365, rows), unit="D")
            ).strftime("%Y-%m-%d"),
            "资金类别": rng.choice(["人才奖补", "招才引智专项资金"], rows),
            "资金性质": rng.choice(["发放", "安排"], rows),
            "金额": np.char.mod("%.2f", rng.integers(100, 10_000_000, rows) / 100),
        }
    )


GENERATORS = {
    "meals": meals_chunks,
    "hires": hires_chunks,
    "training": training_chunks,
    "skills": skills_chunks,
    "funds": funds_chunks,
}


def spoil(frame: pd.DataFrame, rate: float, rng: np.random.Generator) -> pd.DataFrame:
    """Make `rate` of the rows invalid, one bad cell each, spread over the columns."""
    frame = frame.astype(str)
    bad = np.flatnonzero(rng.random(len(frame)) < rate)
    columns = rng.integers(0, frame.shape[1], len(bad))
    for column in np.unique(columns):
        frame.iloc[bad[columns == column], column] = "?"
    return frame


def write(kind: str, rows: int, path: Path, invalid: float = 0.0) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(99)
    chunks = GENERATORS[kind](rows)
    if path.suffix == ".xlsx":
        frame = pd.concat(list(chunks), ignore_index=True)
        if invalid:
            frame = spoil(frame, invalid, rng)
        _write_xlsx(kind, frame, path)
        return
    with path.open("w", encoding="utf-8", newline="") as out:
        for i, chunk in enumerate(chunks):
            if invalid:
                chunk = spoil(chunk, invalid, rng)
            chunk.to_csv(out, index=False, header=i == 0, lineterminator="\n")


def spoil_cells(path: Path, count: int) -> None:
    """Put `count` bad cells, one of them a bad date, into a clean CSV, evenly spread."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    step = max(1, (len(lines) - 1) // count)
    spoilers = [
        (0, "2023-13"),
        (4, "0"),
        (3, "14233219500101123Y"),
        (5, "-3"),
        (0, "明年"),
        (4, "x"),
        (3, "123"),
        (9, "1.234"),
    ]
    for i in range(count):
        n = 1 + i * step
        cells = lines[n].rstrip("\n").split(",")
        column, value = spoilers[i % len(spoilers)]
        cells[column] = value
        lines[n] = ",".join(cells) + "\n"
    path.write_text("".join(lines), encoding="utf-8")


def _write_xlsx(kind: str, frame: pd.DataFrame, path: Path) -> None:
    """A title row above the header and a 合计 row below, as offices send them."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(kind)
    sheet.append([f"中阳县2023年{kind}台账"])
    sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False, name=None):
        sheet.append([v.item() if isinstance(v, np.generic) else v for v in row])
    totals: list[object] = ["合计"] + [None] * (frame.shape[1] - 1)
    if kind == "meals" and frame["就餐次数"].dtype != object:
        totals[4] = int(frame["就餐次数"].sum())
    sheet.append(totals)
    book.save(path)


def write_meal_records(folder: Path, rows: int, counties: int = 117) -> Path:
    """A province's meal records as `zytalent records` writes them, one Parquet file per
    county (hive folders file=县N), generated by DuckDB without a CSV in between."""
    import duckdb

    money = ", ".join(
        f"CAST(((15 + i % 17) * {rate}) AS DECIMAL(18,2)) AS {name}"
        for name, rate in (
            ("gov", 3),
            ("collective", 2),
            ("individual", 3),
            ("children", 1.5),
            ("society", 0.5),
        )
    )
    duckdb.sql(
        f"""COPY (SELECT '县' || (i % {counties}) AS file, NULL::VARCHAR AS sheet, i AS "row",
            DATE '2023-01-01' + to_months(CAST(i % 12 AS INTEGER)) AS period,
            '服务点' || ((i // 12) % 5000) AS center, '老人' AS name,
            substr(md5(CAST(i // 12 AS VARCHAR)), 1, 32) AS id_number,
            CAST(15 + i % 17 AS BIGINT) AS meals, {money},
            NULL::VARCHAR AS phone, NULL::VARCHAR AS meal
        FROM range({rows}) t(i)) TO '{folder}' (FORMAT parquet, PARTITION_BY (file))"""
    )
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("kind", choices=[*sorted(GENERATORS), "meal-records"])
    parser.add_argument("rows", type=int)
    parser.add_argument("path", type=Path)
    parser.add_argument(
        "--invalid", type=float, default=0.0, help="share of rows with one bad cell"
    )
    parser.add_argument(
        "--bad-cells", type=int, default=0, help="then spoil this many cells of a CSV"
    )
    parser.add_argument(
        "--split", type=int, default=0, help="then split a CSV into this many files beside it"
    )
    args = parser.parse_args()
    if args.kind == "meal-records":
        write_meal_records(args.path, args.rows)
        return
    write(args.kind, args.rows, args.path, args.invalid)
    if args.bad_cells:
        spoil_cells(args.path, args.bad_cells)
    if args.split:
        split_csv(args.path, args.split)


def write_wide(folder: Path) -> None:
    """wide.xlsx (16,384 columns), wide.csv (9,000 columns), 20 hires each, and
    months.xlsx: 3,000 elders, one column per month, as most towns keep meals."""
    import csv

    from openpyxl import Workbook

    rng = np.random.default_rng(16384)
    numbers = id_numbers(rng, 3000, 1930, 1960, 0)
    header = ["姓名", "身份证号", "学历", "引进单位", "引进领域", "到岗日期"]
    row = ["张三", "", "本科", "县委办", "县直", "2023-03-15"]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("引进")
    sheet.append(header + [f"列{i}" for i in range(16384 - len(header))])
    for i in range(20):
        sheet.append([row[0], numbers[i], *row[2:]] + [i] * (16384 - len(header)))
    book.save(folder / "wide.xlsx")
    with (folder / "wide.csv").open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(header + [f"备注{i}" for i in range(9000 - len(header))])
        for i in range(20):
            out.writerow([row[0], numbers[i], *row[2:]] + ["x"] * (9000 - len(header)))
    book = Workbook(write_only=True)
    sheet = book.create_sheet("助餐")
    sheet.append(["中阳县2023年养老助餐台账"])
    sheet.append(["服务点", "姓名", "身份证号", *(f"{m}月" for m in range(1, 13)), "全年"])
    meals = rng.integers(0, 31, (3000, 12))
    who = names(rng, 3000)
    for i in range(3000):
        counts = meals[i].tolist()
        sheet.append([f"幸福小院{i % 89}", str(who[i]), numbers[i], *counts, sum(counts)])
    book.save(folder / "months.xlsx")


def split_csv(path: Path, parts: int) -> None:
    """The rows of one CSV spread over `parts` files (each with the header), as a city's
    towns would send them; the original is removed."""
    header, *rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    size = -(-len(rows) // parts)
    for number in range(parts):
        chunk = rows[number * size : (number + 1) * size]
        target = path.with_name(f"{path.stem}_{number + 1:03d}.csv")
        target.write_text(header + "".join(chunk), encoding="utf-8")
    path.unlink()


if __name__ == "__main__":
    main()

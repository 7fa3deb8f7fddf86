"""`report`: the data paragraphs of the annual report, in the article's register.

Every number in the text is a figure computed from the ledgers. A clause whose figures
are missing (no such ledger among the inputs) is left out rather than printed as zero,
and so is a breakdown clause whose figure is zero ("卫生系统0人" reads as an error).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from zytalent.cells.money import FEN_PER_WAN, fen_to_yuan, wan_exact
from zytalent.diagnostics.i18n import Text, current_lang, singular_after_one
from zytalent.figures.registry import FIGURES, SECTIONS
from zytalent.reading.safety import Limits
from zytalent.summary import Summary, summarize
from zytalent.text.titles import headline

PLACEHOLDER = re.compile(r"\{([a-z0-9_.]+)\}")


@dataclass(frozen=True, kw_only=True)
class Clause:
    """A clause of the report's text, its figures as `{figure.id}` placeholders."""

    text: Text
    optional_zero: bool = False  # a breakdown clause: left out when its figure is zero

    def ids(self) -> list[str]:
        return PLACEHOLDER.findall(self.text.zh)


COMMA = Text("，", ", ")


@dataclass(frozen=True, kw_only=True)
class Sentence:
    """Clauses said as one sentence, joined by `joiner`; the clauses left out (a zero
    breakdown, or one whose figure is missing) leave no trace."""

    clauses: tuple[Clause, ...]
    joiner: Text = COMMA


@dataclass(frozen=True, kw_only=True)
class ReportSection:
    """A section of the report's text: its sentences (its heading is the section's title
    in figures.base.SECTIONS, the one table of sections)."""

    sentences: tuple[Sentence, ...]


SENTENCES: dict[str, ReportSection] = {
    "recruit": ReportSection(
        sentences=(
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "全年共引进{hires.total}人（研究生{hires.postgraduate}人）",
                            "{hires.total} people were hired in the year ({hires.postgraduate} postgraduates)",
                        )
                    ),
                    Clause(
                        text=Text(
                            "其中县直和乡镇招聘到岗{hires.sector.county_township}人",
                            "{hires.sector.county_township} in county and township bodies",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "到村工作大学生{hires.sector.village}人",
                            "{hires.sector.village} graduates to village posts",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "教育系统{hires.sector.education}人",
                            "{hires.sector.education} in education",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "卫生系统{hires.sector.health}人", "{hires.sector.health} in health"
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "企业{hires.sector.enterprise}人",
                            "{hires.sector.enterprise} in enterprises",
                        ),
                        optional_zero=True,
                    ),
                )
            ),
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "全职引进博士{hires.doctorate}人",
                            "{hires.doctorate} doctorates were hired full time",
                        ),
                        optional_zero=True,
                    ),
                )
            ),
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "柔性引进各类人才{flexible.total}人",
                            "{flexible.total} experts were engaged flexibly",
                        )
                    ),
                    Clause(
                        text=Text(
                            "其中省“博士创新站”入站博士{flexible.innovation_station.doctorates}名",
                            "{flexible.innovation_station.doctorates} doctorates joined the provincial doctoral innovation station",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "吕梁医疗卫生博士服务站柔性引进{flexible.medical_station.teams}个团队{flexible.medical_station.experts}位医疗专家，其中博士研究生学历{flexible.medical_station.doctorates}人",
                            "the Lüliang medical doctoral service station brought {flexible.medical_station.teams} teams of {flexible.medical_station.experts} medical experts, {flexible.medical_station.doctorates} of them doctorates",
                        ),
                        optional_zero=True,
                    ),
                ),
                joiner=Text("；", "; "),
            ),
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "目前入库在外优秀人才{diaspora.total}名",
                            "the pool of talent from the county working elsewhere holds {diaspora.total} people",
                        )
                    ),
                )
            ),
        ),
    ),
    "develop": ReportSection(
        sentences=(
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "选送培训医务人员{training.trainees.medical}名",
                            "{training.trainees.medical} medical staff were trained",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "开展乡村振兴人才培训{training.classes.rural}期，培训{training.trainees.rural}人次",
                            "{training.classes.rural} rural-revitalisation classes trained {training.trainees.rural}",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "开展教师专项培训{training.classes.teachers}期，培训教师{training.trainees.teachers}人次",
                            "{training.classes.teachers} teacher classes trained {training.trainees.teachers}",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "开展党政领导干部履职能力提升班{training.classes.cadres}期，培训干部{training.trainees.cadres}名",
                            "{training.classes.cadres} cadre class trained {training.trainees.cadres}",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "培训到村任职选调生{training.trainees.selectees}人",
                            "{training.trainees.selectees} selected graduates were trained",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "培训高层次人才{training.trainees.high_level}名",
                            "{training.trainees.high_level} high-level talents were trained",
                        ),
                        optional_zero=True,
                    ),
                ),
                joiner=Text("；", "; "),
            ),
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "全年组织各类职业技能培训{training.trainees.skills_all}人",
                            "vocational, labour-brand and e-commerce training reached {training.trainees.skills_all}",
                        ),
                        optional_zero=True,
                    ),
                )
            ),
        ),
    ),
    "skills": ReportSection(
        sentences=(
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "新增技能人才{skills.certified}人",
                            "{skills.certified} workers were newly certified",
                        )
                    ),
                    Clause(
                        text=Text(
                            "高技能人才{skills.high_skilled}人",
                            "{skills.high_skilled} of them high-skilled",
                        )
                    ),
                ),
                joiner=Text("、", ", "),
            ),
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "连续组织{contests.editions}届县级职业技能大赛",
                            "{contests.editions} county skills contests have been held",
                        )
                    ),
                    Clause(
                        text=Text(
                            "比赛项目由{contests.events.first}个增加到{contests.events.latest}个",
                            "events grew from {contests.events.first} to {contests.events.latest}",
                        )
                    ),
                    Clause(
                        text=Text(
                            "参加人数由{contests.participants.first}人增加到{contests.participants.latest}人",
                            "participants from {contests.participants.first} to {contests.participants.latest}",
                        )
                    ),
                    Clause(
                        text=Text(
                            "{contests.city_awards}名选手在市赛中获得“吕梁技术状元”“吕梁技术能手”称号",
                            "{contests.city_awards} contestants won city-level titles",
                        ),
                        optional_zero=True,
                    ),
                )
            ),
        ),
    ),
    "cooperation": ReportSection(
        sentences=(
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "与{cooperation.partners}所高校、科研院所建立了稳定的合作关系",
                            "stable partnerships with {cooperation.partners} universities and institutes",
                        )
                    ),
                    Clause(
                        text=Text(
                            "共建省级技术中心{cooperation.tech_centers.provincial}个",
                            "{cooperation.tech_centers.provincial} provincial technology centre",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "市级研发中心{cooperation.rd_centers.city}个",
                            "{cooperation.rd_centers.city} city R&D centre",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "产教融合平台{cooperation.industry_education}个",
                            "{cooperation.industry_education} industry–education platforms",
                        ),
                        optional_zero=True,
                    ),
                )
            ),
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "县委书记访问高校{cooperation.visits}所",
                            "the county party secretary visited {cooperation.visits} universities",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "与{cooperation.project_universities}所高校新签约{cooperation.projects}个项目",
                            "{cooperation.projects} projects were signed with {cooperation.project_universities} universities",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "其中校友招商引才项目{cooperation.alumni_projects}个",
                            "{cooperation.alumni_projects} of them alumni projects",
                        ),
                        optional_zero=True,
                    ),
                ),
                joiner=Text("，", ", "),
            ),
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "在{cooperation.product_universities}所高校举行{cooperation.product_kinds}种农特产品的展销活动，销售农副产品{cooperation.product_sales}",
                            "farm produce of {cooperation.product_kinds} kinds was sold at {cooperation.product_universities} universities for {cooperation.product_sales}",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "打造研学路线{cooperation.study_routes}条，接待高校师生{cooperation.study_visitors}人次",
                            "{cooperation.study_routes} study routes received {cooperation.study_visitors} visits",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "建成标准化实习基地{cooperation.internship_bases}个",
                            "{cooperation.internship_bases} standard internship base was built",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "接收实践团队{cooperation.practice_teams}个，实习大学生{cooperation.interns}人次",
                            "{cooperation.practice_teams} practice teams brought {cooperation.interns} interns",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "开展{cooperation.research}个课题的合作研究",
                            "{cooperation.research} joint research topics",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "邀请高校教授开办讲座{cooperation.lectures}场",
                            "{cooperation.lectures} lectures by professors",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "举办校际交流互访活动{cooperation.exchanges}次",
                            "{cooperation.exchanges} exchange activities",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "北航护工新增就业{cooperation.caregivers}人",
                            "{cooperation.caregivers} Beihang-trained caregivers found jobs",
                        ),
                        optional_zero=True,
                    ),
                ),
                joiner=Text("；", "; "),
            ),
        ),
    ),
    "funds": ReportSection(
        sentences=(
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "安排招才引智专项资金{funds.allocated.talent_recruitment}",
                            "{funds.allocated.talent_recruitment} was allocated to talent recruitment",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "安排财政专项资金{funds.allocated.fiscal_special}",
                            "{funds.allocated.fiscal_special} of fiscal special funds",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "发放奖补待遇{funds.disbursed.talent_rewards}",
                            "{funds.disbursed.talent_rewards} of talent rewards was paid out",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "申请校地合作经费支持{funds.requested.cooperation}",
                            "{funds.requested.cooperation} of cooperation funding was requested",
                        ),
                        optional_zero=True,
                    ),
                )
            ),
        ),
    ),
    "retain": ReportSection(
        sentences=(
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "分{housing.batches}批分配人才公寓{housing.flats}套",
                            "{housing.flats} talent flats were allocated in {housing.batches} batches",
                        )
                    ),
                    Clause(
                        text=Text(
                            "协调解决关键小事{services.matters}项",
                            "{services.matters} practical matters were resolved",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "为{services.health_checks}名优秀人才提供免费体检",
                            "{services.health_checks} people received free health checks",
                        ),
                        optional_zero=True,
                    ),
                    Clause(
                        text=Text(
                            "刊发人才工作宣传信息{services.publicity}篇",
                            "{services.publicity} publicity articles were published",
                        ),
                        optional_zero=True,
                    ),
                ),
                joiner=Text("；", "; "),
            ),
        ),
    ),
    "elderly": ReportSection(
        sentences=(
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "在{care_centers.community}个社区、{care_centers.relocation}个移民安置点、{care_centers.village}个行政村建成日间照料中心（幸福小院）",
                            "day-care centres run in {care_centers.community} communities, {care_centers.relocation} relocation sites and {care_centers.village} villages",
                        )
                    ),
                )
            ),
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "解决了{care_workers.posts}名脱贫户、监测户养老护理员公益岗",
                            "{care_workers.posts} care posts went to people from lifted-out-of-poverty and monitored households",
                        )
                    ),
                    Clause(
                        text=Text(
                            "解决了{meals.elders}名老年人养老用餐服务",
                            "meals were served to {meals.elders} elders",
                        )
                    ),
                    Clause(
                        text=Text("全年助餐{meals.meals}人次", "{meals.meals} meals in the year")
                    ),
                ),
                joiner=Text("，", ", "),
            ),
            Sentence(
                clauses=(
                    Clause(
                        text=Text(
                            "{donations.donors}家爱心单位向{donations.recipients}个村（镇）捐赠了价值{donations.value}的生活物资",
                            "{donations.donors} donors gave goods worth {donations.value} to {donations.recipients} villages and towns",
                        )
                    ),
                )
            ),
        ),
    ),
}


@dataclass
class Report:
    summary: Summary
    paragraphs: list[tuple[str, str]]  # (section title, text)

    def markdown(self) -> str:
        year = self.summary.year
        lines = [
            f"# {headline(year)}",
            "",
        ]
        for title, text in self.paragraphs:
            lines += [f"## {title}", "", text, ""]
        lines.append(
            str(
                Text(
                    "*数据由 zytalent 根据各部门台账计算；每个数字可用 `zytalent explain 指标 年份` 查看来源。*",
                    "*Figures computed by zytalent from the departments' ledgers; `zytalent explain ID YEAR` shows the records behind each.*",
                )
            )
        )
        return "\n".join(lines) + "\n"


def format_value(figure_id: str, value: int) -> str:
    english = current_lang() == "en"
    if FIGURES[figure_id].unit != "yuan":
        return f"{value:,}" if english else str(value)
    if english:
        return f"{_plain(fen_to_yuan(value), ','):} yuan"
    if value >= FEN_PER_WAN:  # 万元 to the 百元, as the article writes it (194.8万元)
        return f"{_plain(wan_exact(value))}万元"
    return f"{_plain(fen_to_yuan(value))}元"


def _plain(amount: Decimal, grouping: str = "") -> str:
    """Two decimals at most, trailing zeros of the fraction dropped: 280, 601.09, 194.8."""
    text = format(amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), f"{grouping}f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def render_clause(clause: Clause, values: dict[str, int]) -> str | None:
    ids = clause.ids()
    if any(fid not in values for fid in ids):
        return None
    if clause.optional_zero and all(values[fid] == 0 for fid in ids):
        return None
    template = str(clause.text)
    text = PLACEHOLDER.sub(lambda m: format_value(m.group(1), values[m.group(1)]), template)
    return singular_after_one(text) if current_lang() == "en" else text


def paragraphs(values: dict[str, int]) -> list[tuple[str, str]]:
    english = current_lang() == "en"
    out: list[tuple[str, str]] = []
    for code, section in SENTENCES.items():
        texts = []
        for sentence in section.sentences:
            parts = [p for p in (render_clause(cl, values) for cl in sentence.clauses) if p]
            if parts:
                joined = str(sentence.joiner).join(parts)
                texts.append(joined[0].upper() + joined[1:] + "." if english else joined + "。")
        if texts:
            out.append((str(SECTIONS[code].title), (" " if english else "").join(texts)))
    return out


def report(
    year: int,
    paths: Iterable[str | Path],
    *,
    skip_invalid: bool = False,
    limits: Limits | None = None,
    **options: Any,
) -> Report:
    summary = summarize(year, paths, skip_invalid=skip_invalid, limits=limits, **options)
    return Report(summary, [] if summary.blocked else paragraphs(summary.values))

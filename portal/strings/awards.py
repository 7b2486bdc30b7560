"""Strings of the Awards page (``views/awards.py``)."""

STRINGS: dict[str, dict[str, str]] = {
    "page.awards": {"zh": "评奖对比", "en": "Awards"},
    "awards.intro": {
        "zh": "按评奖细则给呼叫中心打分，并标明每个分数有多少数据支撑。数据不足的中心列出但不排名。",
        "en": "Score call centers on an award rubric and show how much data backs each score. "
        "Centers with too little data are listed without a rank.",
    },
    "awards.rubric": {"zh": "评奖细则", "en": "Rubric"},
    "awards.rubric_sources": {"zh": "细则来源：{sources}", "en": "Rubric sources: {sources}"},
    "awards.areas": {"zh": "评分领域与分值", "en": "Areas and points"},
    "awards.area": {"zh": "领域", "en": "Area"},
    "awards.points": {"zh": "分值", "en": "Points"},
    "awards.items": {"zh": "依据", "en": "Backed by"},
    "awards.year": {"zh": "年份（绩效指标所属年度）", "en": "Year (of the KPIs)"},
    "awards.category": {"zh": "类别（行业）", "en": "Category (industry)"},
    "awards.all": {"zh": "全部", "en": "All"},
    "awards.min_coverage": {
        "zh": "参与排名所需的最低数据覆盖率",
        "en": "Coverage needed to be ranked",
    },
    "awards.leaderboard": {"zh": "排行榜", "en": "Leaderboard"},
    "awards.board_caption": {
        "zh": "每家中心一行（默认取最新年份），按得分排序；得分 = 所得分值占总分的百分比，缺少数据的项目不得分；"
        "覆盖率为有数据支撑的分值占总分的比例；另列行业内名次。",
        "en": "One row per center (its latest year unless one is chosen), sorted by score; the "
        "score is the points earned out of the rubric's total (0-100), items without data earn "
        "nothing; coverage is the share of the rubric's points backed by data; the rank within "
        "the industry is shown too.",
    },
    "awards.counts": {
        "zh": "共 {n}，其中 {ranked} 参与排名，{unranked} 因数据不足未排名。",
        "en": "{n}: {ranked} ranked, {unranked} not ranked for lack of data.",
    },
    "awards.empty": {"zh": "没有符合条件的呼叫中心。", "en": "No center matches."},
    "awards.col.rank": {"zh": "名次", "en": "Rank"},
    "awards.col.category_rank": {"zh": "行业内名次", "en": "Rank in industry"},
    "awards.col.name": {"zh": "呼叫中心", "en": "Call center"},
    "awards.col.year": {"zh": "年份", "en": "Year"},
    "awards.col.category": {"zh": "行业", "en": "Industry"},
    "awards.col.score": {"zh": "得分（百分制）", "en": "Score (0-100)"},
    "awards.col.points": {"zh": "所得分值（满分 {total}）", "en": "Points (of {total})"},
    "awards.col.coverage": {"zh": "数据覆盖率", "en": "Coverage"},
    "awards.col.note": {"zh": "说明", "en": "Note"},
    "awards.latest": {"zh": "最新（无年份）", "en": "latest (no year)"},
    "awards.no_industry": {"zh": "（未注明行业）", "en": "(no industry)"},
    "awards.unranked": {
        "zh": "数据覆盖率低于 {min}：数据不足，不排名",
        "en": "below {min} coverage: not enough data to rank",
    },
    "awards.cards": {"zh": "候选中心并排对比", "en": "Candidates side by side"},
    "awards.cards_pick": {"zh": "选择 2 至 4 家呼叫中心", "en": "Pick 2 to 4 centers"},
    "awards.cards_hint": {
        "zh": "按 2003 年“中国最佳呼叫中心”候选表的顺序列出字段，然后是各领域得分。",
        "en": "Fields in the order of the 2003 award candidate form, then the points per area.",
    },
    "awards.cards_need": {"zh": "请选择 2 至 4 家呼叫中心。", "en": "Pick 2 to 4 centers."},
    "awards.card_field": {"zh": "项目", "en": "Field"},
    "awards.no_data": {"zh": "无数据", "en": "no data"},
}

"""Strings of the Compare and Benchmark reports (HTML and PDF) and of the matrix and gap sections."""

STRINGS: dict[str, dict[str, str]] = {
    "report.page": {"zh": "第", "en": "Page"},
    "report.made": {
        "zh": "ParkBench 生成，数据截至 {when}。",
        "en": "Made with ParkBench; data as of {when}.",
    },
    "report.settings": {
        "zh": "权重：{weights}；方法：{method}；在全部{n}中评分；成本按 {seats} 的中心、{level} 服务水平计算。",
        "en": "Weights: {weights}; method: {method}; scored among {n}; cost of a center of "
        "{seats} at a {level} service level.",
    },
    "report.h.weights": {"zh": "权重", "en": "Weights"},
    "report.h.ranking": {"zh": "排名", "en": "Ranking"},
    "report.h.contrib": {"zh": "得分构成（各指标贡献）", "en": "What makes up each score"},
    "report.h.cost": {
        "zh": "每座席成本（优惠前后）",
        "en": "Cost per seat, before and after incentives",
    },
    "report.h.matrix": {"zh": "成本—质量矩阵", "en": "Cost-quality matrix"},
    "report.h.gap": {"zh": "怎样补齐差距", "en": "What closes the gap"},
    "report.h.costs": {"zh": "各地成本构成", "en": "Cost components per site"},
    "report.h.facts": {"zh": "基本情况", "en": "Key facts"},
    "report.h.sources": {"zh": "来源", "en": "Sources"},
    "report.h.notes": {"zh": "模型说明", "en": "Model notes"},
    "report.h.group": {"zh": "指标组", "en": "Group"},
    "report.h.criterion": {"zh": "指标", "en": "Criterion"},
    "report.h.weight": {"zh": "权重", "en": "Weight"},
    "report.group_other": {"zh": "其他指标", "en": "Other criteria"},
    "report.contrib_note": {
        "zh": "条长为得分（0–1，以最高分为满格），按指标分段，颜色按指标组区分（蓝：人力资源，红：成本，绿：交通，紫：政策优惠，橙：产业集聚）；带斜纹的段为补值或估算值。",
        "en": "Bar length is the score (0–1, the best score fills the bar), split by criterion and "
        "coloured by group (blue: labour, red: cost, green: transport, purple: incentives, "
        "orange: cluster); striped segments are filled or estimated values.",
    },
    "report.matrix_intro": {
        "zh": "横轴：每座席年净成本（扣除优惠后）指数；纵轴：质量得分（不含成本指标的得分）指数；两者均以所选地点的平均值为 100。左上象限成本低、质量高。",
        "en": "Across: net cost per seat per year (after incentives) as an index; up: the quality "
        "score (the score without the cost criterion) as an index; both 100 = the mean of the "
        "compared sites. Top left is low cost and high quality.",
    },
    "report.matrix_x": {
        "zh": "成本指数（平均 = 100，越低越便宜）",
        "en": "Cost index (mean = 100, lower is cheaper)",
    },
    "report.matrix_y": {"zh": "质量指数（平均 = 100）", "en": "Quality index (mean = 100)"},
    "report.quadrant.low_cost_high_quality": {
        "zh": "成本低、质量高",
        "en": "Low cost, high quality",
    },
    "report.quadrant.high_cost_high_quality": {
        "zh": "成本高、质量高",
        "en": "High cost, high quality",
    },
    "report.quadrant.low_cost_low_quality": {"zh": "成本低、质量低", "en": "Low cost, low quality"},
    "report.quadrant.high_cost_low_quality": {
        "zh": "成本高、质量低",
        "en": "High cost, low quality",
    },
    "report.matrix_col.site": {"zh": "地点", "en": "Site"},
    "report.matrix_col.net": {"zh": "每座席年净成本", "en": "Net cost per seat and year"},
    "report.matrix_col.cost_index": {"zh": "成本指数", "en": "Cost index"},
    "report.matrix_col.quality": {"zh": "质量得分（0–1）", "en": "Quality score (0–1)"},
    "report.matrix_col.quality_index": {"zh": "质量指数", "en": "Quality index"},
    "report.matrix_col.quadrant": {"zh": "象限", "en": "Quadrant"},
    "report.quality_note": {
        "zh": "质量得分 = 去掉成本指标（{excluded}）后的得分：其余指标的贡献之和除以其权重之和（加权求和法下即把成本权重设为 0、其余权重按比例放大后的得分）。",
        "en": "Quality score = the score without the cost criterion ({excluded}): the other "
        "criteria's contributions over their summed weight (with the weighted sum, the score "
        "with the cost weight set to 0 and the other weights scaled up).",
    },
    "report.matrix_note": {
        "zh": "成本指数 = 100 × 该地净成本 ÷ 所选地点净成本的平均值；质量指数 = 100 × 该地质量得分 ÷ 平均质量得分；恰好等于 100 记为成本低、质量高。",
        "en": "Cost index = 100 x the site's net cost / the mean net cost of the compared sites; "
        "quality index = 100 x its quality score / the mean quality score; exactly 100 counts "
        "as low cost and as high quality.",
    },
    "report.gap_note": {
        "zh": "补齐差距：在该地已有优惠之外新增一项优惠，使其每座席年净成本（{years} 年平均）与对手相同；金额由成本模型求出并回代验证。房租补贴不超过房租本身，税收返还不超过县级留成的 100%。",
        "en": "Closing the gap: one new incentive on top of the site's own that makes its net "
        "cost per seat per year (averaged over {years} years) equal the rival's; the amount is "
        "solved from the cost model and checked by pricing the site again. A rent subsidy "
        "cannot exceed the rent, a tax rebate 100% of the county's share.",
    },
    "report.gap_summary": {
        "zh": "{site} 每座席年净成本 {site_net}，{rival} 为 {rival_net}，差距 {gap}/座席/年。下列任一项优惠可使两者持平：",
        "en": "{site} costs {site_net} net per seat per year, {rival} {rival_net}: a gap of "
        "{gap} per seat per year. Any one of these incentives would make them tie:",
    },
    "report.gap_ahead": {
        "zh": "{site} 的每座席年净成本已比 {rival} 低 {diff}，无需额外优惠。",
        "en": "{site} already costs {diff} less per seat per year than {rival}: no incentive "
        "is needed.",
    },
    "report.gap_col.kind": {"zh": "优惠方式", "en": "Incentive"},
    "report.gap_col.amount": {"zh": "所需额度", "en": "Amount needed"},
    "report.gap_col.total": {"zh": "园区总支出（整个周期）", "en": "Total paid (whole horizon)"},
    "report.gap_col.status": {"zh": "能否补齐", "en": "Closes the gap?"},
    "report.gap_kind.rent": {"zh": "房租补贴", "en": "Rent subsidy"},
    "report.gap_kind.seat": {"zh": "座席补贴", "en": "Subsidy per seat"},
    "report.gap_kind.training": {"zh": "培训补贴", "en": "Training subsidy"},
    "report.gap_kind.tax_rebate": {"zh": "税收返还", "en": "Tax rebate"},
    "report.gap_amount.rent": {
        "zh": "{amount} 元/平方米/月，{years} 年",
        "en": "{amount} CNY per m² per month for {years} years",
    },
    "report.gap_amount.seat": {
        "zh": "{amount} 元/座席（一次性）",
        "en": "{amount} CNY per seat, once",
    },
    "report.gap_amount.training": {
        "zh": "{amount} 元/新招聘人员（{years} 年内每年）",
        "en": "{amount} CNY per new hire, every year for {years} years",
    },
    "report.gap_amount.tax_rebate": {
        "zh": "返还县级留成税收的 {rate}，{years} 年",
        "en": "{rate} of the county's tax share for {years} years",
    },
    "report.gap_closes": {"zh": "可以", "en": "Yes"},
    "report.gap_none": {"zh": "无需", "en": "Not needed"},
    "report.gap_cannot": {
        "zh": "不能：仍差 {left}/座席/年",
        "en": "No: {left} per seat per year remains",
    },
    "report.gap_cannot.rent": {
        "zh": "不能：即使免租仍差 {left}/座席/年",
        "en": "No: even free rent leaves {left} per seat per year",
    },
    "report.gap_cannot.tax_rebate": {
        "zh": "不能：即使全额返还仍差 {left}/座席/年",
        "en": "No: even a 100% rebate leaves {left} per seat per year",
    },
    "report.cost_sources": {
        "zh": "{site}：成本模型 {total} 项输入中 {local} 项来自本地数据（城市或园区），其余为全国默认值。",
        "en": "{site}: {local} of the cost model's {total} inputs are local (city or park) data, "
        "the rest national defaults.",
    },
    "report.method_sources": {
        "zh": "成本默认值的数值、年份与出处：data/reference/cost_defaults.yaml 与 docs/cost.md；评分方法：docs/site_selection.md。",
        "en": "Values, years and sources of the cost defaults: data/reference/cost_defaults.yaml "
        "and docs/cost.md; scoring method: docs/site_selection.md.",
    },
    # Compare page: matrix, gap and report downloads
    "compare.download_pdf": {"zh": "对比报告（PDF）", "en": "Report (PDF)"},
    "bench.download_pdf": {"zh": "下载对标报告（PDF）", "en": "Download the report (PDF)"},
    "report.gap_site": {"zh": "需要补齐差距的地点", "en": "Site that needs to close the gap"},
    "report.gap_rival": {"zh": "对手", "en": "Rival"},
    "report.gap_years": {
        "zh": "房租补贴与税收返还的年限（年）",
        "en": "Years of the rent subsidy and the tax rebate",
    },
    "report.gap_same": {"zh": "请选择两个不同的地点。", "en": "Choose two different sites."},
    "report.h.positions": {"zh": "各项指标的位置", "en": "Where each KPI stands"},
    "report.bench_peers": {
        "zh": "同类中心的绩效数据：ParkBench 数据库中的 {n}（每条绩效记录都注明出处，可在“数据”页查看）。",
        "en": "Peer figures: {n} in the ParkBench database (each KPI row keeps its source; see "
        "the Data page).",
    },
    "report.bench_method_sources": {
        "zh": "方法与分组：docs/benchmarks.md；每分钟成本：docs/cost.md。",
        "en": "Method and peer groups: docs/benchmarks.md; cost of a minute: docs/cost.md.",
    },
}

"""Strings of the Compare sites page (对比选址)."""

STRINGS: dict[str, dict[str, str]] = {
    "page.compare": {"zh": "对比选址", "en": "Compare sites"},
    "compare.intro": {
        "zh": "选择 2 至 5 个城市或园区，按同一套权重在全部候选地中评分后并列比较：得分构成、排名稳定性、每座席成本（扣除优惠前后）和基本情况，均注明来源。",
        "en": "Choose 2 to 5 cities or parks: they are scored among all candidates with the same "
        "weights and set side by side: what makes up each score, how stable the ranks are, the "
        "cost per seat before and after incentives, and key facts, each with its source.",
    },
    "compare.sites": {"zh": "对比的城市或园区（2–5 个）", "en": "Cities or parks to compare (2–5)"},
    "compare.park_label": {"zh": "{park}（园区，{city}）", "en": "{park} (park, {city})"},
    "compare.no_sites": {
        "zh": "数据库中没有候选城市（缺少地理数据层），无法比较。请先运行 `parkbench build`。",
        "en": "The database has no candidate cities (no geography layer): nothing to compare. "
        "Run `parkbench build` first.",
    },
    "compare.pick_two": {
        "zh": "请至少选择 2 个、至多 {n} 个城市或园区。",
        "en": "Choose at least 2 and at most {n} cities or parks.",
    },
    "compare.weights": {"zh": "权重", "en": "Weights"},
    "compare.weight_mode": {"zh": "权重来源", "en": "Weights from"},
    "compare.mode.preset": {"zh": "预设方案", "en": "a preset"},
    "compare.mode.sliders": {"zh": "按指标组自行设定", "en": "my own, per group"},
    "compare.preset": {"zh": "预设方案", "en": "Preset"},
    "compare.preset_quote_from": {"zh": "——引自 {file}", "en": "— quoted from {file}"},
    "compare.weights_preset": {"zh": "预设方案“{name}”", "en": "preset “{name}”"},
    "compare.weights_own": {"zh": "按指标组自行设定", "en": "set per group by you"},
    # why each preset of models.weights.PRESETS weighs the groups as it does
    "compare.preset_basis.talent_first": {
        "zh": "依据：2007 年扬州呼叫中心论坛的报道。文中称人才是选址最关键的因素，其次是成本与运营、产业环境；"
        "通勤交通也不容忽视；优惠政策已难以吸引企业。文章只给出先后顺序，40/25/15/15/5 的权重由 ParkBench 按此顺序设定。",
        "en": "Basis: a report on the 2007 Yangzhou call-center forum. Talent is the decisive "
        "factor, then cost and operations and the industry environment; commuting must not be "
        "ignored; incentives alone no longer attract companies. The article gives an order, "
        "not numbers: ParkBench turned it into 40/25/15/15/5.",
    },
    "compare.preset_basis.customer_support_center": {
        "zh": "依据：招商选址工具中“客服中心”的评分模板（见 ParkBench 议题）：产业集聚 40、人力 35、基础设施 15、"
        "生活环境 5、营商环境 5。换算：基础设施与生活环境（通勤）计入交通，营商环境计入政策优惠；模板没有成本因素，成本权重为 0。",
        "en": "Basis: the customer-support-center profile of investment-promotion site-selection "
        "tools (ParkBench issue): industry cluster 40, labour 35, infrastructure 15, living "
        "environment 5, business environment 5. Mapping: infrastructure and living environment "
        "(commuting) go to transport, business environment to incentives; the profile has no "
        "cost factor, so cost weighs 0.",
    },
    "compare.preset_basis.cost_first": {
        "zh": "依据：ParkBench 为成本导向的外包企业设定：成本第一、人力第二，其余由 ParkBench 判断；原文指出运营费用远高于建设费用。",
        "en": "Basis: a ParkBench preset for cost-driven outsourcers: cost first, labour second, "
        "the rest by ParkBench's judgement; the source notes that running costs dwarf "
        "construction costs.",
    },
    "compare.preset_basis.equal_groups": {
        "zh": "依据：不作判断，五个指标组各占 20%。",
        "en": "Basis: no judgement; each of the five groups gets 20%.",
    },
    "compare.sliders_note": {
        "zh": "各组权重按比例归一（总和为 100%），组内各指标平分。",
        "en": "Group weights are scaled to sum to 100% and split equally among a group's criteria.",
    },
    "compare.zero_weights": {
        "zh": "所有权重都为 0，请至少给一个指标组大于 0 的权重。",
        "en": "Every weight is 0: give at least one group a weight above 0.",
    },
    "compare.group.labour": {"zh": "人力资源", "en": "Labour"},
    "compare.group.cost": {"zh": "成本", "en": "Cost"},
    "compare.group.transport": {"zh": "交通", "en": "Transport"},
    "compare.group.incentives": {"zh": "政策优惠", "en": "Incentives"},
    "compare.group.cluster": {"zh": "产业集聚", "en": "Cluster"},
    "compare.method": {"zh": "评分方法", "en": "Scoring method"},
    "compare.method.wsm": {"zh": "加权求和（WSM）", "en": "weighted sum (WSM)"},
    "compare.method.topsis": {"zh": "逼近理想解（TOPSIS）", "en": "TOPSIS"},
    "compare.ranking": {"zh": "排名", "en": "Ranking"},
    "compare.weights_used": {
        "zh": "权重：{source}。方法：{method}。在全部{n}中评分。",
        "en": "Weights: {source}. Method: {method}. Scored among {n}.",
    },
    "compare.col_rank": {"zh": "名次", "en": "Rank"},
    "compare.col_score": {"zh": "得分（0–1）", "en": "Score (0–1)"},
    "compare.col_rank_all": {"zh": "全部 {n} 个候选中的名次", "en": "Rank among all {n}"},
    "compare.col_rank_all_interval": {
        "zh": "全部候选中名次区间（5%–95%）",
        "en": "Rank among all, 5%–95%",
    },
    "compare.col_sel_interval": {
        "zh": "所选之中名次区间（5%–95%）",
        "en": "Rank within the selection, 5%–95%",
    },
    "compare.col_p_first": {"zh": "所选之中居首的概率", "en": "P(first in the selection)"},
    "compare.col_filled": {"zh": "补值或估算的指标", "en": "Filled or estimated criteria"},
    "compare.kind.city": {"zh": "城市", "en": "city"},
    "compare.kind.park": {"zh": "园区", "en": "park"},
    "compare.stability_note": {
        "zh": "排名稳定性：权重随机扰动 {draws} 次（同一组扰动用于所有地点），区间为名次的 5% 与 95% 分位。",
        "en": "Rank stability: the weights are perturbed {draws} times (the same draws for every "
        "site); intervals are the 5th and 95th percentiles of the rank.",
    },
    "compare.filled": {
        "zh": "{site}：以下指标缺少数据，已按规则补值或估算：{criteria}",
        "en": "{site}: these criteria had no data and were filled by a rule or estimated: "
        "{criteria}",
    },
    "compare.estimated": {
        "zh": "{criterion} 的估算方法：{how}",
        "en": "{criterion} estimated as {how}",
    },
    "compare.notes": {"zh": "缺失值规则与说明", "en": "Missing-value rules and notes"},
    "compare.contrib_title": {"zh": "得分构成（各指标贡献）", "en": "What makes up each score"},
    "compare.contrib_unit": {"zh": "得分贡献（0–1）", "en": "Contribution to the score (0–1)"},
    "compare.filled_hover": {"zh": "（补值）", "en": "(filled)"},
    "compare.contrib_note": {
        "zh": "斜线填充的色块表示该值由缺失值规则补足或估算。",
        "en": "Hatched segments are values filled by a missing-value rule or estimated.",
    },
    "compare.cost": {
        "zh": "每座席成本：扣除优惠前后",
        "en": "Cost per seat before and after incentives",
    },
    "compare.seats": {"zh": "中心规模（座席）", "en": "Center size (seats)"},
    "compare.service_level": {
        "zh": "服务水平（接通率%/秒）",
        "en": "Service level (% answered / seconds)",
    },
    "compare.cost_note": {
        "zh": "{seats} 的中心，高峰小时话务量取该座席数在 {level} 服务水平下能承接的量；稳定年份成本，优惠按 {years} 年平均；单位：元/座席/年。",
        "en": "A center of {seats}; its peak-hour calls are what that many agents answer at "
        "{level}; steady-year cost, incentives averaged over {years} years; CNY per seat per year.",
    },
    "compare.gross": {"zh": "优惠前（{unit}）", "en": "Before incentives ({unit})"},
    "compare.incentives_saved": {"zh": "优惠（{unit}）", "en": "Incentives ({unit})"},
    "compare.net": {"zh": "优惠后（{unit}）", "en": "After incentives ({unit})"},
    "compare.per_contact": {"zh": "每次接触成本（元/次）", "en": "Cost per contact (CNY/contact)"},
    "compare.capacity": {
        "zh": "高峰小时承接量（通/小时）",
        "en": "Peak-hour calls carried (calls/h)",
    },
    "compare.cost_inputs": {"zh": "成本参数", "en": "Cost inputs"},
    "compare.inputs_sourced": {"zh": "城市工资与租金有来源", "en": "city wage and rent sourced"},
    "compare.inputs_estimated": {"zh": "含估计值：{errors}", "en": "estimated: {errors}"},
    "compare.inputs_err.agent_wage_cny_per_month": {"zh": "工资 ±{err}", "en": "wage ±{err}"},
    "compare.inputs_err.rent_cny_per_m2_month": {"zh": "租金 ±{err}", "en": "rent ±{err}"},
    "compare.inputs_default": {"zh": "仅全国默认值", "en": "national defaults only"},
    "compare.gross_bar": {"zh": "优惠前合计", "en": "Before incentives"},
    "compare.net_bar": {"zh": "优惠后净成本", "en": "Net after incentives"},
    "compare.waterfall_title": {
        "zh": "{site}：每座席年成本构成与优惠",
        "en": "{site}: cost per seat per year, components and incentives",
    },
    "compare.incentive_zero": {
        "zh": "优惠「{name}」无法量化（原文未给出比例或金额），按 0 计。",
        "en": "Incentive “{name}” cannot be valued (no rate or amount given): counted as 0.",
    },
    "compare.incentive_skipped": {
        "zh": "优惠「{name}」不适用：{why}",
        "en": "Incentive “{name}” does not apply: {why}",
    },
    "compare.facts": {"zh": "基本情况", "en": "Key facts"},
    "compare.fact.population": {"zh": "常住人口（2020）", "en": "Population (2020)"},
    "compare.fact.working_age": {
        "zh": "劳动年龄人口（15–59 岁）",
        "en": "Working-age population (15–59)",
    },
    "compare.fact.college": {"zh": "大专及以上学历人口", "en": "College-educated population"},
    "compare.fact.airport": {"zh": "距最近机场", "en": "Distance to the nearest airport"},
    "compare.fact.stations": {"zh": "铁路客运站", "en": "Railway passenger stations"},
    "compare.fact.model_city": {"zh": "服务外包示范城市", "en": "Service-outsourcing model city"},
    "compare.fact.centers": {"zh": "已知呼叫中心与座席", "en": "Known call centers and seats"},
    "compare.centers_seats": {"zh": "{centers}，{seats}", "en": "{centers}, {seats}"},
    "compare.centers_source": {
        "zh": "ParkBench 呼叫中心表（centers）及园区入驻企业",
        "en": "ParkBench centers table and park tenants",
    },
    "compare.park_record": {
        "zh": "园区记录（parks.distance_to_airport_km）",
        "en": "park record (parks.distance_to_airport_km)",
    },
    "compare.yes": {"zh": "是", "en": "yes"},
    "compare.no": {"zh": "否", "en": "no"},
    "compare.source": {"zh": "来源：{source}", "en": "Source: {source}"},
    "compare.incentives": {"zh": "优惠政策", "en": "Incentives"},
    "compare.no_incentives": {
        "zh": "数据库中没有该地的优惠政策。",
        "en": "No incentive rule in the database.",
    },
    "compare.rule": {"zh": "{name}（{kind}，{where}）", "en": "{name} ({kind}, {where})"},
    "compare.incentive_kind.tax_rebate": {"zh": "税收返还", "en": "tax rebate"},
    "compare.incentive_kind.rent_reduction": {"zh": "房租减免", "en": "rent reduction"},
    "compare.incentive_kind.seat_subsidy": {"zh": "座席补贴", "en": "seat subsidy"},
    "compare.incentive_kind.certification_subsidy": {
        "zh": "认证补贴",
        "en": "certification subsidy",
    },
    "compare.incentive_kind.training_subsidy": {"zh": "培训补贴", "en": "training subsidy"},
    "compare.incentive_kind.other": {"zh": "其他", "en": "other"},
    "compare.downloads": {"zh": "下载", "en": "Downloads"},
    "compare.download_csv": {"zh": "对比表（CSV）", "en": "Comparison (CSV)"},
    "compare.download_html": {
        "zh": "对比报告（HTML，可离线打开）",
        "en": "Report (HTML, works offline)",
    },
    "compare.report_title": {
        "zh": "ParkBench 选址对比：{sites}",
        "en": "ParkBench site comparison: {sites}",
    },
    "compare.report_footer": {
        "zh": "由 ParkBench 生成于 {when}。数据与方法见 docs/site_selection.md 与 docs/cost.md。",
        "en": "Made with ParkBench on {when}. Data and methods: docs/site_selection.md and "
        "docs/cost.md.",
    },
    "compare.unit_note": {"zh": "金额单位：{unit}。", "en": "Money in {unit}."},
    "unit.site": {"zh": "个候选地", "en": "candidate sites"},
    "unit.station": {"zh": "个", "en": "stations"},
}

"""Strings of the Benchmark page (``views/benchmark.py``) and its downloadable HTML report."""

STRINGS: dict[str, dict[str, str]] = {
    "page.benchmark": {"zh": "绩效对标", "en": "Benchmark"},
    "bench.intro": {
        "zh": "把一家呼叫中心的绩效指标与同类中心比较：百分位、所处四分位，以及与中位数和前四分之一的差距（指标单位与人民币）。",
        "en": "Compare a call center's KPIs with its peers: percentile, quartile, and the gaps to "
        "the median and the top quartile (in the KPI's unit and in CNY).",
    },
    "bench.mode": {"zh": "对标对象", "en": "What to benchmark"},
    "bench.mode.stored": {"zh": "数据库中的呼叫中心", "en": "A center in the database"},
    "bench.mode.typed": {"zh": "自行输入指标", "en": "Type your own KPIs"},
    "bench.center": {"zh": "呼叫中心", "en": "Call center"},
    "bench.not_stored": {
        "zh": "输入的指标只用于本次计算，不会保存到数据库。",
        "en": "Typed KPIs are used for this calculation only and are never stored.",
    },
    "bench.profile": {"zh": "中心概况（用于确定同类组）", "en": "Profile (sets the peer group)"},
    "bench.industry": {"zh": "行业", "en": "Industry"},
    "bench.seats": {"zh": "座席数（席）", "en": "Seats"},
    "bench.province": {"zh": "省份（确定地区）", "en": "Province (gives the region)"},
    "bench.city_tier": {"zh": "城市级别", "en": "City tier"},
    "bench.tier.capital": {"zh": "直辖市或省会", "en": "Municipality or provincial capital"},
    "bench.tier.other": {"zh": "其他城市", "en": "Other city"},
    "bench.city": {
        "zh": "所在城市（按成本模型估算每分钟成本）",
        "en": "City (prices a minute with the cost model)",
    },
    "bench.kpis": {"zh": "绩效指标", "en": "KPIs"},
    "bench.pct_input": {"zh": "{kpi}（%）", "en": "{kpi} (%)"},
    "bench.sec_input": {"zh": "{kpi}（秒）", "en": "{kpi} (seconds)"},
    "bench.sl_seconds": {"zh": "服务水平时限（秒）", "en": "Service level threshold (seconds)"},
    "bench.sl_definition": {"zh": "服务水平口径", "en": "Service level measured over"},
    "bench.def.offered": {"zh": "按呈现（进线）呼叫计", "en": "offered calls"},
    "bench.def.answered": {"zh": "按接通呼叫计", "en": "answered calls"},
    "bench.annual_calls": {"zh": "年呼入量（通/年）", "en": "Calls a year"},
    "bench.cpm_input": {
        "zh": "每处理一分钟的成本（元，留空则按城市成本模型）",
        "en": "Cost of a handled minute (CNY; empty: the city's cost model)",
    },
    "bench.peer_keys": {"zh": "同类组划分依据", "en": "Peer group by"},
    "bench.key.industry": {"zh": "行业", "en": "industry"},
    "bench.key.size_band": {"zh": "规模（座席数段）", "en": "size band (seats)"},
    "bench.key.region": {"zh": "地区", "en": "region"},
    "bench.key.city_tier": {"zh": "城市级别", "en": "city tier"},
    "bench.need_kpi": {
        "zh": "请至少输入一项绩效指标。",
        "en": "Type at least one KPI.",
    },
    "bench.no_stored_kpis": {
        "zh": "{center} 在数据库中没有可对标的实际绩效指标（不含目标值和“90%以上”之类的区间值）。请改为自行输入指标。",
        "en": "{center} has no achieved KPI in the database that can be benchmarked (targets and "
        "bounds such as “above 90%” are left out). Type your own KPIs instead.",
    },
    "bench.missing_key": {
        "zh": "该中心没有“{peer_key}”，同类组不按这一项划分。",
        "en": "This center has no “{peer_key}”: the peer group is not split by it.",
    },
    "bench.reference_title": {
        "zh": "行业参考值（公开发布的行业平均，不是同类中心）",
        "en": "INDUSTRY REFERENCE (published industry averages, not peers)",
    },
    "bench.reference_caption": {
        "zh": "同类中心少于 {min} 家的指标，列出公开报告中的行业平均值及其来源和年份，仅供参考，不参与同类统计。",
        "en": "For KPIs with fewer than {min} peers, published industry averages with their source "
        "and year, for reference only; they never enter the peer statistics.",
    },
    "bench.ref.col.kpi": {"zh": "指标", "en": "KPI"},
    "bench.ref.col.value": {"zh": "本中心", "en": "This center"},
    "bench.ref.col.reference": {"zh": "行业参考值", "en": "Industry reference"},
    "bench.ref.col.gap": {"zh": "差距", "en": "Gap"},
    "bench.ref.col.year": {"zh": "年份", "en": "Year"},
    "bench.ref.col.scope": {"zh": "范围", "en": "Scope"},
    "bench.ref.col.source": {"zh": "来源", "en": "Source"},
    "bench.ref.lower": {"zh": "（下限）", "en": " (lower bound)"},
    "bench.ref.no_year": {"zh": "未注明", "en": "not stated"},
    "bench.reference_none": {
        "zh": "同类中心不足，且没有公开的行业参考值：{kpis}。",
        "en": "Too few peers and no published industry reference: {kpis}.",
    },
    "bench.group": {
        "zh": "同类组：{group}；共 {n}。",
        "en": "Peer group: {group}; {n}.",
    },
    "bench.group_all": {"zh": "全部呼叫中心", "en": "all centers"},
    "bench.min_peers": {
        "zh": "同类样本少于 {min} 家的指标不显示统计值，以免误导。",
        "en": "KPIs with fewer than {min} peers are not shown, to avoid misleading figures.",
    },
    "bench.all_suppressed": {
        "zh": "在这个同类组里，没有一项指标有至少 {min} 家按相同口径计量的同类中心，因此不显示百分位。可以减少划分依据以扩大同类组。",
        "en": "In this peer group no KPI has at least {min} peers measured the same way, so no "
        "percentile is shown. Use fewer peer keys for a broader group.",
    },
    "bench.suppressed": {
        "zh": "同类样本只有 {n} 家（少于 {min} 家），不显示",
        "en": "only {n} peers (fewer than {min}): not shown",
    },
    "bench.not_mixed": {
        "zh": "未与其他口径的数据混合：{others}",
        "en": "not mixed with peers measured as: {others}",
    },
    "bench.unspecified": {"zh": "未注明口径", "en": "unspecified"},
    "bench.cpm": {
        "zh": "每处理一分钟的成本：{cny}（{source}）",
        "en": "Cost of a handled minute: {cny} ({source})",
    },
    "bench.cpm_typed": {"zh": "自行输入", "en": "typed in"},
    "bench.cpm_model": {
        "zh": "{city}的成本模型，{seats}，每生产小时成本 ÷ 60",
        "en": "cost model for {city}, {seats}, cost per productive hour / 60",
    },
    "bench.cpm_unknown": {
        "zh": "每分钟成本未知（请填写城市或成本），差距只以指标单位表示。",
        "en": "The cost of a minute is not known (give a city or a cost): gaps are in the KPI's "
        "unit only.",
    },
    "bench.industry_from_name": {
        "zh": "数据来源未写明该中心的行业；同类组按其名称推断的行业（{industry}）划分。",
        "en": "No source gives this center's industry: its peer group uses the industry its name "
        "implies ({industry}).",
    },
    "bench.calls_unknown": {
        "zh": "年呼入量未知，无法把差距换算成人民币。",
        "en": "Calls a year are not known: gaps cannot be priced in CNY.",
    },
    "bench.chart_title": {"zh": "在同类中心中的百分位", "en": "Percentile among peers"},
    "bench.chart_axis": {"zh": "百分位（越高越好）", "en": "Percentile (higher is better)"},
    "bench.col.kpi": {"zh": "指标", "en": "KPI"},
    "bench.col.definition": {"zh": "口径", "en": "Measured as"},
    "bench.col.value": {"zh": "本中心", "en": "Value"},
    "bench.col.peers": {"zh": "同类数", "en": "Peers"},
    "bench.col.median": {"zh": "中位数", "en": "Median"},
    "bench.col.top": {"zh": "前四分之一线", "en": "Top quartile"},
    "bench.col.position": {"zh": "位置", "en": "Position"},
    "bench.col.gap_median": {"zh": "与中位数差距", "en": "Gap to median"},
    "bench.col.gap_top": {"zh": "与前四分之一差距", "en": "Gap to top quartile"},
    "bench.col.cny_median": {"zh": "追平中位数（元/年）", "en": "To the median (CNY/year)"},
    "bench.col.cny_top": {"zh": "达到前四分之一（元/年）", "en": "To the top quartile (CNY/year)"},
    "bench.col.repeat": {"zh": "可减少的重复来电（通/年）", "en": "Repeat calls avoided a year"},
    "bench.col.note": {"zh": "说明", "en": "Note"},
    "bench.position": {"zh": "第 {pct} 百分位 · 第 {q} 四分位", "en": "P{pct} · quartile {q}"},
    "bench.pp": {"zh": "{value}个百分点", "en": "{value} pp"},
    "bench.download": {"zh": "下载对标报告（HTML）", "en": "Download the report (HTML)"},
    "bench.report_title": {"zh": "ParkBench 绩效对标报告", "en": "ParkBench benchmark report"},
    "bench.report_made": {
        "zh": "由 ParkBench 生成，数据截至 {when}。输入的指标未保存。",
        "en": "Made by ParkBench, data as of {when}. Typed KPIs were not stored.",
    },
    "bench.method": {
        "zh": "方法：百分位 =（表现更差的同类 + 一半持平的同类）÷ 同类数 × 100；四分位按线性插值；差距 = 本中心 − 中位数（或前四分之一线）；处理时长的金额 = 差距秒数 ÷ 60 × 年呼入量 × 每分钟成本；首次解决率的金额 = 差距 × 年呼入量 × 平均处理时长 ÷ 60 × 每分钟成本。",
        "en": "Method: percentile = (peers doing worse + half of those equal) / peers x 100; "
        "quartiles by linear interpolation; gap = value - median (or top quartile); handle "
        "time in CNY = gap seconds / 60 x calls a year x cost per minute; first-contact "
        "resolution in CNY = gap x calls a year x AHT / 60 x cost per minute.",
    },
    "bench.kpi.answer_rate": {"zh": "接通率", "en": "Answer rate"},
    "bench.kpi.service_level": {"zh": "服务水平", "en": "Service level"},
    "bench.kpi.fcr_rate": {"zh": "首次解决率", "en": "First-contact resolution"},
    "bench.kpi.csat": {"zh": "客户满意度", "en": "Customer satisfaction"},
    "bench.kpi.outbound_success_rate": {"zh": "外呼成功率", "en": "Outbound success rate"},
    "bench.kpi.quality_score": {"zh": "质检得分", "en": "Quality score"},
    "bench.kpi.occupancy_rate": {"zh": "座席占用率", "en": "Occupancy"},
    "bench.kpi.aht_seconds": {"zh": "平均处理时长", "en": "Average handle time"},
    "bench.kpi.asa_seconds": {"zh": "平均应答速度", "en": "Average speed of answer"},
    "bench.kpi.abandon_rate": {"zh": "放弃率", "en": "Abandon rate"},
    "bench.kpi.attrition_rate": {"zh": "人员流失率（年）", "en": "Attrition (a year)"},
    "bench.kpi.complaint_rate": {"zh": "投诉率", "en": "Complaint rate"},
}

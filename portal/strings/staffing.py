"""Strings of the Staffing & cost page (人员与成本测算)."""

STRINGS: dict[str, dict[str, str]] = {
    "page.staffing": {"zh": "人员与成本测算", "en": "Staffing & cost"},
    "staffing.intro": {
        "zh": "由话务量、平均处理时长和服务水平目标算出所需坐席、全职人数和座席数（Erlang C；填写客户耐心时用 Erlang A），再按所选城市或园区的成本参数算出每座席和每次接触的成本。",
        "en": "From call volume, average handle time and a service-level target: the agents, FTE "
        "and seats needed (Erlang C; Erlang A when callers' patience is given), then their cost "
        "per seat and per contact with the inputs of the chosen city or park.",
    },
    "staffing.inputs": {"zh": "输入", "en": "Inputs"},
    "staffing.volume_mode": {"zh": "话务量按", "en": "Call volume given"},
    "staffing.volume.hour": {"zh": "高峰小时", "en": "per peak hour"},
    "staffing.volume.day": {"zh": "每天 + 高峰占比", "en": "per day + peak share"},
    "staffing.calls_per_hour": {
        "zh": "高峰小时来电量（通/小时）",
        "en": "Peak-hour calls (calls/h)",
    },
    "staffing.calls_per_day": {"zh": "每天来电量（通/天）", "en": "Calls per day (calls/day)"},
    "staffing.peak_share": {
        "zh": "高峰小时占全天来电的比例（%）",
        "en": "Peak hour's share of the day's calls (%)",
    },
    "staffing.peak_hour": {"zh": "高峰小时来电：{calls}", "en": "Peak-hour calls: {calls}"},
    "staffing.aht": {"zh": "平均处理时长（秒）", "en": "Average handle time (s)"},
    "staffing.use_patience": {
        "zh": "考虑客户放弃（Erlang A）",
        "en": "Callers hang up when kept waiting (Erlang A)",
    },
    "staffing.patience": {"zh": "客户平均耐心（秒）", "en": "Mean caller patience (s)"},
    "staffing.target_sl": {
        "zh": "服务水平目标：接通率（%）",
        "en": "Service-level target: share answered (%)",
    },
    "staffing.answer_seconds": {"zh": "……在多少秒内接通（秒）", "en": "… within (s)"},
    "staffing.shrinkage": {
        "zh": "缺勤与非话务时间占比 shrinkage（%）",
        "en": "Shrinkage: paid time off the phones (%)",
    },
    "staffing.max_occupancy": {"zh": "坐席占用率上限（%）", "en": "Maximum occupancy (%)"},
    "staffing.max_occupancy_help": {
        "zh": "在线坐席处理话务的时间占比不超过此值。长期高于 85% 会导致疲劳和流失，"
        "因此默认 85%；设为 100% 即只按服务水平排班。",
        "en": "Agents on the phones are busy at most this share of their time. Above about "
        "85 % for long, agents tire and leave, hence the default of 85 %; 100 % staffs to the "
        "service level alone.",
    },
    "staffing.side": {
        "zh": "Erlang C 与 Erlang A 对比",
        "en": "Erlang C and Erlang A side by side",
    },
    "staffing.side_note": {
        "zh": "同一话务与目标下的两种模型：Erlang C 假设客户一直等待，Erlang A 假设客户平均等待 {patience} 后放弃"
        "（放弃的来电不再占用坐席，所需坐席通常更少）。",
        "en": "Both models on the same load and targets: Erlang C assumes nobody hangs up; "
        "Erlang A that callers give up after {patience} on average (abandoned calls free the "
        "agents, so it usually needs fewer).",
    },
    "staffing.side_measure": {"zh": "指标", "en": "Measure"},
    "staffing.side_sl": {"zh": "服务水平（达成）", "en": "Service level reached"},
    "staffing.side_binding": {"zh": "决定坐席数的约束", "en": "Target that sets the agents"},
    "staffing.agents_have": {
        "zh": "现有在线坐席（人，可选；0 表示不填）",
        "en": "Agents you have on the phones (optional; 0 = not given)",
    },
    "staffing.park": {"zh": "园区（可选）", "en": "Park (optional)"},
    "staffing.no_park": {"zh": "不指定园区", "en": "no park"},
    "staffing.years": {"zh": "测算年数（年）", "en": "Years of the view (years)"},
    "staffing.result": {"zh": "人员需求（目标 {level}）", "en": "Staffing for {level}"},
    "staffing.load": {
        "zh": "话务负荷：{calls} × {aht} = {erlangs}；模型：{model}；决定坐席数的约束：{binding}。",
        "en": "Offered load: {calls} × {aht} = {erlangs}; model: {model}; the target that sets "
        "the agents: {binding}.",
    },
    "staffing.model.erlang_c": {"zh": "Erlang C（客户不放弃）", "en": "Erlang C (nobody hangs up)"},
    "staffing.model.erlang_a": {"zh": "Erlang A（考虑放弃）", "en": "Erlang A (with abandonment)"},
    "staffing.binding.service_level": {"zh": "服务水平", "en": "service level"},
    "staffing.binding.asa": {"zh": "平均应答速度", "en": "average speed of answer"},
    "staffing.binding.max_occupancy": {"zh": "占用率上限", "en": "maximum occupancy"},
    "staffing.binding.max_abandon_rate": {"zh": "放弃率上限", "en": "maximum abandonment"},
    "staffing.binding.no_load": {"zh": "无话务", "en": "no calls"},
    "staffing.agents": {"zh": "在线坐席（人）", "en": "Agents on the phones"},
    "staffing.fte": {"zh": "高峰时段需排班人数（FTE）", "en": "FTE to roster for the peak hour"},
    "staffing.seats": {"zh": "座席数", "en": "Seats"},
    "staffing.headcount": {
        "zh": "全年在岗人数（成本模型）",
        "en": "Head count over the year (cost model)",
    },
    "staffing.sl": {"zh": "{seconds}内接通率", "en": "Answered within {seconds}"},
    "staffing.asa": {"zh": "平均应答速度", "en": "Average speed of answer"},
    "staffing.abandon": {"zh": "放弃率", "en": "Abandonment"},
    "staffing.no_abandon": {"zh": "未建模（Erlang C）", "en": "not modelled (Erlang C)"},
    "staffing.occupancy": {"zh": "坐席占用率", "en": "Occupancy"},
    "staffing.fte_note": {
        "zh": "排班人数 = 在线坐席 ÷ (1 − shrinkage {shrinkage})；全年在岗人数按营业时长、座席利用率和每人年工时折算（见 docs/cost.md）。",
        "en": "FTE to roster = agents ÷ (1 − shrinkage {shrinkage}); the head count over the "
        "year spreads the seats over opening hours, seat fill and paid hours (docs/cost.md).",
    },
    "staffing.understaffed_model": {
        "zh": "队列人手不足：坐席数不超过话务负荷，队列会无限增长。",
        "en": "Understaffed queue: agents do not exceed the offered load, the queue grows "
        "without bound.",
    },
    "staffing.warning.below_offered_load": {
        "zh": "坐席数低于话务负荷：服务水平之所以达标，是因为部分来电者放弃了等待。",
        "en": "Fewer agents than the offered load: the service level is met only because "
        "callers hang up.",
    },
    "staffing.warning.high_abandonment": {
        "zh": "放弃率超过 5%：可设置最大放弃率上限。",
        "en": "More than 5% of callers hang up: set a maximum abandonment rate to cap it.",
    },
    "staffing.understaffed": {
        "zh": "人手不足：{agents} 不超过话务负荷 {erlangs}，队列会无限增长（接通率 0%，平均等待无穷大）。",
        "en": "Understaffed: {agents} do not exceed the offered load of {erlangs}; the queue "
        "grows without bound (0% answered in time, infinite wait).",
    },
    "staffing.have_result": {
        "zh": "现有 {agents}：接通率 {sl}，平均应答速度 {asa}。",
        "en": "With {agents}: {sl} answered in time, average speed of answer {asa}.",
    },
    "staffing.have_abandon": {"zh": "放弃率 {rate}。", "en": " Abandonment {rate}."},
    "staffing.cost": {"zh": "成本：{city}", "en": "Cost in {city}"},
    "staffing.per_seat": {
        "zh": "每座席年成本（优惠前）",
        "en": "Cost per seat per year (before incentives)",
    },
    "staffing.net_per_seat": {"zh": "每座席年净成本（优惠后）", "en": "Net cost per seat per year"},
    "staffing.per_contact": {"zh": "每次接触成本", "en": "Cost per contact"},
    "staffing.total": {"zh": "全年总成本", "en": "Total cost per year"},
    "staffing.basis.estimated": {
        "zh": "{input}：估计值（{method}，交叉验证误差 ±{err}，平均绝对百分比误差 {mape}）",
        "en": "{input}: estimated ({method}; cross-validated error ±{err}, MAPE {mape})",
    },
    "staffing.basis.sourced": {
        "zh": "{input}：有来源的数字（{year}年，{url}）",
        "en": "{input}: sourced figure ({year}, {url})",
    },
    "staffing.basis.default": {
        "zh": "{input}：全国默认值，本市没有数字",
        "en": "{input}: national default, no figure for this city",
    },
    "staffing.basis.park": {
        "zh": "{input}：园区“{park}”自己的租金",
        "en": "{input}: the own rent of park '{park}'",
    },
    "staffing.basis.input.agent_wage_cny_per_month": {"zh": "坐席工资", "en": "agent wage"},
    "staffing.basis.input.rent_cny_per_m2_month": {"zh": "办公租金", "en": "office rent"},
    "staffing.cost_note": {
        "zh": "稳定年份成本；优惠按 {years} 年平均后扣除。座席数 = 高峰小时所需坐席。",
        "en": "Steady-year cost; incentives averaged over {years} years and deducted. Seats = "
        "agents needed in the peak hour.",
    },
    "staffing.waterfall_title": {
        "zh": "每座席年成本构成与优惠",
        "en": "Cost per seat per year: components and incentives",
    },
    "staffing.inputs_sources": {"zh": "成本参数及来源", "en": "Cost inputs and their sources"},
    "staffing.input": {"zh": "参数", "en": "Input"},
    "staffing.year": {"zh": "年份", "en": "Year"},
    "staffing.curve": {"zh": "成本与服务水平", "en": "Cost against service level"},
    "staffing.curve_title": {
        "zh": "不同服务水平目标下的全年总成本与每次接触成本",
        "en": "Total cost per year and cost per contact at each service-level target",
    },
    "staffing.curve_x": {"zh": "服务水平目标（接通率%/秒）", "en": "Target (% answered / seconds)"},
    "staffing.curve_total": {"zh": "全年总成本（元/年）", "en": "Total cost (CNY/year)"},
    "staffing.curve_per_contact": {
        "zh": "每次接触成本（元/次）",
        "en": "Cost per contact (CNY/contact)",
    },
    "staffing.curve_net": {
        "zh": "每座席年净成本（元/座席/年）",
        "en": "Net per seat (CNY/seat/year)",
    },
    "staffing.curve_note": {
        "zh": "目标：{targets}；同一话务量，每个目标各自确定坐席和座席数（不含占用率上限）。深色柱为当前目标。",
        "en": "Targets: {targets}; the same calls, each target sizing its own agents and seats "
        "(without the occupancy cap). The dark bar is your target.",
    },
    "staffing.plan": {"zh": "分时段排班计划", "en": "Interval plan"},
    "staffing.plan_help": {
        "zh": "上传 CSV 或 XLSX：每行一个时段，列为 start（时段，如 08:30）、calls（该时段来电量）和可选的 aht_seconds；也接受中文表头（时段、来电量、平均处理时长）。",
        "en": "Upload a CSV or XLSX, one row per interval: start (e.g. 08:30), calls (calls in "
        "the interval) and optionally aht_seconds; Chinese headers (时段, 来电量, 平均处理时长) work too.",
    },
    "staffing.plan_upload": {"zh": "上传时段预测文件", "en": "Upload an interval forecast"},
    "staffing.plan_error": {"zh": "无法读取计划：{error}", "en": "Cannot read the plan: {error}"},
    "staffing.plan_summary": {
        "zh": "{n} 个时段，每段 {minutes} 分钟，共 {calls}；{model}。",
        "en": "{n} intervals of {minutes} minutes, {calls}; {model}.",
    },
    "staffing.peak_agents": {"zh": "峰值在线坐席", "en": "Peak agents"},
    "staffing.peak_seats": {"zh": "所需座席（峰值）", "en": "Seats needed (peak)"},
    "staffing.agent_hours": {"zh": "坐席工时合计", "en": "Agent-hours"},
    "staffing.period_fte": {"zh": "折合全职人数（FTE）", "en": "FTE over the period"},
    "staffing.interval": {"zh": "时段（每段 {minutes} 分钟）", "en": "Interval ({minutes} min)"},
    "staffing.plan_calls": {"zh": "来电量（通/时段）", "en": "Calls (calls/interval)"},
    "staffing.plan_title": {"zh": "各时段所需坐席", "en": "Agents needed per interval"},
    "staffing.plan_download": {"zh": "下载排班计划（CSV）", "en": "Download the plan (CSV)"},
    "unit.calls": {"zh": "通", "en": "calls"},
    "unit.hours": {"zh": "小时", "en": "hours"},
    "unit.cny_per_contact": {"zh": "元/次", "en": "CNY/contact"},
    "unit.cny_per_year": {"zh": "元/年", "en": "CNY/year"},
}

"""Model and cost-input notes in both languages (rendered by ``portal/notes.py``)."""

STRINGS: dict[str, dict[str, str]] = {
    "note.estimated": {
        "zh": "{crit}：{n} 个地点按{base}乘以本省比例估算",
        "en": "{crit}: {n} estimated from {base} times the province's share",
    },
    "note.left_out": {
        "zh": "{n} 个地点缺少劳动力数据，未参与评分：{names}",
        "en": "{n} sites left out for lack of labour data: {names}",
    },
    "note.dropped": {
        "zh": "{crit}：所有地点都没有数值，不参与评分",
        "en": "{crit}: no site has a value; the criterion is dropped",
    },
    "note.excluded": {
        "zh": "{crit}：{n} 个地点缺值，按“剔除”规则该指标不参与评分",
        "en": "{crit}: {n} missing; the rule 'exclude' drops the criterion",
    },
    "note.filled": {
        "zh": "{crit}：{n} 个地点缺值，按{rule}补值（{fill}{unit}）",
        "en": "{crit}: {n} missing, filled with the {rule} ({fill} {unit})",
    },
    "note.off_positive": {
        "zh": "{crit}：只有 {n} 个地点的数值大于0（至少需要 {need} 个），库中所知太少，暂不参与评分",
        "en": "{crit}: switched off, only {n} sites have a count above 0 (need {need}): the store knows too few",
    },
    "note.off_observed": {
        "zh": "{crit}：{total} 个地点中只有 {n} 个有数值（至少需要一半），暂不参与评分",
        "en": "{crit}: switched off, only {n} of {total} sites have a value (need half)",
    },
    "note.absent": {
        "zh": "{crit}：候选地数据表中没有这一列",
        "en": "{crit}: column absent from the criteria table",
    },
    "note.estimate_how": {
        "zh": "{base} {pop} × {prov}的{crit}比例 {share}（{n} 个城市）",
        "en": "{base} {pop} × {crit} share of {prov} {share} ({n} cities)",
    },
    "note.saturation_how": {
        "zh": "已知座席数除以估算的劳动年龄人口",
        "en": "known seats over the estimated working-age population",
    },
    "note.no_rules": {
        "zh": "数据库中没有该园区或城市的优惠政策",
        "en": "no incentive rules for this park or city in the database",
    },
    "note.no_incentives_table": {
        "zh": "数据库没有优惠政策表：未计入优惠",
        "en": "no incentives table: no incentive rules applied",
    },
    "note.no_city_inputs": {
        "zh": "数据库没有城市输入指标表：采用全国及预置城市默认值",
        "en": "no table of city inputs in the database: national and seeded city defaults used",
    },
    "note.park_matched": {"zh": "已匹配园区“{park}”", "en": "park '{park}' matched"},
    "note.no_park": {
        "zh": "数据库中没有名为“{park}”的园区：仅用城市级输入",
        "en": "no park matching '{park}' in the database: city-level inputs only",
    },
    "note.below_threshold": {
        "zh": "{what} {have} 低于门槛 {need}",
        "en": "{what} {have} below the threshold {need}",
    },
    "note.higher_tier": {
        "zh": "适用更高档次（{label}）",
        "en": "a higher tier applies ({label})",
    },
    "note.unknown": {"zh": "未知", "en": "unknown"},
    "note.what.investment": {"zh": "投资额（元）", "en": "investment (CNY)"},
    "note.what.revenue": {"zh": "年营业收入（元）", "en": "revenue (CNY/year)"},
    "note.what.seats": {"zh": "座席数", "en": "seats"},
    "note.rule.worst": {"zh": "最差值", "en": "worst value"},
    "note.rule.median": {"zh": "中位数", "en": "median"},
    "note.rule.zero": {"zh": "0", "en": "zero"},
    "note.rule.exclude": {"zh": "剔除", "en": "exclusion"},
    "note.base.population": {"zh": "常住人口", "en": "population"},
    "note.unit.cny_per_seat": {"zh": "元/座席", "en": "CNY per seat"},
    "note.unit.seats_per_100k": {"zh": "席/十万人", "en": "seats per 100k people"},
    "note.unit.station": {"zh": "个", "en": "stations"},
    "note.unit.station_density": {"zh": "个/千平方公里", "en": "stations per 1,000 km2"},
    "note.unit.flag": {"zh": "（是=1）", "en": "(1 = yes)"},
    "note.no_base": {
        "zh": "{crit}未知，且没有{base}可用于估算",
        "en": "{crit} unknown and no {base} to estimate it",
    },
    "note.no_share": {
        "zh": "{crit}未知，且{prov}没有任何城市有该数据可供计算比例",
        "en": "{crit} unknown and no city of {prov} has it to take a share from",
    },
    "note.same_value": {
        "zh": "{what}：所有地点数值相同（或均值为0），指数均为100",
        "en": "{what}: every site has the same value (or a mean of 0); index 100 for all",
    },
    "note.no_cost_criterion": {
        "zh": "评分中没有成本指标：质量得分即总分",
        "en": "no cost criterion in the score: the quality score is the whole score",
    },
    "note.no_database": {
        "zh": "没有数据库（{path}）：仅用默认值，没有园区数据和优惠政策",
        "en": "no database at {path}: defaults only, no park data or incentive rules",
    },
    "note.no_economics": {
        "zh": "该城市没有{indicator}的公布值或估算值：保留默认值",
        "en": "no sourced or estimated {indicator} for this city: default kept",
    },
    "note.below_coverage": {
        "zh": "数据覆盖率低于{min_coverage}：数据不足，不参与排名",
        "en": "below {min_coverage} coverage: not enough data to rank",
    },
    "note.what.net_cost": {"zh": "每座席净成本", "en": "net cost per seat"},
    "note.what.quality": {"zh": "质量得分", "en": "quality score"},
    "note.base.avg_wage_private_cny_per_year": {
        "zh": "城镇私营单位平均工资",
        "en": "average private-sector wage",
    },
    "note.base.office_rent_grade_a_cny_per_m2_month": {
        "zh": "甲级写字楼租金",
        "en": "grade-A office rent",
    },
    "note.too_few_peers": {
        "zh": "按此口径计量的同类中心只有 {n} 家（少于 {min} 家），不显示",
        "en": "only {n} peers measured this way (fewer than {min}): not shown",
    },
    "note.reference_shown": {
        "zh": "改为显示行业参考值（公开发布的平均值，并非同类中心）",
        "en": "INDUSTRY REFERENCE shown instead (published averages, not peers)",
    },
    "note.no_reference": {
        "zh": "该指标没有公开发布的行业参考值",
        "en": "no published INDUSTRY REFERENCE for this KPI",
    },
    "note.not_mixed": {
        "zh": "未与其他口径的数据混合：{others}",
        "en": "not mixed with peers measured as: {others}",
    },
    "note.widened": {
        "zh": "完整同类组不足 {min} 家：改与{group}比较",
        "en": "fewer than {min} peers in the full group: compared with {group}",
    },
    "note.all_centers": {"zh": "全部中心", "en": "all centers"},
    # where each cost input comes from (data/inputs/cost.py, CostContext.sources[...]["note"])
    "note.src_default": {"zh": "全国默认值：{text}", "en": "national default: {text}"},
    "note.src_city_default": {
        "zh": "{city}的城市默认值：{text}",
        "en": "city default ({city}): {text}",
    },
    "note.src_park": {"zh": "园区“{park}”的租金", "en": "the rent of park '{park}'"},
    "note.src_user": {"zh": "用户输入", "en": "user input"},
    "note.src_city_input": {
        "zh": "导入的本市数据（来源：{url}）",
        "en": "imported figure of the city (source: {url})",
    },
    "note.src_city_inputs": {
        "zh": "导入的本市{indicator} {value}{unit}（{year}；来源：{url}）：{why}",
        "en": "imported {indicator} of the city, {value} {unit} ({year}; source: {url}): {why}",
    },
    "note.src_economics": {
        "zh": "本市{indicator} {value}{unit}（{year}，{how}；来源：{url}）：{why}",
        "en": "the city's {indicator}, {value} {unit} ({year}, {how}; source: {url}): {why}",
    },
    "note.src_economics_ratio": {
        "zh": "本市{indicator} {value}{unit}（{year}，由本市城镇非私营单位平均工资的公布值乘以本省"
        "{ratio_year}私营与非私营单位平均工资之比 {ratio} 得出；来源：{url}）：{why}",
        "en": "the city's {indicator}, {value} {unit} ({year}: its published non-private average "
        "wage × {ratio}, the province's private / non-private wage ratio of {ratio_year}; "
        "source: {url}): {why}",
    },
    "note.src_economics_estimated": {
        "zh": "本市{indicator} {value}{unit}（{year}，估算值：{method}；留一交叉验证的对数误差 ±{err}，"
        "平均绝对百分比误差 {mape}）：{why}",
        "en": "the city's {indicator}, {value} {unit} ({year}, estimated: {method}; "
        "leave-one-out error ±{err} in log, MAPE {mape}): {why}",
    },
    "note.how.sourced": {"zh": "公布值", "en": "published figure"},
    "note.how.rebased": {
        "zh": "公布值，按本市与本省之比折算到该年",
        "en": "published figure, moved to this year through the city's ratio to its province",
    },
    "note.how.municipality": {
        "zh": "直辖市，采用省级公布值",
        "en": "a municipality: the province's published figure",
    },
    "note.method.wage_premium": {
        "zh": "本省平均工资乘以按本市大专以上学历人口比例估算的工资溢价",
        "en": "the province's average wage times a premium from the city's college-educated share",
    },
    "note.method.office_rent_grade_a": {
        "zh": "按本市工资和人口回归估算的甲级写字楼租金",
        "en": "grade-A rent regressed on the city's wage and population",
    },
    "note.year_unknown": {"zh": "年份未知", "en": "year unknown"},
    "note.indicator.office_rent_cny_per_m2_month": {"zh": "写字楼租金", "en": "office rent"},
    "note.indicator.avg_wage_cny_per_month": {
        "zh": "城镇非私营单位月平均工资",
        "en": "average monthly wage of urban non-private units",
    },
}

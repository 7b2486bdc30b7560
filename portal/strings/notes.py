"""Model and cost-input notes in both languages (``portal/components/notes.py``)."""

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
        "en": "no city_inputs table: national and seeded city defaults used",
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
        "zh": "适用更高档次（{rule}）",
        "en": "a higher tier applies ({rule})",
    },
    "note.unknown": {"zh": "未知", "en": "unknown"},
    "note.threshold.investment": {"zh": "投资额（元）", "en": "investment (CNY)"},
    "note.threshold.revenue": {"zh": "年营业收入（元）", "en": "revenue (CNY/year)"},
    "note.threshold.seats": {"zh": "座席数", "en": "seats"},
    "note.rule.worst": {"zh": "最差值", "en": "worst value"},
    "note.rule.median": {"zh": "中位数", "en": "median"},
    "note.rule.zero": {"zh": "0", "en": "zero"},
    "note.base.population": {"zh": "常住人口", "en": "population"},
    "note.unit.cny_per_seat": {"zh": "元/座席", "en": "CNY per seat"},
    "note.unit.seats_per_100k": {"zh": "席/十万人", "en": "seats per 100k people"},
    "note.unit.station": {"zh": "个", "en": "stations"},
    "note.unit.station_density": {"zh": "个/千平方公里", "en": "stations per 1,000 km2"},
    "note.unit.flag": {"zh": "（是=1）", "en": "(1 = yes)"},
}

"""Cost and staffing terms shared by the Compare sites and Staffing & cost pages."""

STRINGS: dict[str, dict[str, str]] = {
    "cost.comp.agent_wages": {"zh": "坐席工资", "en": "Agent wages"},
    "cost.comp.agent_social_insurance_housing_fund": {
        "zh": "坐席社保与公积金（单位部分）",
        "en": "Agents' social insurance and housing fund (employer)",
    },
    "cost.comp.supervisors": {"zh": "班组长", "en": "Team leaders"},
    "cost.comp.support_staff": {
        "zh": "支持人员（质检、排班、培训、IT）",
        "en": "Support staff (QA, WFM, training, IT)",
    },
    "cost.comp.rent": {"zh": "房租", "en": "Rent"},
    "cost.comp.fitout_amortisation": {"zh": "装修摊销", "en": "Fit-out amortisation"},
    "cost.comp.it_cti_amortisation": {"zh": "IT 与 CTI 设备摊销", "en": "IT and CTI amortisation"},
    "cost.comp.it_maintenance": {"zh": "IT 维护与许可", "en": "IT maintenance and licences"},
    "cost.comp.telecom": {"zh": "通信费", "en": "Telecom"},
    "cost.comp.utilities": {"zh": "电费与物业费", "en": "Electricity and property fees"},
    "cost.comp.recruiting_training": {
        "zh": "招聘与培训（补员）",
        "en": "Recruiting and training (leavers)",
    },
    "cost.comp.management_overhead": {
        "zh": "管理费用（中心管理、人事、财务、行政、耗材）",
        "en": "Management overhead (center management, HR, finance, admin, supplies)",
    },
    "unit.cny_per_seat_year": {"zh": "元/座席/年", "en": "CNY per seat per year"},
    "unit.calls_per_hour": {"zh": "通/小时", "en": "calls/h"},
}

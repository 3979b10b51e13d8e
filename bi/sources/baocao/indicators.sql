-- Chỉ tiêu có giá trị (indicators that have values), catalogued ones first, for the dropdowns.
with counted as (
    select
        v.indicator_key,
        min(v.indicator_phrase) as example_phrase,
        count(*) as value_count,
        count(distinct v.locality_key) as place_count,
        count(distinct v.period_key) as period_count
    from main.mart_indicator_values v
    group by v.indicator_key
)
select
    c.indicator_key,
    i.indicator_code,
    coalesce(i.name_vi, c.example_phrase) as name_vi,
    i.name_en,
    i.domain,
    coalesce(i.is_catalogued, false) as is_catalogued,
    case when i.is_catalogued
        then i.name_vi || ' — ' || i.indicator_code
        else coalesce(i.name_vi, c.example_phrase) || ' (chưa phân loại)'
    end as label,
    c.value_count,
    c.place_count,
    c.period_count
from counted c
left join main.dim_indicator i on i.indicator_key = c.indicator_key
order by coalesce(i.is_catalogued, false) desc, c.value_count desc, i.indicator_code, name_vi

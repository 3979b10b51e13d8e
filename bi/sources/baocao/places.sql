-- Địa phương có số liệu (places with values), for the scorecard dropdown.
select
    l.locality_key,
    l.name,
    l.level,
    case l.level when 'province' then 'tỉnh' when 'district' then 'huyện' when 'commune' then 'xã'
        else l.level end as level_vi,
    l.province_name,
    l.successor_province_name,
    l.name || ' (' || case l.level when 'province' then 'tỉnh' when 'district' then 'huyện'
                                   when 'commune' then 'xã' else coalesce(l.level, '?') end
           || coalesce(', ' || nullif(l.province_name, l.name), '') || ')' as label,
    count(*) as value_count,
    count(distinct v.indicator_key) as indicator_count,
    count(distinct v.period_key) as period_count
from main.mart_indicator_values v
join main.dim_locality l on l.locality_key = v.locality_key
group by all
order by value_count desc, l.name

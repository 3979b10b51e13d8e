-- Chất lượng: giá trị mâu thuẫn (values stated differently by several facts).
create or replace temp macro vn_num(x) as
    translate(regexp_replace(format('{:,.6f}', x), '\.?0+$', ''), ',.', '.,');
-- Evidence 39 writes no Parquet file for an empty result and the build then fails; a
-- placeholder row (is_placeholder) keeps the file, the pages filter it out.
with rows_ as (
    select
        c.value_id,
        coalesce(l.name, 'Không rõ') as place_name,
        coalesce(p.label, c.period_key) as period_label,
        i.indicator_code,
        coalesce(i.name_vi, v.indicator_phrase) as indicator_name,
        c.measure,
        c.value_kind,
        c.chosen_value,
        vn_num(c.chosen_value) as chosen_text,
        c.chosen_unit,
        c.chosen_source,
        c.value_count,
        c.stated_values,
        '/so-lieu/' || v.chosen_fact_id || '/' as fact_link
    from main.dq_conflicting_values c
    left join main.mart_indicator_values v on v.value_id = c.value_id
    left join main.dim_locality l on l.locality_key = c.locality_key
    left join main.dim_period p on p.period_key = c.period_key
    left join main.dim_indicator i on i.indicator_key = c.indicator_key
)
select *, false as is_placeholder from rows_
union all by name
select true as is_placeholder where not exists (select 1 from rows_)
order by is_placeholder, value_count desc, indicator_name

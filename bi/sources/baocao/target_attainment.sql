-- Kế hoạch và thực hiện (target vs actual): mart_target_attainment with names and links to
-- the facts the target, the result and the stated attainment were read from.
create or replace temp macro vn_num(x) as
    translate(regexp_replace(format('{:,.6f}', x), '\.?0+$', ''), ',.', '.,');
-- Evidence 39 writes no Parquet file for an empty result and the build then fails; a
-- placeholder row (is_placeholder) keeps the file, the pages filter it out.
with rows_ as (
    select
        t.attainment_id,
        t.locality_key,
        coalesce(l.name, 'Không rõ') as place_name,
        t.period_key,
        coalesce(p.label, t.period_key) as period_label,
        p.year_start,
        p.year_end,
        t.indicator_key,
        i.indicator_code,
        coalesce(i.name_vi, ft.indicator_phrase, fa.indicator_phrase) as indicator_name,
        i.name_en as indicator_name_en,
        coalesce(i.is_catalogued, false) as is_catalogued,
        t.base_unit,
        t.target,
        vn_num(t.target) as target_text,
        vn_num(t.target) || ' ' || coalesce(ft.unit_text, t.target_unit, '') as target_display,
        coalesce(ft.unit_text, t.target_unit) as target_unit_label,
        t.target_qualifier,
        t.target_source,
        t.target_fact_id,
        t.actual,
        vn_num(t.actual) as actual_text,
        vn_num(t.actual) || ' ' || coalesce(fa.unit_text, t.actual_unit, '') as actual_display,
        coalesce(fa.unit_text, t.actual_unit) as actual_unit_label,
        t.actual_qualifier,
        t.actual_source,
        t.actual_fact_id,
        t.attainment_computed_pct,
        vn_num(t.attainment_computed_pct) as computed_text,
        t.attainment_stated_pct,
        vn_num(t.attainment_stated_pct) as stated_text,
        t.attainment_fact_id,
        t.is_attainment_mismatch,
        t.has_target_and_actual,
        case when t.target_fact_id is not null then '/so-lieu/' || t.target_fact_id || '/' end as target_link,
        case when t.target_fact_id is not null then '→ nguồn KH' end as target_link_label,
        case when t.actual_fact_id is not null then '/so-lieu/' || t.actual_fact_id || '/' end as actual_link,
        case when t.actual_fact_id is not null then '→ nguồn TH' end as actual_link_label,
        case when t.attainment_fact_id is not null then '/so-lieu/' || t.attainment_fact_id || '/' end
            as stated_link,
        case when t.attainment_fact_id is not null then '→ nguồn % đạt' end as stated_link_label
    from main.mart_target_attainment t
    left join main.dim_locality l on l.locality_key = t.locality_key
    left join main.dim_period p on p.period_key = t.period_key
    left join main.dim_indicator i on i.indicator_key = t.indicator_key
    left join main.fact_value ft on ft.fact_id = t.target_fact_id
    left join main.fact_value fa on fa.fact_id = t.actual_fact_id
)
select *, false as is_placeholder from rows_
union all by name
select true as is_placeholder where not exists (select 1 from rows_)
order by is_placeholder, indicator_code nulls last, indicator_key, year_start, place_name

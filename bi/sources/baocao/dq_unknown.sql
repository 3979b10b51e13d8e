-- Chất lượng: số liệu không rõ địa phương hoặc kỳ (facts with unknown place or period).
-- Evidence 39 writes no Parquet file for an empty result and the build then fails; a
-- placeholder row (is_placeholder) keeps the file, the pages filter it out.
with rows_ as (
    select
        u.fact_id, u.document_id, u.source_name, u.is_place_unknown, u.is_period_unknown,
        u.indicator_key, u.value, u.unit, u.line, u.sentence,
        '/so-lieu/' || u.fact_id || '/' as fact_link
    from main.dq_unknown_period_or_place u
)
select *, false as is_placeholder from rows_
union all by name
select true as is_placeholder, false as is_place_unknown, false as is_period_unknown
where not exists (select 1 from rows_)
order by is_placeholder, source_name, line

-- Chất lượng: số liệu đọc bằng OCR (facts read from scanned pages), lowest confidence first.
-- Evidence 39 writes no Parquet file for an empty result and the build then fails; a
-- placeholder row (is_placeholder) keeps the file, the pages filter it out.
with rows_ as (
    select
        o.fact_id, o.document_id, o.source_name, o.ocr_confidence, o.indicator_key, o.value, o.unit,
        o.line, o.sentence,
        '/so-lieu/' || o.fact_id || '/' as fact_link
    from main.dq_ocr_facts o
)
select *, false as is_placeholder from rows_
union all by name
select true as is_placeholder where not exists (select 1 from rows_)
order by is_placeholder, ocr_confidence, source_name, line

-- Chất lượng: cụm từ chưa có trong danh mục chỉ tiêu (phrases not in the indicator catalogue).
-- Evidence 39 writes no Parquet file for an empty result and the build then fails; a
-- placeholder row (is_placeholder) keeps the file, the pages filter it out.
with rows_ as (
    select indicator_key, indicator_phrase, fact_count, document_count, example_unit, example_source
    from main.dq_unmapped_phrases
)
select *, false as is_placeholder from rows_
union all by name
select true as is_placeholder where not exists (select 1 from rows_)
order by is_placeholder, fact_count desc, indicator_phrase

-- The value to report per locality × period × indicator × measure × compared_to, one row per
-- kind of value (level, planned level, change, planned change, attainment) and base unit, so
-- levels and changes never share a column. Which fact is chosen when several state it:
--   1. a final figure over an estimate (qualifier 'estimate' last),
--   2. then the latest document by its date (doc_date, else its load time),
--   3. then a table cell over prose (they are counted as agreeing when their values match),
--   4. then the first in the document.
-- fact_count / document_count say how many facts and documents state it; is_disputed says
-- whether they disagree (more than one value after rounding to 6 significant digits).
-- Built incrementally by locality × period × indicator (macros/batch.sql): a batch rebuilds the
-- keys its documents state or stated; `baocao rebuild` builds it whole.

{{ by_value_key_config(records_keys=true) }}

with

facts as (

    select * from {{ ref('fact_value') }} as fact_value
    where {{ in_batch_value_keys('fact_value') }}

),

documents as (

    select document_id, doc_date, document_kind from {{ ref('dim_document') }}

),

indicators as (

    select indicator_key, unit_class from {{ ref('dim_indicator') }}

),

classified as (

    select
        facts.*,
        documents.doc_date,
        documents.document_kind,
        case
            when facts.measure = 'attainment_pct' then 'attainment'
            when facts.measure in ('change_pct', 'change_abs', 'change_times') then 'change'
            -- a level indicator stated in % is its change ('KH tăng 8-9%' of a value in tỷ đồng)
            when facts.unit = 'PCT' and coalesce(indicators.unit_class, 'percent') <> 'percent'
                then case when facts.measure = 'target' then 'planned_change' else 'change' end
            when facts.measure = 'target' then 'planned_level'
            else 'level'
        end as value_kind,
        round(facts.value_base, 6 - cast(ceil(log10(greatest(abs(facts.value_base), 1e-9))) as integer))
            as value_rounded

    from facts
    left join documents on documents.document_id = facts.document_id
    left join indicators on indicators.indicator_key = facts.indicator_key

),

keyed as (

    select
        md5(concat_ws('|', locality_key, period_key, indicator_key, measure, coalesce(compared_to, ''),
            value_kind, coalesce(base_unit, ''))) as value_id,
        *

    from classified

),

-- how many facts and documents state each value, and whether they disagree (a group-by, not
-- windows: it spills to disk on a large warehouse instead of running out of memory)
stated as (

    select
        value_id,
        count(*) as fact_count,
        count(distinct document_id) as document_count,
        count(distinct value_rounded) as distinct_values,
        list_sort(list(distinct document_id)) as document_ids

    from keyed
    group by value_id

),

picked as (

    select *
    from keyed
    qualify row_number() over (
        partition by value_id
        order by
            qualifier = 'estimate',
            coalesce(doc_date, cast(loaded_at as date)) desc,
            table_name is null,
            document_id,
            fact_seq
    ) = 1

),

final as (

    select
        picked.value_id,
        locality_key,
        period_key,
        indicator_key,
        measure,
        compared_to,
        value_kind,
        value,
        value_high,
        qualifier,
        unit,
        unit_text,
        value_base,
        value_high_base,
        base_unit,
        cast(stated.fact_count as integer) as fact_count,
        cast(stated.document_count as integer) as document_count,
        stated.document_ids,
        stated.distinct_values > 1 as is_disputed,
        fact_id as chosen_fact_id,
        document_id as chosen_document_id,
        source_name,
        doc_date,
        indicator_phrase,
        line,
        col,
        sentence,
        table_name,
        table_row,
        table_column,
        is_ocr

    from picked
    inner join stated on stated.value_id = picked.value_id

)

select * from final

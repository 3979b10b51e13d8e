-- Values two or more facts state differently (same locality, period, indicator, measure,
-- base, kind and base unit): which values, from which documents. Số liệu vênh nhau.

-- Built incrementally by locality × period × indicator, after mart_indicator_values (macros/batch.sql).

{{ by_value_key_config() }}

with

values_ as (

    select * from {{ ref('mart_indicator_values') }} as mart_indicator_values
    where is_disputed
        and {{ in_batch_value_keys('mart_indicator_values') }}

),

facts as (

    select * from {{ ref('fact_value') }} as fact_value
    where {{ in_batch_value_keys('fact_value') }}

),

documents as (

    select document_id, doc_date, document_kind from {{ ref('dim_document') }}

),

final as (

    select
        values_.value_id,
        values_.locality_key,
        values_.period_key,
        values_.indicator_key,
        values_.measure,
        values_.value_kind,
        values_.value as chosen_value,
        values_.unit as chosen_unit,
        values_.source_name as chosen_source,
        cast(count(distinct facts.value_base) as integer) as value_count,
        -- ordered: the same facts give the same text, whichever way the build was made
        string_agg(distinct facts.value || ' ' || coalesce(facts.unit, '') || ' (' || facts.source_name || ')', '; '
            order by facts.value || ' ' || coalesce(facts.unit, '') || ' (' || facts.source_name || ')')
            as stated_values

    from values_
    inner join facts
        on facts.locality_key = values_.locality_key
        and facts.period_key = values_.period_key
        and facts.indicator_key = values_.indicator_key
        and facts.measure = values_.measure
        and facts.compared_to is not distinct from values_.compared_to
        and facts.base_unit is not distinct from values_.base_unit
    group by all

)

select * from final

-- One row per fact of the current version of each document. A new version of a document
-- replaces its facts here (the table is rebuilt); older versions stay in fact_value_history.

with

facts as (

    select * from {{ ref('int_facts') }}

),

final as (

    select
        fact_id,
        document_id,
        document_version,
        fact_seq,
        source_name,
        locality_key,
        period_key,
        indicator_key,
        measure,
        compared_to,
        qualifier,
        value,
        value_high,
        unit,
        unit_text,
        unit_multiplier,
        base_unit,
        value_base,
        value_high_base,
        indicator_phrase,
        locality_match,
        line,
        col,
        sentence,
        section,
        loaded_at

    from facts
    where is_current

)

select * from final

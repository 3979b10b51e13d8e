-- Every fact of every document version with its dimension keys and base-unit values.
-- fact_value keeps the current versions; fact_value_history keeps them all.
-- Built incrementally by document (macros/batch.sql): every version of a document the batch
-- touched is rebuilt, so the current flag of its older versions follows.

{{ by_document_config() }}

with

facts as (

    select * from {{ ref('stg_facts') }}
    where {{ in_batch('document_id') }}

),

documents as (

    select
        document_id,
        document_version,
        is_current,
        source_name,
        loaded_at

    from {{ ref('int_documents') }}

),

fact_localities as (

    select
        document_id,
        document_version,
        fact_seq,
        locality_key,
        locality_match

    from {{ ref('int_fact_locality') }}
    where {{ in_batch('document_id') }}

),

indicators as (

    select indicator_code from {{ ref('stg_indicators') }}

),

units as (

    select * from {{ ref('stg_units') }}

),

joined as (

    select
        {{ fact_id('facts.document_id', 'facts.document_version', 'facts.fact_seq') }} as fact_id,
        facts.document_id,
        facts.document_version,
        facts.fact_seq,
        documents.is_current,
        documents.source_name,
        coalesce(fact_localities.locality_key, {{ unknown_key() }}) as locality_key,
        coalesce(fact_localities.locality_match, 'unknown') as locality_match,
        coalesce({{ period_key('facts.period_text') }}, {{ unknown_key() }}) as period_key,
        case
            when indicators.indicator_code is not null then indicators.indicator_code
            when {{ clean_text('facts.indicator_phrase') }} is not null
                then {{ indicator_phrase_key('facts.indicator_phrase') }}
            else {{ unknown_key() }}
        end as indicator_key,
        facts.indicator_phrase,
        facts.indicator_code,
        facts.measure,
        facts.compared_to,
        facts.qualifier,
        facts.value,
        facts.value_high,
        facts.unit,
        facts.unit_text,
        units.unit_multiplier,
        units.base_unit,
        facts.value * units.unit_multiplier as value_base,
        facts.value_high * units.unit_multiplier as value_high_base,
        facts.line,
        facts.col,
        facts.sentence,
        facts.section,
        facts.table_name,
        facts.table_row,
        facts.table_column,
        facts.is_ocr,
        facts.ocr_confidence,
        documents.loaded_at

    from facts
    inner join documents
        on documents.document_id = facts.document_id
        and documents.document_version = facts.document_version
    left join fact_localities
        on fact_localities.document_id = facts.document_id
        and fact_localities.document_version = facts.document_version
        and fact_localities.fact_seq = facts.fact_seq
    left join indicators
        on indicators.indicator_code = facts.indicator_code
    left join units
        on units.unit_code = facts.unit

)

select * from joined

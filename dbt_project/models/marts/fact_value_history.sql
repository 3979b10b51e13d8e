-- Every fact of every version of every document, for auditing how a document's numbers
-- changed between versions. Use fact_value for analysis.
-- Built incrementally by document (macros/batch.sql); `baocao rebuild` builds it whole.

{{ by_document_config() }}

with

facts as (

    select * from {{ ref('int_facts') }}
    where {{ in_batch('document_id') }}

),

final as (

    select
        fact_id,
        document_id,
        document_version,
        fact_seq,
        is_current,
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
        table_name,
        table_row,
        table_column,
        is_ocr,
        ocr_confidence,
        loaded_at

    from facts

)

select * from final

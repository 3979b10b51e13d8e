-- Facts read by OCR from scanned pages, least confident first: the ones to check against
-- the paper. Số liệu nhận dạng từ bản quét.

{{ by_document_config() }}

with

facts as (

    select * from {{ ref('fact_value') }}
    where is_ocr
        and {{ in_batch('document_id') }}

),

final as (

    select
        fact_id,
        document_id,
        source_name,
        ocr_confidence,
        indicator_key,
        value,
        unit,
        line,
        sentence

    from facts

)

select * from final

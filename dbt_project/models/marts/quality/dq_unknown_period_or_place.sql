-- Facts whose period or place could not be told (they sit on the unknown member).
-- Số liệu chưa rõ kỳ hoặc địa bàn.

{{ by_document_config() }}

with

facts as (

    select * from {{ ref('fact_value') }}
    where {{ in_batch('document_id') }}

),

final as (

    select
        fact_id,
        document_id,
        source_name,
        locality_key = {{ unknown_key() }} as is_place_unknown,
        period_key = {{ unknown_key() }} as is_period_unknown,
        indicator_key,
        value,
        unit,
        line,
        sentence

    from facts
    where locality_key = {{ unknown_key() }} or period_key = {{ unknown_key() }}

)

select * from final

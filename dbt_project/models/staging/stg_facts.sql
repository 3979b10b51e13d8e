with

source as (

    select * from {{ source('raw', 'facts') }}

),

renamed as (

    select
        document_id,
        cast(version as integer) as document_version,
        cast(fact_seq as integer) as fact_seq,
        line,
        col,
        cast(value as double) as value,
        cast(value_high as double) as value_high,
        unit,
        unit_text,
        measure,
        compared_to,
        qualifier,
        period as period_text,
        locality as locality_name,
        locality_level,
        indicator as indicator_phrase,
        -- the product catalogue's code (finer than the contract's, which older lake files only have)
        coalesce(catalogue_code, indicator_code) as indicator_code,
        sentence,
        section,
        table_name,
        table_row,
        table_column,
        coalesce(ocr, false) as is_ocr,
        ocr_confidence

    from source

)

select * from renamed

with

source as (

    select * from {{ source('raw', 'documents') }}

),

renamed as (

    select
        document_id,
        cast(version as integer) as document_version,
        source_name,
        content_sha256,
        size_bytes,
        received_at,
        parsed_at,
        parser_version,
        title,
        kind as document_kind,
        issuer,
        locality as locality_name,
        locality_level,
        locality_code,
        doc_date as doc_date_text,
        try_cast(doc_date as date) as doc_date,
        period as period_text,
        line_count,
        fact_count,
        loaded_at

    from source

)

select * from renamed

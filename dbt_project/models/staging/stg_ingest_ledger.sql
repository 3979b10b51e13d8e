with

source as (

    select * from {{ source('raw', 'ingest_ledger') }}

),

renamed as (

    select
        seen_id,
        file_name,
        size_bytes,
        content_sha256,
        received_at,
        status,
        document_id,
        cast(version as integer) as document_version,
        stage as failed_stage,
        error,
        flow_run_id,
        recorded_at,
        parse_attempts,
        match_rule

    from source

)

select * from renamed

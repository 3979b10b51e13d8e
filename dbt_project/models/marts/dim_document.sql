-- One row per document, described by its current version.

with

documents as (

    select * from {{ ref('int_documents') }}

),

final as (

    select
        document_id,
        document_version as current_version,
        version_count,
        source_name,
        content_sha256,
        title,
        document_kind,
        issuer,
        locality_key,
        period_key,
        doc_date,
        line_count,
        fact_count,
        parser_version,
        first_loaded_at,
        loaded_at

    from documents
    where is_current

)

select * from final

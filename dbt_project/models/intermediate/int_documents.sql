-- Every document version, flagged current (max version of its document), with the
-- document's own place looked up in the gazetteer: the district and province that scope
-- the resolution of its facts' place names (int_fact_locality).

with

documents as (

    select * from {{ ref('stg_documents') }}

),

gazetteer as (

    select
        locality_code,
        locality_level,
        parent_code,
        province_code

    from {{ ref('stg_localities') }}

),

versioned as (

    select
        *,
        max(document_version) over (partition by document_id) as current_version,
        cast(count(*) over (partition by document_id) as integer) as version_count,
        min(loaded_at) over (partition by document_id) as first_loaded_at

    from documents

),

placed as (

    select
        versioned.*,
        gazetteer.locality_code is not null as is_locality_in_gazetteer,
        case gazetteer.locality_level
            when 'district' then gazetteer.locality_code
            when 'commune' then gazetteer.parent_code
        end as doc_district_code,
        gazetteer.province_code as doc_province_code

    from versioned
    left join gazetteer
        on gazetteer.locality_code = versioned.locality_code

),

final as (

    select
        document_id,
        document_version,
        document_version = current_version as is_current,
        current_version,
        version_count,
        source_name,
        content_sha256,
        title,
        document_kind,
        issuer,
        locality_name,
        locality_level,
        locality_code,
        case
            when is_locality_in_gazetteer then locality_code
            when locality_name is not null then {{ missing_locality_key('locality_level', 'locality_name') }}
            else {{ unknown_key() }}
        end as locality_key,
        doc_district_code,
        doc_province_code,
        doc_date,
        period_text,
        coalesce({{ period_key('period_text') }}, {{ unknown_key() }}) as period_key,
        line_count,
        fact_count,
        parser_version,
        received_at,
        parsed_at,
        first_loaded_at,
        loaded_at

    from placed

)

select * from final

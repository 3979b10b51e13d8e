-- The gazetteer (key = GSO code), places that facts or documents name but the gazetteer
-- lacks or cannot tell apart (key = 'x:' || md5(level|name), is_in_gazetteer = false),
-- and the unknown member.

with

gazetteer as (

    select * from {{ ref('stg_localities') }}

),

fact_places as (

    select
        locality_key,
        locality_name,
        locality_level,
        candidate_count

    from {{ ref('int_fact_locality') }}
    where locality_key like 'x:%'

),

document_places as (

    select
        locality_key,
        locality_name,
        locality_level,
        0 as candidate_count

    from {{ ref('int_documents') }}
    where locality_key like 'x:%'

),

gazetteer_members as (

    select
        locality_code as locality_key,
        locality_name as name,
        locality_level as level,
        unit_type,
        full_name,
        parent_code as parent_key,
        province_code as province_key,
        province_name,
        district_name,
        valid_from,
        valid_to,
        successor_province_code as successor_province_key,
        successor_province_name,
        successor_commune_code as successor_commune_key,
        successor_commune_name,
        true as is_in_gazetteer,
        cast(null as integer) as gazetteer_candidates

    from gazetteer

),

missing_members as (

    select
        locality_key,
        min({{ clean_text('locality_name') }}) as name,
        min(locality_level) as level,
        cast(null as varchar) as unit_type,
        cast(null as varchar) as full_name,
        cast(null as varchar) as parent_key,
        cast(null as varchar) as province_key,
        cast(null as varchar) as province_name,
        cast(null as varchar) as district_name,
        cast(null as date) as valid_from,
        cast(null as date) as valid_to,
        cast(null as varchar) as successor_province_key,
        cast(null as varchar) as successor_province_name,
        cast(null as varchar) as successor_commune_key,
        cast(null as varchar) as successor_commune_name,
        false as is_in_gazetteer,
        cast(max(candidate_count) as integer) as gazetteer_candidates

    from (
        select * from fact_places
        union all
        select * from document_places
    )
    group by locality_key

),

unknown_member as (

    select
        {{ unknown_key() }} as locality_key,
        'Không rõ' as name,
        cast(null as varchar) as level,
        cast(null as varchar) as unit_type,
        cast(null as varchar) as full_name,
        cast(null as varchar) as parent_key,
        cast(null as varchar) as province_key,
        cast(null as varchar) as province_name,
        cast(null as varchar) as district_name,
        cast(null as date) as valid_from,
        cast(null as date) as valid_to,
        cast(null as varchar) as successor_province_key,
        cast(null as varchar) as successor_province_name,
        cast(null as varchar) as successor_commune_key,
        cast(null as varchar) as successor_commune_name,
        false as is_in_gazetteer,
        cast(null as integer) as gazetteer_candidates

),

final as (

    select * from gazetteer_members
    union all
    select * from missing_members
    union all
    select * from unknown_member

)

select * from final

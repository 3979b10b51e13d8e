-- The gazetteer: localities.csv plus localities_extra.csv, where an extra row replaces
-- the row with the same code.

with

gazetteer as (

    select *, 2 as precedence from {{ ref('localities') }}

),

extra as (

    select *, 1 as precedence from {{ ref('localities_extra') }}

),

unioned as (

    select * from extra
    union all by name
    select * from gazetteer

),

deduplicated as (

    select *
    from unioned
    qualify row_number() over (partition by locality_code order by precedence) = 1

),

renamed as (

    select
        cast(locality_code as varchar) as locality_code,
        name as locality_name,
        level as locality_level,
        unit_type,
        full_name,
        nullif(parent_code, '') as parent_code,
        nullif(province_code, '') as province_code,
        province_name,
        district_name,
        cast(valid_from as date) as valid_from,
        cast(valid_to as date) as valid_to,
        source as gazetteer_source,
        nullif(successor_province_code, '') as successor_province_code,
        nullif(successor_province, '') as successor_province_name,
        nullif(successor_commune_code, '') as successor_commune_code,
        nullif(successor_commune, '') as successor_commune_name,
        precedence = 1 as is_extra

    from deduplicated

)

select * from renamed

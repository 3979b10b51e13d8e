-- Catalogue indicators (key = code), indicator phrases of facts that carry no catalogue
-- code (key = 'p:' || md5 of the phrase, lower case), and the unknown member.

with

catalogue as (

    select * from {{ ref('stg_indicators') }}

),

facts as (

    -- distinct pairs first: the phrase is cleaned once per spelling, not once per fact
    select distinct
        indicator_key,
        indicator_phrase

    from {{ ref('int_facts') }}
    where indicator_key like 'p:%'

),

catalogued as (

    select
        indicator_code as indicator_key,
        indicator_code,
        name_vi,
        name_en,
        domain,
        unit_class,
        higher_is_better,
        true as is_catalogued

    from catalogue

),

phrases as (

    select
        indicator_key,
        cast(null as varchar) as indicator_code,
        min(lower({{ clean_text('indicator_phrase') }})) as name_vi,
        cast(null as varchar) as name_en,
        cast(null as varchar) as domain,
        cast(null as varchar) as unit_class,
        cast(null as boolean) as higher_is_better,
        false as is_catalogued

    from facts
    where indicator_key like 'p:%'
    group by indicator_key

),

unknown_member as (

    select
        {{ unknown_key() }} as indicator_key,
        cast(null as varchar) as indicator_code,
        'không rõ' as name_vi,
        'unknown' as name_en,
        cast(null as varchar) as domain,
        cast(null as varchar) as unit_class,
        cast(null as boolean) as higher_is_better,
        false as is_catalogued

),

final as (

    select * from catalogued
    union all
    select * from phrases
    union all
    select * from unknown_member

)

select * from final

-- Indicator phrases no catalogue code names, by how often they occur: the list to extend
-- catalog/indicator_aliases.csv from. Cụm chỉ tiêu chưa có mã.

with

facts as (

    select * from {{ ref('fact_value') }}
    where indicator_key like 'p:%'

),

final as (

    select
        indicator_key,
        min(indicator_phrase) as indicator_phrase,
        cast(count(*) as integer) as fact_count,
        cast(count(distinct document_id) as integer) as document_count,
        min(unit) as example_unit,
        min(source_name) as example_source

    from facts
    group by indicator_key

)

select * from final
